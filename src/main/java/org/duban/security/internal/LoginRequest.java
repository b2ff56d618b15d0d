package org.duban.security.internal;

import java.io.Serializable;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.stereotype.Component;

/**
 * Where a login attempt comes from, as the throttle needs it: the source address and the device cookies the browser
 * sent. Built by Spring Security for the login form and for HTTP Basic alike; it can ask for a device cookie to be
 * given with the answer ({@link DeviceCookies.Writer}).
 */
final class LoginRequest implements Serializable {

    static final LoginRequest UNKNOWN = new LoginRequest("unknown", Map.of(), null);

    private final String source;
    private final Map<String, String> deviceCookies;
    private final transient HttpServletRequest request;

    private LoginRequest(String source, Map<String, String> deviceCookies, HttpServletRequest request) {
        this.source = source;
        this.deviceCookies = Map.copyOf(deviceCookies);
        this.request = request;
    }

    String source() {
        return source;
    }

    Map<String, String> deviceCookies() {
        return deviceCookies;
    }

    /** The answer to this request will carry a fresh device cookie for the login. */
    void issueDeviceCookie(String login) {
        if (request != null) {
            request.setAttribute(DeviceCookies.ISSUE_FOR, login);
        }
    }

    @Component
    static class Source implements AuthenticationDetailsSource<HttpServletRequest, LoginRequest> {

        @Override
        public LoginRequest buildDetails(HttpServletRequest request) {
            return new LoginRequest(request.getRemoteAddr(), DeviceCookies.of(request), request);
        }
    }
}
