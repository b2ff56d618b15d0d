package org.duban.notification;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The notifications of one directive, for the audit trail: to whom, what, when queued and when sent. */
@Component
public class NotificationLog {

    public record Notification(long id, String kind, String recipient, String subject, String status, int attempts,
            OffsetDateTime queuedAt, OffsetDateTime sentAt, String lastError) {}

    private final JdbcTemplate jdbc;

    NotificationLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Notification> ofDirective(String number) {
        return jdbc.query("SELECT id, kind, recipient, subject, status, attempts, created_at, sent_at, last_error "
                        + "FROM notification_outbox WHERE directive_number = ? ORDER BY id",
                (rs, row) -> new Notification(rs.getLong("id"), rs.getString("kind"), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("status"), rs.getInt("attempts"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class),
                        rs.getString("last_error")),
                number);
    }
}
