package org.duban.handling.process;

import static org.duban.directive.DirectiveVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.calendar.WorkCalendar;
import org.duban.directive.Actor;
import org.duban.directive.DepartmentPart;
import org.duban.directive.DirectiveRecords;
import org.duban.directive.EventType;
import org.duban.directive.Timeline;
import org.springframework.stereotype.Component;

/**
 * 办结申请: the result goes to the office for review. Lateness is counted in working days against
 * the department's deadline, which only an approved extension moves.
 */
@Component
public class RecordSubmissionDelegate implements JavaDelegate {

    private final DirectiveRecords records;
    private final Timeline timeline;
    private final WorkCalendar calendar;

    RecordSubmissionDelegate(DirectiveRecords records, Timeline timeline, WorkCalendar calendar) {
        this.records = records;
        this.timeline = timeline;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DepartmentPart part = DepartmentPart.of(execution);
        int lateDays = calendar.workingDaysBetween(part.deadline(), calendar.today());
        execution.setVariable(LATE_DAYS, lateDays);
        execution.setVariable(REARM, false);
        // a resubmitted result is reviewed afresh: an earlier review's answers must not be reused
        execution.removeVariables(java.util.List.of(ACCEPTED, QUALITY_RATING));
        records.submitted(part.number(), part.department(), lateDays);
        timeline.record(part.number(), part.department(), EventType.SUBMITTED, Actor.of(execution),
                Map.of("resultSummary", execution.getVariable(RESULT_SUMMARY), "lateDays", lateDays));
    }
}
