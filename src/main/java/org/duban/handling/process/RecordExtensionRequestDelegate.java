package org.duban.handling.process;

import static org.duban.directive.DirectiveVariables.*;

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

/** 延期申请: the department asks for a later deadline; the office decides. */
@Component
public class RecordExtensionRequestDelegate implements JavaDelegate {

    private final DirectiveRecords records;
    private final Timeline timeline;

    RecordExtensionRequestDelegate(DirectiveRecords records, Timeline timeline) {
        this.records = records;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DepartmentPart part = DepartmentPart.of(execution);
        records.departmentStatus(part.number(), part.department(), DepartmentStatus.EXTENSION_REQUESTED);
        // the office decides this request afresh
        execution.removeVariable(EXTENSION_APPROVED);
        timeline.record(part.number(), part.department(), EventType.EXTENSION_REQUESTED, Actor.of(execution), Map.of(
                "currentDeadline", part.deadline().toString(),
                "requestedDeadline", execution.getVariable(REQUESTED_DEADLINE),
                "reason", execution.getVariable(EXTENSION_REASON)));
    }
}
