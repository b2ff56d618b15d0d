package org.duban.directive.process;

import static org.duban.directive.DirectiveVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.DirectiveRecords;
import org.duban.directive.EventType;
import org.duban.directive.Timeline;
import org.springframework.stereotype.Component;

/**
 * Withdrawal (撤回): the event sub-process has already ended every open department task; this marks
 * the directive and the unfinished departments CANCELLED and tells the timeline who and why.
 */
@Component
public class WithdrawDirectiveDelegate implements JavaDelegate {

    private final DirectiveRecords records;
    private final Timeline timeline;

    WithdrawDirectiveDelegate(DirectiveRecords records, Timeline timeline) {
        this.records = records;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = (String) execution.getVariable(DIRECTIVE_NUMBER);
        records.cancelled(number);
        timeline.record(number, null, EventType.WITHDRAWN, (String) execution.getVariable(WITHDRAWN_BY),
                Map.of("reason", String.valueOf(execution.getVariable(WITHDRAWAL_REASON))));
    }
}
