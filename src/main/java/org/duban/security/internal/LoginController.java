package org.duban.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

@Controller
class LoginController {

    private final LoginProperties logins;
    private final SsoLogin sso;

    LoginController(LoginProperties logins, ObjectProvider<SsoLogin> sso) {
        this.logins = logins;
        this.sso = sso.getIfAvailable();
    }

    /** What the login page offers: the password form and/or the single sign-on button. */
    @ModelAttribute
    void offers(Model model) {
        model.addAttribute("passwordLogin", logins.password());
        if (sso != null) {
            String name = sso.properties().providerName();
            model.addAttribute("ssoName", name == null || name.isBlank() ? "统一身份认证" : name);
            model.addAttribute("ssoStart", SsoAvailability.START);
        }
    }

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

    /** A single sign-on for someone the organisation does not list (forwarded here by {@code SsoFailurePage}). */
    @RequestMapping(SsoFailurePage.UNKNOWN_PERSON_PAGE)
    String unknownPerson(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object person = request.getAttribute("unknownPerson");
        model.addAttribute("person", person == null ? "" : person.toString());
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "unknown-person";
    }
}
