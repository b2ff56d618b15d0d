package org.duban.security.internal;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Too many wrong passwords lately: the attempt was not checked; try again after {@link #retryAfter()}. */
class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("登录尝试过于频繁");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, at least one, as the Retry-After header gives them. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** What a person reads. */
    String message() {
        return "登录尝试过于频繁，请在 " + retryAfterSeconds() + " 秒后再试。";
    }
}
