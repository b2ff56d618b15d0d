package org.duban.notification.internal;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.duban.system.SqlLists;
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
        return of(List.of(personId)).get(personId);
    }

    /** The choice of each person, those not asked yet in this transaction in one query (an event reaches a dozen). */
    Map<String, Delivery> of(Collection<String> personIds) {
        return asked.getAll(personIds, ids -> {
            Map<String, Delivery> chosen = new HashMap<>();
            jdbc.query("SELECT person_id, delivery FROM notification_preference WHERE person_id IN ("
                    + SqlLists.marks(ids.size()) + ")", (ResultSet row) -> {
                        String person = row.getString("person_id");
                        Delivery.ofKey(row.getString("delivery")).ifPresent(delivery -> chosen.put(person, delivery));
                    }, ids.toArray());
            ids.forEach(id -> chosen.putIfAbsent(id, Delivery.IMMEDIATE));
            return chosen;
        });
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
