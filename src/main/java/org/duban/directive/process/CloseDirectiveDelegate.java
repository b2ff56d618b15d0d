package org.duban.directive.process;

import static org.duban.directive.DirectiveVariables.DIRECTIVE_NUMBER;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.DirectiveRecords;
import org.duban.directive.EventType;
import org.duban.directive.Timeline;
import org.springframework.stereotype.Component;

/** Every department is done and scored: the directive is closed (办结归档). */
@Component
public class CloseDirectiveDelegate implements JavaDelegate {

    private final DirectiveRecords records;
    private final Timeline timeline;

    CloseDirectiveDelegate(DirectiveRecords records, Timeline timeline) {
        this.records = records;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = (String) execution.getVariable(DIRECTIVE_NUMBER);
        records.closed(number);
        timeline.record(number, null, EventType.CLOSED, null, Map.of());
    }
}
