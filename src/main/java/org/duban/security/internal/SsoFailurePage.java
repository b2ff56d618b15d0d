package org.duban.security.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import lombok.extern.slf4j.Slf4j;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A single sign-on that did not end in a login: a person the organisation does not list sees a page saying so (403,
 * no session is created); any other failure (the provider refused, or could not be reached for the token) goes back
 * to the login page with a reason.
 */
@Slf4j
class SsoFailurePage implements AuthenticationFailureHandler {

    /** Forwarded to, with the person's id as a request attribute; rendered by {@code LoginController}. */
    static final String UNKNOWN_PERSON_PAGE = "/login/unknown-person";

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException, ServletException {
        if (e instanceof OAuth2AuthenticationException oauth
                && OrganisationOidcUserService.UNKNOWN_PERSON.equals(oauth.getError().getErrorCode())) {
            log.info("Single sign-on of '{}' refused: not in the organisation", oauth.getError().getDescription());
            response.setStatus(HttpStatus.FORBIDDEN.value());
            request.setAttribute("unknownPerson", oauth.getError().getDescription());
            request.getRequestDispatcher(UNKNOWN_PERSON_PAGE).forward(request, response);
            return;
        }
        log.info("Single sign-on failed: {}", e.getMessage());
        response.sendRedirect(request.getContextPath() + "/login?sso=failed");
    }
}
