package org.duban.security.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.duban.system.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * 401, 403 and 429 for API clients as {@code application/problem+json}, in Chinese for people; a refused login
 * form goes back to the login page (with its status and the reason when the attempt was held back).
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

    /** Where a held-back login form is shown again, with status 429 (forwarded to, so outside Spring Security). */
    static final String THROTTLED_LOGIN_PAGE = "/login/throttled";

    private final ProblemWriter problems;

    ProblemResponses(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof LoginThrottledException throttled) {
            throttled(response, throttled);
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Duban\", charset=\"UTF-8\"");
        problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "未登录",
                "请先登录，或在请求中提供有效的用户名和密码。");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        problems.write(response, HttpStatus.FORBIDDEN, "forbidden", "无权访问", "您没有执行此操作的权限。");
    }

    /** The login form: a wrong password goes back to the page; a held-back attempt is shown there with 429. */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException, ServletException {
        if (!(e instanceof LoginThrottledException throttled)) {
            response.sendRedirect(request.getContextPath() + "/login?error");
            return;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            request.setAttribute("throttledMessage", throttled.message());
            request.getRequestDispatcher(THROTTLED_LOGIN_PAGE).forward(request, response);
            return;
        }
        throttled(response, throttled);
    }

    private void throttled(HttpServletResponse response, LoginThrottledException throttled) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
        problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "login-throttled", "登录尝试过于频繁", throttled.message());
    }
}
