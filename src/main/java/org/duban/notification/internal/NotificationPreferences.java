package org.duban.notification.internal;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.duban.system.TransactionMemo;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Each person's {@link Delivery}; a person who never chose gets immediate mail. */
@Component
class NotificationPreferences {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    /** One event reaches the same people as the one before it in the step: ask once per transaction. */
    private final TransactionMemo asked = new TransactionMemo();

    NotificationPreferences(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Delivery of(String personId) {
        return asked.get(personId, () -> jdbc.queryForList("SELECT delivery FROM notification_preference WHERE "
                + "person_id = ?", String.class, personId).stream().findFirst().flatMap(Delivery::ofKey)
                .orElse(Delivery.IMMEDIATE));
    }

    void set(String personId, Delivery delivery) {
        asked.forget();
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (update(personId, delivery, now) > 0) {
            return;
        }
        try {
            jdbc.update("INSERT INTO notification_preference (person_id, delivery, updated_at) VALUES (?, ?, ?)",
                    personId, delivery.key(), now);
        } catch (DuplicateKeyException concurrentFirstChoice) {
            update(personId, delivery, now);
        }
    }

    private int update(String personId, Delivery delivery, OffsetDateTime now) {
        return jdbc.update("UPDATE notification_preference SET delivery = ?, updated_at = ? WHERE person_id = ?",
                delivery.key(), now, personId);
    }
}
