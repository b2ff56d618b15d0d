package org.duban.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page after login: where each person goes next, depending on their roles. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
