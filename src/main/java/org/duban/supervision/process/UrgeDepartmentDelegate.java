package org.duban.supervision.process;

import static org.duban.directive.DirectiveVariables.*;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.calendar.WorkCalendar;
import org.duban.directive.DepartmentPart;
import org.duban.directive.DirectiveRecords;
import org.duban.directive.EventType;
import org.duban.directive.Timeline;
import org.springframework.stereotype.Component;

/**
 * 催办: counts an urge against the department and keeps it with its reason, time and actor. The
 * reason follows from the element that called it: not signed, overdue (each working day, once a
 * day), a missed progress report, or pressed by the office.
 */
@Component
public class UrgeDepartmentDelegate implements JavaDelegate {

    public static final String REASON_SIGN = "sign";
    public static final String REASON_OVERDUE = "overdue";
    public static final String REASON_PROGRESS = "progress";
    public static final String REASON_MANUAL = "manual";

    private static final Map<String, String> REASON_BY_ELEMENT = Map.of(
            "Task_UrgeToSign", REASON_SIGN,
            "Task_UrgeOverdue", REASON_OVERDUE,
            "Task_RecordManualUrge", REASON_MANUAL);

    private final DirectiveRecords records;
    private final Timeline timeline;
    private final WorkCalendar calendar;

    UrgeDepartmentDelegate(DirectiveRecords records, Timeline timeline, WorkCalendar calendar) {
        this.records = records;
        this.timeline = timeline;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        urge(execution, REASON_BY_ELEMENT.getOrDefault(execution.getCurrentActivityId(), REASON_MANUAL));
    }

    void urge(DelegateExecution execution, String reason) {
        DepartmentPart part = DepartmentPart.of(execution);
        if (REASON_OVERDUE.equals(reason) && (!calendar.isWorkingDay(calendar.today())
                || !records.firstReminder(part.number(), part.department(), "OVERDUE_URGE", calendar.today()))) {
            return;
        }
        Map<String, Object> details = new HashMap<>();
        details.put("reason", reason);
        String actor = null;
        if (REASON_MANUAL.equals(reason)) {
            actor = (String) execution.getVariable(URGED_BY);
            if (execution.getVariable(URGE_NOTE) != null) {
                details.put("note", execution.getVariable(URGE_NOTE));
            }
        }
        execution.setVariable(URGE_COUNT, records.urged(part.number(), part.department()));
        timeline.record(part.number(), part.department(), EventType.URGED, actor, details);
    }
}
