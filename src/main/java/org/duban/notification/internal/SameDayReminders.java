package org.duban.notification.internal;

import java.time.OffsetDateTime;
import java.util.Set;

import org.duban.calendar.WorkCalendar;
import org.duban.directive.DirectiveEvent;
import org.duban.directive.EventDetails;
import org.duban.directive.EventType;

/**
 * Reminders (yellow light, deadline reminder, red light and the automatic urges: not signed,
 * overdue, progress report missing) reach one recipient at most once per Beijing day for one
 * directive and unit. A part's clock moved by an extension or a rework can come round to the same
 * reminder the same day; a second mail would only teach people to ignore them.
 * An urge a person pressed is not a reminder: each one is a deliberate act, counted against
 * the unit, often with its own note, so each one is mailed.
 */
final class SameDayReminders {

    private static final Set<EventType> REMINDERS = Set.of(EventType.TURNED_YELLOW, EventType.REMINDED,
            EventType.TURNED_RED, EventType.URGED);

    private SameDayReminders() {
    }

    /** The outbox's unique key for this reminder to this recipient today, or null when the event is no reminder. */
    static String key(DirectiveEvent event, String recipient, OffsetDateTime now) {
        if (!REMINDERS.contains(event.type()) || Urgency.isPressedUrge(event)) {
            return null;
        }
        String kind = event.details() instanceof EventDetails.Urged urged ? "URGED/" + urged.reason() : event.type().name();
        return String.join("|", kind, event.number(), String.valueOf(event.unit()), recipient,
                now.atZoneSameInstant(WorkCalendar.ZONE).toLocalDate().toString());
    }
}
