package org.duban.notification.internal;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.duban.calendar.WorkCalendar;
import org.springframework.stereotype.Component;

/**
 * When a message may leave, from its {@link Urgency}, the recipient's choice and the time: at once
 * (PENDING), after quiet hours (HELD until their end), or with the next daily digest (DIGEST until
 * the digest time). The workflow never waits for any of this: the row is written now, only its
 * {@code next_attempt_at} lies ahead.
 */
@Component
class DeliveryRules {

    record Plan(String status, OffsetDateTime notBefore) {}

    private final NotificationPreferences preferences;
    private final NotificationProperties properties;

    DeliveryRules(NotificationPreferences preferences, NotificationProperties properties) {
        this.preferences = preferences;
        this.properties = properties;
    }

    /** The plan of each recipient of one message, in their order; the people's choices asked together. */
    List<Plan> plans(Urgency urgency, List<Recipient> recipients, OffsetDateTime now) {
        Map<String, Delivery> chosen = urgency != Urgency.ROUTINE ? Map.of()
                : preferences.of(recipients.stream().filter(Recipient::isPerson).map(Recipient::personId).toList());
        return recipients.stream().map(to -> {
            if (urgency == Urgency.CRITICAL) {
                return new Plan(Outbox.PENDING, now);
            }
            if (to.isPerson() && chosen.get(to.personId()) == Delivery.DIGEST) {
                return new Plan(Outbox.DIGEST, nextDigest(now));
            }
            return afterQuietHours(now);
        }).toList();
    }

    /** For a message that may go now unless it is night. */
    Plan afterQuietHours(OffsetDateTime now) {
        QuietHours quiet = properties.quietHours();
        return quiet.contains(now) ? new Plan(Outbox.HELD, quiet.endAfter(now)) : new Plan(Outbox.PENDING, now);
    }

    /** The first digest time after {@code now}: a message at 07:59 goes with today's digest, one at 08:00 with tomorrow's. */
    OffsetDateTime nextDigest(OffsetDateTime now) {
        ZonedDateTime local = now.atZoneSameInstant(WorkCalendar.ZONE);
        ZonedDateTime digest = local.with(properties.digestTime()).withNano(0);
        return (digest.isAfter(local) ? digest : digest.plusDays(1)).toOffsetDateTime();
    }
}
