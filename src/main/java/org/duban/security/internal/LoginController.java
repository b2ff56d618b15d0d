package org.duban.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** The login page again, after an attempt the throttle held back (forwarded here by {@code ProblemResponses}). */
    @RequestMapping(ProblemResponses.THROTTLED_LOGIN_PAGE)
    String throttled(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object message = request.getAttribute("throttledMessage");
        model.addAttribute("throttled", message == null ? "登录尝试过于频繁，请稍后再试。" : message);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        return "login";
    }
}
