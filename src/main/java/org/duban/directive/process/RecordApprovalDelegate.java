package org.duban.directive.process;

import static org.duban.directive.DirectiveVariables.*;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.Actor;
import org.duban.directive.DirectiveRecords;
import org.duban.directive.EventType;
import org.duban.directive.Timeline;
import org.springframework.stereotype.Component;

/** A leader's decision on a draft (批示): kept in the timeline; a refusal ends the directive as REJECTED. */
@Component
public class RecordApprovalDelegate implements JavaDelegate {

    private final DirectiveRecords records;
    private final Timeline timeline;

    RecordApprovalDelegate(DirectiveRecords records, Timeline timeline) {
        this.records = records;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = (String) execution.getVariable(DIRECTIVE_NUMBER);
        boolean approved = Boolean.TRUE.equals(execution.getVariable(APPROVED));
        Map<String, Object> details = new HashMap<>();
        Object comment = execution.getVariable(APPROVAL_COMMENT);
        if (comment != null) {
            details.put("comment", comment);
        }
        if (approved) {
            execution.setVariable(RESPONSIBLE_LEADER, Actor.of(execution));
        } else {
            records.rejected(number);
        }
        timeline.record(number, null, approved ? EventType.APPROVED : EventType.REFUSED, Actor.of(execution), details);
    }
}
