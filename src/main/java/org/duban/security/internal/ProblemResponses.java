package org.duban.security.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.duban.system.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
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
    /** The challenges this node answers with: Basic where enabled, Bearer where single sign-on is configured. */
    private final String challenge;

    ProblemResponses(ProblemWriter problems, LoginProperties logins, ObjectProvider<SsoLogin> sso) {
        this.problems = problems;
        List<String> challenges = new ArrayList<>();
        if (logins.httpBasic()) {
            challenges.add("Basic realm=\"Duban\", charset=\"UTF-8\"");
        }
        if (sso.getIfAvailable() != null) {
            challenges.add("Bearer realm=\"Duban\"");
        }
        this.challenge = String.join(", ", challenges);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof LoginThrottledException throttled) {
            throttled(response, throttled);
            return;
        }
        if (e instanceof AuthenticationServiceException) {
            // the identity provider's keys could not be read: the token may be good, so no challenge, try again later
            response.setHeader(HttpHeaders.RETRY_AFTER, "30");
            problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable",
                    "统一身份认证服务暂时无法连接", "暂时无法校验令牌，请稍后重试。");
            return;
        }
        if (!challenge.isEmpty()) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        if (e instanceof UnknownPersonException unknown) {
            problems.write(response, HttpStatus.UNAUTHORIZED, "unknown-person", "人员不在组织名单中",
                    unknown.person().isEmpty() ? "令牌中没有标明人员。"
                            : "令牌所属人员“" + unknown.person() + "”不在督办系统的组织名单中。");
            return;
        }
        if (e instanceof InvalidBearerTokenException) {
            problems.write(response, HttpStatus.UNAUTHORIZED, "invalid-token", "令牌无效",
                    "令牌无效、已过期或不是签发给督办系统的，请重新获取令牌。");
            return;
        }
        problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "未登录",
                "请先登录，或在请求中提供有效的登录凭据。");
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
