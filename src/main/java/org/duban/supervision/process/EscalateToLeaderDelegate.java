package org.duban.supervision.process;

import static org.duban.directive.DirectiveVariables.RESPONSIBLE_LEADER;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.DepartmentPart;
import org.duban.directive.DirectiveRecords;
import org.duban.directive.EventType;
import org.springframework.stereotype.Component;

/** Still overdue after the grace days: the responsible leader (issuer, or approver of a draft) is told (升级督办). */
@Component
public class EscalateToLeaderDelegate implements JavaDelegate {

    private final ReminderSignals signals;
    private final DirectiveRecords records;

    EscalateToLeaderDelegate(ReminderSignals signals, DirectiveRecords records) {
        this.signals = signals;
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DepartmentPart part = DepartmentPart.of(execution);
        if (signals.signalOnce(part, EventType.ESCALATED, part.deadline(), Map.of("deadline", part.deadline().toString(),
                "leader", String.valueOf(execution.getVariable(RESPONSIBLE_LEADER))))) {
            records.escalated(part.number(), part.department());
        }
    }
}
