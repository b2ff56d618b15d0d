package org.duban.intake.internal;

import java.util.EnumSet;
import java.util.Set;

import org.duban.directive.EventType;

/**
 * Which of a directive's events change what the index holds of it ({@link IndexedDirective}: its text, status,
 * units and whether it went out). The text is written once, at issue; the status moves at approval, refusal,
 * dispatch, closing and withdrawal; the units at issue, reassignment and passing down. A part's own course (signing,
 * progress, lights, urges, review, score) changes none of them, and is most of a directive's events: a closed loop of
 * five departments publishes some thirty, of which three or four (issue, approval, dispatch, closing) matter here.
 */
final class IndexedFacts {

    static final Set<EventType> CHANGED_BY = EnumSet.of(EventType.ISSUED, EventType.APPROVED, EventType.REFUSED,
            EventType.DISPATCHED, EventType.REASSIGNED, EventType.PASSED_DOWN, EventType.SUB_PART_WITHDRAWN,
            EventType.CLOSED, EventType.WITHDRAWN);

    private IndexedFacts() {
    }

    static boolean changedBy(EventType type) {
        return CHANGED_BY.contains(type);
    }
}
