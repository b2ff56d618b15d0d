package org.duban.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.duban.directive.EventType;
import org.junit.jupiter.api.Test;

class IndexedFactsTest {

    /** A part's own course: none of these changes a directive's text, status or units. */
    private static final Set<EventType> PART_COURSE = EnumSet.of(EventType.SIGNED, EventType.RETURNED,
            EventType.REASSIGNMENT_REFUSED, EventType.PROGRESS_REPORTED, EventType.URGED, EventType.EXTENSION_REQUESTED,
            EventType.EXTENSION_APPROVED, EventType.EXTENSION_REFUSED, EventType.SUBMITTED, EventType.ACCEPTED,
            EventType.RETURNED_FOR_REWORK, EventType.TURNED_YELLOW, EventType.REMINDED, EventType.TURNED_RED,
            EventType.ESCALATED, EventType.SCORED, EventType.RESCHEDULED, EventType.RISK_FLAGGED, EventType.RISK_HANDLED);

    @Test
    void everyEventIsEitherAPartsCourseOrReadAgain() {
        // a new event type fails here until someone decides whether it changes what the index holds
        for (EventType type : EventType.values()) {
            assertThat(IndexedFacts.changedBy(type)).as(type.name()).isNotEqualTo(PART_COURSE.contains(type));
        }
    }

    @Test
    void whatMovesStatusOrUnitsIsReadAgain() {
        assertThat(IndexedFacts.CHANGED_BY).contains(EventType.ISSUED, EventType.DISPATCHED, EventType.REASSIGNED,
                EventType.PASSED_DOWN, EventType.CLOSED, EventType.WITHDRAWN, EventType.REFUSED);
    }
}
