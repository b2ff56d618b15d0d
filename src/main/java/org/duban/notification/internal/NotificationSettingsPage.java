package org.duban.notification.internal;

import jakarta.servlet.http.HttpServletResponse;

import org.duban.system.InvalidRequestException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 通知设置: each person chooses immediate mail or one daily digest. */
@Controller
class NotificationSettingsPage {

    private static final String PAGE = "settings/notifications";

    private final NotificationPreferences preferences;
    private final NotificationProperties properties;

    NotificationSettingsPage(NotificationPreferences preferences, NotificationProperties properties) {
        this.preferences = preferences;
        this.properties = properties;
    }

    @GetMapping("/settings/notifications")
    String show(@RequestParam(required = false) String saved, Authentication authentication, Model model) {
        Delivery current = preferences.of(authentication.getName());
        model.addAttribute("saved", saved != null ? current.label() : null);
        return page(current, model);
    }

    @PostMapping("/settings/notifications")
    String save(@RequestParam(required = false) String delivery, Authentication authentication, Model model,
            HttpServletResponse response) {
        try {
            preferences.set(authentication.getName(), DeliveryChoice.parse(delivery));
        } catch (InvalidRequestException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.problems().get(0).message());
            return page(preferences.of(authentication.getName()), model);
        }
        // after a POST the browser should land on a GET, so a reload does not submit again
        return "redirect:/settings/notifications?saved";
    }

    private String page(Delivery current, Model model) {
        model.addAttribute("current", current.key());
        model.addAttribute("digestTime", properties.digestTime());
        model.addAttribute("quietStart", properties.quietHours().start());
        model.addAttribute("quietEnd", properties.quietHours().end());
        return PAGE;
    }
}
