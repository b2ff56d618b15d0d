package org.duban.security.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import lombok.extern.slf4j.Slf4j;

import org.camunda.bpm.engine.BadUserRequestException;
import org.duban.security.internal.EngineApiAllowList.Check;
import org.duban.security.internal.EngineApiAllowList.Rule;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The door to the engine APIs ({@code /engine-rest/**}, and {@code /camunda/api/**} that Tasklist and Cockpit call):
 * after Spring Security has named the caller and before any Camunda filter or resource runs, a call goes on only if
 * {@link EngineApiAllowList} lets the caller's role make it and its check passes; a step (completion, start) carries
 * only its form's inputs, for admins too. On the way back, the engine's refusal of a person's input is answered as
 * that refusal (400 with the fields; on the webapps' API in Camunda's shape with a clean Chinese message), and a
 * server error never shows its message (it may hold SQL): the log has it.
 */
@Slf4j
class EngineApiGuard extends OncePerRequestFilter {

    /** Headers with which some JAX-RS stacks let a POST be taken for another method. */
    private static final List<String> METHOD_OVERRIDES = List.of("X-HTTP-Method-Override", "X-HTTP-Method",
            "X-Method-Override");

    private final EngineWriteChecks checks;
    private final RefusalWriter refusals;

    EngineApiGuard(EngineWriteChecks checks, RefusalWriter refusals) {
        this.checks = checks;
        this.refusals = refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        EngineCall call = EngineCall.of(request);
        if (call == null) {
            chain.doFilter(request, response);
            return;
        }
        Caller caller = Caller.of(SecurityContextHolder.getContext().getAuthentication());
        Refusal refusal = refusalOf(call, caller, request);
        if (refusal != null) {
            refusals.write(response, call.webapp(), refusal);
            return;
        }
        ErrorBodyCapture capture = new ErrorBodyCapture(response);
        RuntimeException engineRefusal;
        EngineInputErrors.open();
        try {
            chain.doFilter(request, capture);
        } finally {
            engineRefusal = EngineInputErrors.close();
        }
        if (capture.isError()) {
            answerError(call, capture, engineRefusal, response);
        }
    }

    private Refusal refusalOf(EngineCall call, Caller caller, HttpServletRequest request) {
        if (caller == null) {
            return new Refusal(HttpStatus.UNAUTHORIZED, "unauthenticated", "未登录", "请先登录。", null);
        }
        if (call.root() == EngineCall.Root.WEBAPP && call.method().equals("POST")
                && call.path().matches("/admin/auth/user/[^/]+/login(/.*)?")) {
            // the webapps' own login would check passwords past our throttle; everybody logs in on /login
            return Refusal.forbidden("请在督办登录页登录。");
        }
        if (caller.isAdmin()) {
            Rule step = EngineApiAllowList.stepOf(call);
            return step == null ? null : checks.check(step.check(), call, caller, request);
        }
        for (String header : METHOD_OVERRIDES) {
            if (request.getHeader(header) != null) {
                return Refusal.malformed("不支持改写请求方法。");
            }
        }
        Rule rule = EngineApiAllowList.find(call, caller);
        if (rule == null) {
            return Refusal.forbidden("您的角色不能执行此操作。");
        }
        return rule.check() == Check.NONE ? null : checks.check(rule.check(), call, caller, request);
    }

    private void answerError(EngineCall call, ErrorBodyCapture capture, RuntimeException engineRefusal,
            HttpServletResponse response) throws IOException {
        int status = capture.getStatus();
        // the engine's own "bad request" is Camunda's to word while it answers 4xx; it is lifted only out of a 500
        if (engineRefusal instanceof BadUserRequestException && status < 500) {
            engineRefusal = null;
        }
        if (engineRefusal != null) {
            refusals.write(response, call.webapp(), Refusal.of(engineRefusal));
        } else if (status >= 500) {
            log.warn("Engine API {} {} failed with {}: {}", call.method(), call.path(), status, capture.capturedBody());
            HttpStatus known = HttpStatus.resolve(status);
            refusals.write(response, call.webapp(), new Refusal(known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known,
                    "server-error",
                    "服务器内部错误", "服务器未能完成请求，请稍后重试；问题持续时请联系管理员。", null));
        } else if (capture.capturedBody().isBlank()) {
            HttpStatus known = HttpStatus.resolve(status);
            refusals.write(response, call.webapp(), new Refusal(known == null ? HttpStatus.BAD_REQUEST : known,
                    status == 404 ? "not-found" : status == 405 ? "method-not-allowed" : "request-failed",
                    status == 404 ? "未找到" : status == 405 ? "不支持的请求方法" : "请求未能完成",
                    status == 404 ? "请求的对象不存在。" : status == 405 ? "该地址不支持此请求方法。" : "请求未能完成。", null));
        } else {
            capture.release();
        }
    }
}
