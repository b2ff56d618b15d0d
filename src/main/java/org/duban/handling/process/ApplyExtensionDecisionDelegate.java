package org.duban.handling.process;

import static org.duban.directive.DirectiveVariables.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.Actor;
import org.duban.directive.DepartmentPart;
import org.duban.directive.DepartmentStatus;
import org.duban.directive.DirectiveRecords;
import org.duban.directive.EventType;
import org.duban.directive.Timeline;
import org.springframework.stereotype.Component;

/**
 * The office's decision on an extension. Approved: this department's deadline moves and its
 * timers are re-armed (the handling sub-process is left and entered again). Refused: nothing moves.
 */
@Component
public class ApplyExtensionDecisionDelegate implements JavaDelegate {

    private final DirectiveRecords records;
    private final Timeline timeline;

    ApplyExtensionDecisionDelegate(DirectiveRecords records, Timeline timeline) {
        this.records = records;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DepartmentPart part = DepartmentPart.of(execution);
        boolean approved = Boolean.TRUE.equals(execution.getVariable(EXTENSION_APPROVED));
        Map<String, Object> details = new HashMap<>();
        details.put("requestedDeadline", execution.getVariable(REQUESTED_DEADLINE));
        Object requested = execution.getVariable(REQUESTED_DEADLINE);
        if (execution.getVariable(DECISION_COMMENT) != null) {
            details.put("comment", execution.getVariable(DECISION_COMMENT));
        }
        if (approved) {
            LocalDate newDeadline = LocalDate.parse((String) requested);
            int approvedCount = records.extended(part.number(), part.department(), newDeadline);
            execution.setVariable(DEADLINE, newDeadline.toString());
            execution.setVariable(APPROVED_EXTENSIONS, approvedCount);
            details.put("previousDeadline", part.deadline().toString());
        } else {
            records.departmentStatus(part.number(), part.department(), DepartmentStatus.HANDLING);
        }
        execution.setVariable(REARM, approved);
        // a later request is a new request: nothing of this one may be reused by accident
        execution.removeVariables(java.util.List.of(OUTCOME, REQUESTED_DEADLINE, EXTENSION_REASON, DECISION_COMMENT));
        timeline.record(part.number(), part.department(),
                approved ? EventType.EXTENSION_APPROVED : EventType.EXTENSION_REFUSED, Actor.of(execution), details);
    }
}
