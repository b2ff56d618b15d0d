package org.duban.system;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database cannot be reached, every request that needs it — the login page too, since the session is kept
 * in the database — answers 503 with a Chinese reason and {@code Retry-After}, not a 500 with a stack trace in the log:
 * a page for people, {@code application/problem+json} ({@code database-unavailable}) for the APIs. Outside the
 * session filter, so that the failed session write is caught as well. Nothing of the request was done: it failed
 * before its transaction could begin or commit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DatabaseUnavailableResponse extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "30";
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableResponse.class);
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="UTF-8"><title>系统暂时无法使用 · 督办</title></head>
            <body style="font-family:sans-serif;max-width:40em;margin:4em auto;line-height:1.6">
            <h1>系统暂时无法使用</h1>
            <p>督办系统暂时无法连接数据库，本次操作未执行。请稍后刷新页面重试；如长时间无法使用，请联系系统管理员。</p>
            </body></html>
            """;

    private final ProblemWriter problems;

    DatabaseUnavailableResponse(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!unreachable(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("{} {}: database unreachable, answered 503 ({})", request.getMethod(), request.getRequestURI(),
                    rootMessage(e));
            response.reset();
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            if (wantsPage(request)) {
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                response.setContentType("text/html;charset=UTF-8");
                response.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
            } else {
                problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "数据库暂时无法连接",
                        "督办系统暂时无法连接数据库，本次操作未执行，请稍后重试。");
            }
        }
    }

    /** Whether the failure, anywhere in its causes, is the database not answering (not a refused statement). */
    static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException || t instanceof SQLTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** The APIs answer a problem; every other address is a page someone opened. */
    private static boolean wantsPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/api/") || path.startsWith("/engine-rest") || path.startsWith("/camunda/api")
                || path.startsWith("/actuator"));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
