package org.duban.handling.process;

import static org.duban.directive.DirectiveVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.calendar.WorkCalendar;
import org.duban.directive.Actor;
import org.duban.directive.BusinessTime;
import org.duban.directive.DepartmentPart;
import org.duban.directive.DirectiveRecords;
import org.duban.directive.EventType;
import org.duban.directive.Timeline;
import org.springframework.stereotype.Component;

/** 签收: the department has acknowledged; working days past the signing deadline count against it. */
@Component
public class RecordSignatureDelegate implements JavaDelegate {

    private final DirectiveRecords records;
    private final Timeline timeline;
    private final WorkCalendar calendar;

    RecordSignatureDelegate(DirectiveRecords records, Timeline timeline, WorkCalendar calendar) {
        this.records = records;
        this.timeline = timeline;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DepartmentPart part = DepartmentPart.of(execution);
        int signLateDays = Math.max(0, calendar.workingDaysBetween(
                BusinessTime.dateOf((String) execution.getVariable(SIGN_DUE_AT)), calendar.today()));
        execution.setVariable(SIGN_LATE_DAYS, signLateDays);
        records.signed(part.number(), part.department(), signLateDays);
        timeline.record(part.number(), part.department(), EventType.SIGNED, Actor.of(execution),
                Map.of("signLateDays", signLateDays));
    }
}
