package org.duban.directive;

import java.util.Map;

/**
 * A category of directive with its supervision rhythm: all offsets are in working days.
 *
 * @param signWithinWorkingDays a department not signed after this many working days is urged
 */
public record DirectiveTemplate(String code, String name, boolean isDefault, int signWithinWorkingDays,
        Map<Priority, Offsets> priorities) {

    /**
     * @param yellowBefore   the light turns yellow this many working days before the deadline
     * @param reminderBefore a reminder goes out this many working days before the deadline
     * @param escalateAfter  still not done this many working days after the deadline: escalate to the leader
     */
    public record Offsets(int yellowBefore, int reminderBefore, int escalateAfter) {}

    public Offsets offsets(Priority priority) {
        return priorities.get(priority);
    }
}
