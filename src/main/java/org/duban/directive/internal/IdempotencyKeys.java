package org.duban.directive.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Remembers which directive an {@code Idempotency-Key} produced, per user. The key row is inserted
 * in the issuing transaction: a concurrent repeat waits on it and then finds the first directive.
 */
@Component
class IdempotencyKeys {

    record Entry(String requestHash, String directiveNumber) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    IdempotencyKeys(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Entry> find(String userId, String key) {
        return jdbc.query("SELECT request_hash, directive_number FROM idempotency_key WHERE user_id = ? AND idempotency_key = ?",
                (rs, row) -> new Entry(rs.getString(1), rs.getString(2)), userId, key).stream().findFirst();
    }

    /** Throws DuplicateKeyException when another request holds the key. */
    void claim(String userId, String key, String requestHash) {
        jdbc.update("INSERT INTO idempotency_key (user_id, idempotency_key, request_hash, created_at) VALUES (?,?,?,?)",
                userId, key, requestHash, OffsetDateTime.now(clock));
    }

    void complete(String userId, String key, String directiveNumber) {
        jdbc.update("UPDATE idempotency_key SET directive_number = ? WHERE user_id = ? AND idempotency_key = ?",
                directiveNumber, userId, key);
    }
}
