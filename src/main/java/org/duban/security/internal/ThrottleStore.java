package org.duban.security.internal;

import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The throttle's rows ({@code login_throttle}), shared by every node: each change is a compare-and-set on the row's
 * revision, retried when another node (or request) changed it in between, so concurrent failures all count.
 * Runs outside any transaction: a refused insert must not abort one.
 */
@Component
class ThrottleStore {

    private static final int ATTEMPTS = 10;

    private final JdbcTemplate jdbc;

    ThrottleStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    ThrottleState find(String subject) {
        List<ThrottleState> found = jdbc.query(
                "SELECT failures, last_failure_ms, blocked_until_ms, revision FROM login_throttle WHERE subject = ?",
                (rs, i) -> new ThrottleState(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getInt(4)), subject);
        return found.isEmpty() ? ThrottleState.NONE : found.get(0);
    }

    /**
     * Applies the change to the subject's current state, unless {@code admit} refuses that state; returns the state
     * the change was made from (or the refused one).
     */
    ThrottleState change(String subject, java.util.function.Predicate<ThrottleState> admit, UnaryOperator<ThrottleState> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ThrottleState current = find(subject);
            if (!admit.test(current)) {
                return current;
            }
            ThrottleState next = change.apply(current);
            if (current.revision() == 0) {
                try {
                    jdbc.update("INSERT INTO login_throttle (subject, failures, last_failure_ms, blocked_until_ms, revision) "
                            + "VALUES (?, ?, ?, ?, ?)", subject, next.failures(), next.lastFailureMs(), next.blockedUntilMs(),
                            next.revision());
                    return current;
                } catch (DuplicateKeyException e) {
                    continue; // another request stored it first: start again from its state
                }
            }
            int updated = jdbc.update("UPDATE login_throttle SET failures = ?, last_failure_ms = ?, blocked_until_ms = ?, "
                    + "revision = ? WHERE subject = ? AND revision = ?", next.failures(), next.lastFailureMs(),
                    next.blockedUntilMs(), next.revision(), subject, current.revision());
            if (updated == 1) {
                return current;
            }
        }
        throw new IllegalStateException("login throttle row " + subject + " kept changing");
    }

    void forget(String subject) {
        jdbc.update("DELETE FROM login_throttle WHERE subject = ?", subject);
    }

    int forgetOlderThan(long lastFailureMs) {
        return jdbc.update("DELETE FROM login_throttle WHERE last_failure_ms < ?", lastFailureMs);
    }
}
