package org.duban.reorganisation;

import jakarta.servlet.http.HttpServletResponse;

import org.duban.organisation.Organisation;
import org.duban.organisation.OrganisationReload;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 组织名单 for administrators: paste the new organisation, preview what changes, apply it; the history below. */
@Controller
class OrganisationAdminPage {

    private static final String PAGE = "admin/organisation";

    private final OrganisationReload loading;
    private final Organisation organisation;

    OrganisationAdminPage(OrganisationReload loading, Organisation organisation) {
        this.loading = loading;
        this.organisation = organisation;
    }

    @GetMapping("/admin/organisation")
    String show(Authentication authentication, Model model) {
        OrganisationController.requireAdmin(authentication);
        return page(model);
    }

    @PostMapping("/admin/organisation/preview")
    String preview(@RequestParam(required = false) String content, Authentication authentication, Model model,
            HttpServletResponse response) {
        OrganisationController.requireAdmin(authentication);
        model.addAttribute("content", content);
        try {
            model.addAttribute("preview", loading.preview(content));
        } catch (OrganisationReload.Refused e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", e.problems());
        }
        return page(model);
    }

    @PostMapping("/admin/organisation")
    String apply(@RequestParam(required = false) String content, @RequestParam(required = false) String previewed,
            Authentication authentication, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        OrganisationController.requireAdmin(authentication);
        try {
            OrganisationReload.Preview applied = loading.apply(content, previewed, authentication.getName());
            redirect.addFlashAttribute("applied", applied.changes().unchanged() ? "组织名单未变，未重新载入。"
                    : "已载入并生效：" + applied.summary() + "。");
        } catch (OrganisationReload.Refused e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("content", content);
            model.addAttribute("errors", e.problems());
            return page(model);
        } catch (OrganisationReload.NotPreviewed e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("content", content);
            model.addAttribute("errors", java.util.List.of(e.getMessage()));
            return page(model);
        }
        // after a POST the browser should land on a GET, so a reload does not load again
        return "redirect:/admin/organisation";
    }

    private String page(Model model) {
        model.addAttribute("version", loading.version());
        model.addAttribute("units", organisation.departments().size());
        model.addAttribute("people", organisation.members().size());
        model.addAttribute("history", loading.history(50));
        return PAGE;
    }
}
