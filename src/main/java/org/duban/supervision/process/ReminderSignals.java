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
        return signalOnce(part, type, referenceDate, details, () -> { });
    }

    /**
     * As above; {@code alsoRecord} updates the read model before the event is chained, keeping the
     * lock order of every step (rows first, then the audit chain head) so steps cannot deadlock.
     */
    public boolean signalOnce(DepartmentPart part, EventType type, LocalDate referenceDate, Map<String, ?> details,
            Runnable alsoRecord) {
        if (!records.firstReminder(part.number(), part.department(), type.name(), referenceDate)) {
            return false;
        }
        alsoRecord.run();
        timeline.record(part.number(), part.department(), type, null, details);
        return true;
    }
}
