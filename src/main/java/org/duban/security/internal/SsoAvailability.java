package org.duban.security.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before the browser is sent to the identity provider: when the provider's configuration cannot be read, the person
 * is taken back to the login page with a Chinese reason instead of Spring Security's bare 500.
 */
class SsoAvailability extends OncePerRequestFilter {

    static final String START = "/oauth2/authorization/" + SsoProperties.REGISTRATION;

    private final IssuerClientRegistration registration;

    SsoAvailability(IssuerClientRegistration registration) {
        this.registration = registration;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !START.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!registration.reachable()) {
            response.sendRedirect(request.getContextPath() + "/login?sso=unavailable");
            return;
        }
        chain.doFilter(request, response);
    }
}
