package org.duban.notification.internal;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import org.duban.calendar.WorkCalendar;

/**
 * Nightly quiet hours in Beijing time, e.g. 22:00–07:00; a window may also lie within one day. Start
 * equal to end means no quiet hours.
 */
record QuietHours(LocalTime start, LocalTime end) {

    QuietHours {
        if (start == null || end == null) {
            throw new IllegalArgumentException("duban.notifications.quiet-hours needs both start and end");
        }
    }

    boolean contains(OffsetDateTime time) {
        LocalTime t = time.atZoneSameInstant(WorkCalendar.ZONE).toLocalTime();
        if (start.equals(end)) {
            return false;
        }
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }

    /** The first moment after {@code time} at which quiet hours are over. */
    OffsetDateTime endAfter(OffsetDateTime time) {
        ZonedDateTime local = time.atZoneSameInstant(WorkCalendar.ZONE);
        ZonedDateTime end = local.with(this.end).withNano(0);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toOffsetDateTime();
    }
}
