package org.duban.notification.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The notification outbox: written with the step that causes a message, drained by {@link OutboxSender}. */
@Component
class Outbox {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    /** Kept in the outbox and the log only: no SMTP server is configured. */
    static final String LOGGED = "LOGGED";

    record Message(long id, String recipient, String subject, String text, String html, int attempts) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Outbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void enqueue(String kind, String number, String recipient, String subject, String text, String html) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.update("INSERT INTO notification_outbox (kind, directive_number, recipient, subject, text_body, html_body, "
                        + "status, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                kind, number, recipient, subject, text, html, PENDING, now, now);
    }

    /**
     * Leases up to {@code limit} due messages to this node. Each row is taken by a conditional update,
     * so of two nodes racing for a row exactly one wins it.
     */
    List<Message> claimDue(String node, int limit, long leaseSeconds) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Long> candidates = jdbc.queryForList("SELECT id FROM notification_outbox WHERE status = ? AND next_attempt_at <= ? "
                + "AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY id", Long.class, PENDING, now, now)
                .stream().limit(limit).toList();
        return candidates.stream()
                .filter(id -> jdbc.update("UPDATE notification_outbox SET claimed_by = ?, claimed_until = ? WHERE id = ? "
                        + "AND status = ? AND (claimed_until IS NULL OR claimed_until < ?)",
                        node, now.plusSeconds(leaseSeconds), id, PENDING, now) == 1)
                .map(id -> jdbc.queryForObject("SELECT id, recipient, subject, text_body, html_body, attempts "
                        + "FROM notification_outbox WHERE id = ?", (rs, row) -> new Message(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6)), id))
                .toList();
    }

    void delivered(long id, String status) {
        jdbc.update("UPDATE notification_outbox SET status = ?, sent_at = ?, claimed_until = NULL, attempts = attempts + 1 "
                + "WHERE id = ?", status, OffsetDateTime.now(clock), id);
    }

    void failed(long id, String error, long retryInSeconds) {
        jdbc.update("UPDATE notification_outbox SET attempts = attempts + 1, last_error = ?, claimed_until = NULL, "
                        + "next_attempt_at = ? WHERE id = ?",
                error.length() > 2000 ? error.substring(0, 2000) : error,
                OffsetDateTime.now(clock).plusSeconds(retryInSeconds), id);
    }

    long count(String status, boolean withErrors) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE status = ?"
                + (withErrors ? " AND last_error IS NOT NULL" : ""), Long.class, status);
    }

    List<Map<String, Object>> list(String status, int limit) {
        String select = "SELECT id, kind, directive_number, recipient, subject, status, attempts, next_attempt_at, "
                + "last_error, created_at, sent_at FROM notification_outbox";
        List<Map<String, Object>> rows = status == null ? jdbc.queryForList(select + " ORDER BY id DESC")
                : jdbc.queryForList(select + " WHERE status = ? ORDER BY id DESC", status);
        return rows.stream().limit(limit).toList();
    }
}
