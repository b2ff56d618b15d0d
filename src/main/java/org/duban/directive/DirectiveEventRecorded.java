package org.duban.directive;

import java.util.Map;

/** Published, in the step's transaction, for every event entered in a directive's timeline. */
public record DirectiveEventRecorded(String number, String department, EventType type, String actor,
        Map<String, ?> details) {}
