package org.duban.security.internal;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every answer: a Content-Security-Policy for our own pages (scripts and styles from this
 * origin only, ECharts from /webjars included; the few inline scripts carry the request's nonce, {@code ${cspNonce}}
 * in a template; style attributes are allowed, style elements are not, but on Swagger UI), Referrer-Policy, and
 * nosniff. The Camunda
 * webapps under {@code /camunda} bring their own, compatible policy (Camunda's HttpHeaderSecurityFilter, with its own
 * nonce for their scripts): two policies on one answer would both apply, so ours stays off their paths.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class SecurityHeaders extends OncePerRequestFilter {

    /** The request attribute templates read the nonce from. */
    static final String NONCE = "cspNonce";
    static final String REFERRER_POLICY = "strict-origin-when-cross-origin";
    private static final String POLICY = "default-src 'self'; script-src 'self' 'nonce-%s'; style-src 'self'%s; "
            + "style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'%s; frame-ancestors 'self'";
    /** Swagger UI adds style elements of its own; our pages do not. */
    private static final String SWAGGER_UI = "/swagger-ui/";

    private final SecureRandom random = new SecureRandom();
    /**
     * The identity provider's origin, when single sign-on is on: logging out is a form whose answer redirects there
     * (RP-initiated logout), and browsers hold redirects after a form to its form-action too.
     */
    private final String provider;

    SecurityHeaders(ObjectProvider<SsoLogin> sso) {
        SsoLogin login = sso.getIfAvailable();
        this.provider = login == null ? "" : " " + origin(login.properties().issuer());
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/camunda/")) {
            byte[] bytes = new byte[18];
            random.nextBytes(bytes);
            String nonce = Base64.getEncoder().encodeToString(bytes);
            request.setAttribute(NONCE, nonce);
            response.setHeader("Content-Security-Policy",
                    POLICY.formatted(nonce, path.startsWith(SWAGGER_UI) ? " 'unsafe-inline'" : "", provider));
        }
        chain.doFilter(request, response);
    }
}
