package org.duban.portal;

import java.util.List;
import java.util.Map;

import org.duban.organisation.Groups;
import org.duban.organisation.Organisation;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page after login: where each person goes next, depending on their roles. */
@Controller
class HomeController {

    private static final Map<String, String> ROLE_NAMES = Map.of(
            Groups.LEADERS, "领导", Groups.SUPERVISORS, "督查室", Groups.AUDITORS, "审计/纪检", Groups.ADMINS, "管理员");

    private final Organisation organisation;

    HomeController(Organisation organisation) {
        this.organisation = organisation;
    }

    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        List<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(Groups.AUTHORITY_PREFIX))
                .map(authority -> authority.substring(Groups.AUTHORITY_PREFIX.length()))
                .toList();
        List<String> roles = groups.stream().filter(g -> !Groups.CAMUNDA_ADMIN.equals(g)).map(this::displayName).toList();
        model.addAttribute("name", organisation.member(authentication.getName())
                .map(member -> member.name()).orElse(authentication.getName()));
        model.addAttribute("roles", String.join("、", roles));
        model.addAttribute("canCockpit", groups.stream().anyMatch(g -> List.of(Groups.LEADERS, Groups.SUPERVISORS,
                Groups.AUDITORS, Groups.ADMINS).contains(g)));
        model.addAttribute("canAdmin", groups.contains(Groups.ADMINS));
        model.addAttribute("canAudit", groups.contains(Groups.AUDITORS) || groups.contains(Groups.ADMINS));
        return "home";
    }

    private String displayName(String group) {
        if (Groups.isDepartmentGroup(group)) {
            return organisation.department(Groups.departmentCode(group)).map(d -> d.name()).orElse(group);
        }
        return ROLE_NAMES.getOrDefault(group, group);
    }
}
