package org.duban.directive.process;

import static org.duban.directive.DirectiveVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.Actor;
import org.duban.directive.DirectiveRecords;
import org.duban.directive.EventType;
import org.duban.directive.Timeline;
import org.springframework.stereotype.Component;

/** The moment a directive goes out to all its departments at once (一键直达). */
@Component
public class DispatchDirectiveDelegate implements JavaDelegate {

    private final DirectiveRecords records;
    private final Timeline timeline;
    private final DispatchPlan plan;

    DispatchDirectiveDelegate(DirectiveRecords records, Timeline timeline, DispatchPlan plan) {
        this.records = records;
        this.timeline = timeline;
        this.plan = plan;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = (String) execution.getVariable(DIRECTIVE_NUMBER);
        records.dispatched(number);
        timeline.record(number, null, EventType.DISPATCHED, Actor.of(execution),
                Map.of("departments", plan.departments((String) execution.getVariable(DEPARTMENT_CODES))));
    }
}
