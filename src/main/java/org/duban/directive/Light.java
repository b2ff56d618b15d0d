package org.duban.directive;

import java.util.Collection;

/**
 * Traffic light (红黄绿灯) of a unit's part or of a whole directive: green on track, yellow from the warning
 * day, red once a working day has begun after the deadline, and done or done-late when finished. The rule
 * that decides it is {@code org.duban.directive.internal.LightRule}, the only one: pages, the API, scorecards
 * and every report ask it.
 */
public enum Light {
    GREEN, YELLOW, RED, DONE, DONE_LATE;

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
