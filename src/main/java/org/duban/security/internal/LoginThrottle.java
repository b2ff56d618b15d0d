package org.duban.security.internal;

import java.time.Clock;
import java.time.Duration;

import lombok.extern.slf4j.Slf4j;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Wrong passwords slow down whoever sends them; nobody is ever locked out for good (README, "Wrong passwords").
 * <ul>
 * <li>A browser holding a device cookie for the login ({@link DeviceCookies}) is trusted: only its own cookie is
 * counted, and after {@code device-free-failures} it vouches no more until its failures are forgotten.</li>
 * <li>Any other client is held back per account and per source address: after their free failures, each further
 * failure makes the next attempt wait twice as long (up to {@code max-delay}); while it waits, attempts are answered
 * 429 with Retry-After and the password is not even checked.</li>
 * </ul>
 * Once an account or device has failed, each attempt is charged to it before its password is checked, so parallel
 * guesses cannot slip through together; a correct password gives its own charge back (only its own: a script logging
 * in all day does not wipe a guesser's record). Failures are forgotten {@code memory} after the last one. The state
 * is in the database, shared by every node.
 */
@Slf4j
@Component
@EnableConfigurationProperties(LoginThrottleProperties.class)
class LoginThrottle {

    /**
     * An admitted attempt: the subject it counts for ({@code device:…} when a device cookie vouched for it, else
     * {@code account:…}; null for a login that cannot exist), and whether it was charged there already.
     */
    record Admission(String subject, boolean trusted, boolean charged, String source) {}

    private final ThrottleStore store;
    private final Clock clock;
    private final LoginThrottleProperties properties;

    LoginThrottle(ThrottleStore store, Clock clock, LoginThrottleProperties properties) {
        this.store = store;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Lets the attempt be checked, or throws {@link LoginThrottledException}.
     *
     * @param login  a syntactically valid login id, or null for one that cannot exist (counted for the source only)
     * @param device the nonce of the request's valid device cookie for this login, or null
     */
    Admission admit(String login, String source, String device) {
        long now = clock.millis();
        if (login != null && device != null) {
            String subject = "device:" + device;
            ThrottleState.Policy policy = policy(true);
            ThrottleState state = store.find(subject);
            if (!policy.exhausted(state, now)) {
                return new Admission(subject, true, charge(subject, state, policy, now), source);
            }
            // a cookie with too many failures vouches no more: on as any other client
        }
        ThrottleState sourceState = store.find(sourceSubject(source));
        if (sourceState.blocked(now)) {
            throw throttled(sourceState.waitMs(now));
        }
        if (login == null) {
            return new Admission(null, false, false, source);
        }
        String subject = "account:" + login;
        ThrottleState state = store.find(subject);
        if (state.blocked(now)) {
            throw throttled(state.waitMs(now));
        }
        return new Admission(subject, false, charge(subject, state, policy(false), now), source);
    }

    /** The password was right: a charge made in advance is given back. */
    void succeeded(Admission admission) {
        if (admission.charged()) {
            store.change(admission.subject(), state -> state.revision() > 0, policy(admission.trusted())::afterSuccess);
        }
    }

    /** The password was wrong: it counts for the account or device, and for the source unless a device vouched. */
    void failed(Admission admission) {
        long now = clock.millis();
        if (admission.subject() != null && !admission.charged()) {
            ThrottleState.Policy policy = policy(admission.trusted());
            store.change(admission.subject(), state -> true, state -> policy.afterFailure(state, now));
        }
        if (!admission.trusted()) {
            ThrottleState.Policy policy = new ThrottleState.Policy(properties.getSourceFreeFailures(),
                    properties.getFirstDelay().toMillis(), properties.getMaxDelay().toMillis(),
                    properties.getMemory().toMillis());
            store.change(sourceSubject(admission.source()), state -> true, state -> policy.afterFailure(state, now));
        }
    }

    /**
     * A subject that failed lately is charged before its password is checked, so that parallel guesses cannot slip
     * through together once guessing has begun; a clean one (every real login) is charged only if it fails.
     * Another request may have moved the subject on in between: then its new state decides.
     */
    private boolean charge(String subject, ThrottleState state, ThrottleState.Policy policy, long now) {
        if (state.failures() == 0) {
            return false;
        }
        boolean device = subject.startsWith("device:");
        ThrottleState before = store.change(subject,
                current -> device ? !policy.exhausted(current, now) : !current.blocked(now),
                current -> policy.afterFailure(current, now));
        if (!device && before.blocked(now)) {
            throw throttled(before.waitMs(now));
        }
        return !device || !policy.exhausted(before, now);
    }

    /** Failures older than the memory are forgotten anyway; their rows go. */
    @Scheduled(fixedDelayString = "${duban.login-throttle.cleanup-interval:PT10M}")
    void forgetOldFailures() {
        int removed = store.forgetOlderThan(clock.millis() - properties.getMemory().toMillis()
                - properties.getMaxDelay().toMillis());
        if (removed > 0) {
            log.debug("Forgot {} login throttle rows", removed);
        }
    }

    private ThrottleState.Policy policy(boolean device) {
        return new ThrottleState.Policy(device ? properties.getDeviceFreeFailures() : properties.getAccountFreeFailures(),
                properties.getFirstDelay().toMillis(), properties.getMaxDelay().toMillis(),
                properties.getMemory().toMillis());
    }

    private static String sourceSubject(String source) {
        return "source:" + source;
    }

    private static LoginThrottledException throttled(long waitMs) {
        return new LoginThrottledException(Duration.ofMillis(waitMs));
    }
}
