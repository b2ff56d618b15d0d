package org.duban.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a body over its path's limit ({@link RequestLimits}, 1 MiB by default) before anything reads it: every
 * endpoint, our API, the engine's and the webapps', the login form (413). A body of unknown length (chunked) is
 * refused too, as its size could only be learnt by reading it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@EnableConfigurationProperties(RequestLimits.class)
class RequestSizeLimit extends OncePerRequestFilter {

    private final ProblemWriter problems;
    private final RequestLimits limits;

    RequestSizeLimit(ProblemWriter problems, RequestLimits limits) {
        this.problems = problems;
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        boolean chunked = length < 0 && request.getHeader("Transfer-Encoding") != null;
        if (length > 0 || chunked) {
            DataSize limit = limits.limitFor(request.getRequestURI().substring(request.getContextPath().length()));
            if (length > limit.toBytes() || chunked) {
                problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "请求内容过大",
                        "请求内容不能超过 " + readable(limit) + "，且须注明长度。");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " 字节";
    }
}
