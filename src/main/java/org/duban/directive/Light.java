package org.duban.directive;

import java.time.LocalDate;
import java.util.Collection;

/**
 * Traffic light (红黄绿灯) of a department's part or of a whole directive, derived from dates and
 * status so that it is always current: yellow from the warning day on, red once the deadline has
 * passed, and done or done-late when finished.
 */
public enum Light {
    GREEN, YELLOW, RED, DONE, DONE_LATE;

    public static Light of(DepartmentStatus status, LocalDate deadline, LocalDate yellowFrom, LocalDate finishedOn,
            LocalDate today) {
        if (status == DepartmentStatus.DONE) {
            return finishedOn != null && finishedOn.isAfter(deadline) ? DONE_LATE : DONE;
        }
        // a result under review is judged by the day it was submitted, not by how long the review takes
        LocalDate asOf = status == DepartmentStatus.UNDER_REVIEW && finishedOn != null && finishedOn.isBefore(today)
                ? finishedOn : today;
        if (asOf.isAfter(deadline)) {
            return RED;
        }
        return asOf.isBefore(yellowFrom) ? GREEN : YELLOW;
    }

    /** A directive shows its worst open light; when every part is done, done-late if any part was late. */
    public static Light worst(Collection<Light> lights) {
        if (lights.contains(RED)) {
            return RED;
        }
        if (lights.contains(YELLOW)) {
            return YELLOW;
        }
        if (lights.contains(GREEN)) {
            return GREEN;
        }
        return lights.contains(DONE_LATE) ? DONE_LATE : DONE;
    }
}
