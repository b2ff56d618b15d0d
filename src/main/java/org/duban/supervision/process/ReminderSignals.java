package org.duban.supervision.process;

import java.time.LocalDate;
import java.util.Map;

import org.duban.directive.DepartmentPart;
import org.duban.directive.DirectiveRecords;
import org.duban.directive.EventType;
import org.duban.directive.Timeline;
import org.springframework.stereotype.Component;

/**
 * Sends each supervision signal at most once per reference date: timers re-armed after a rework or
 * an extension may fire again for a date that has already been signalled.
 */
@Component
public class ReminderSignals {

    private final DirectiveRecords records;
    private final Timeline timeline;

    ReminderSignals(DirectiveRecords records, Timeline timeline) {
        this.records = records;
        this.timeline = timeline;
    }

    public boolean signalOnce(DepartmentPart part, EventType type, LocalDate referenceDate, Map<String, ?> details) {
        if (!records.firstReminder(part.number(), part.department(), type.name(), referenceDate)) {
            return false;
        }
        timeline.record(part.number(), part.department(), type, null, details);
        return true;
    }
}
