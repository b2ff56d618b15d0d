package org.duban.notification.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Outbox rows waiting for a person's daily digest (status DIGEST). */
@Component
class DigestItems {

    record Item(long id, String personId, String subject, String link, OffsetDateTime queuedAt) {}

    private final JdbcTemplate jdbc;

    DigestItems(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<String> recipientsDue(OffsetDateTime now) {
        return jdbc.queryForList("SELECT DISTINCT recipient FROM notification_outbox WHERE status = ? AND next_attempt_at <= ?",
                String.class, Outbox.DIGEST, now);
    }

    /** Locks the recipient's due items for this transaction; a node compiling the same digest skips them. */
    List<Item> lockDue(String recipient, OffsetDateTime now) {
        return jdbc.query("SELECT id, person_id, subject, link, created_at FROM notification_outbox WHERE recipient = ? "
                        + "AND status = ? AND next_attempt_at <= ? ORDER BY id FOR UPDATE SKIP LOCKED",
                (rs, row) -> new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)),
                recipient, Outbox.DIGEST, now);
    }

    /** Marks the items as part of the digest; answers how many were still waiting for one. */
    int fold(List<Item> items, long digestId) {
        int folded = 0;
        for (Item item : items) {
            folded += jdbc.update("UPDATE notification_outbox SET status = ?, digest_id = ? WHERE id = ? AND status = ?",
                    Outbox.DIGESTED, digestId, item.id(), Outbox.DIGEST);
        }
        return folded;
    }
}
