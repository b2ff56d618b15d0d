package org.duban.notification.internal;

import java.time.OffsetDateTime;
import java.util.Set;

import org.duban.calendar.WorkCalendar;
import org.duban.directive.DirectiveEventRecorded;
import org.duban.directive.EventType;

/**
 * Reminders (yellow light, deadline reminder, red light and the automatic urges: not signed,
 * overdue, progress report missing) reach one recipient at most once per Beijing day for one
 * directive and department. Timers re-armed after a rework or an extension can fire the same
 * reminder again the same day; a second mail would only teach people to ignore them.
 * An urge pressed by the office is not a reminder: each one is a deliberate act, counted against
 * the department, often with its own note, so each one is mailed.
 */
final class SameDayReminders {

    private static final Set<EventType> REMINDERS = Set.of(EventType.TURNED_YELLOW, EventType.REMINDED,
            EventType.TURNED_RED, EventType.URGED);

    private SameDayReminders() {
    }

    /** The outbox's unique key for this reminder to this recipient today, or null when the event is no reminder. */
    static String key(DirectiveEventRecorded event, String recipient, OffsetDateTime now) {
        if (!REMINDERS.contains(event.type()) || Urgency.isManual(event)) {
            return null;
        }
        String kind = event.type() == EventType.URGED ? "URGED/" + event.details().get("reason") : event.type().name();
        return String.join("|", kind, event.number(), String.valueOf(event.department()), recipient,
                now.atZoneSameInstant(WorkCalendar.ZONE).toLocalDate().toString());
    }
}
