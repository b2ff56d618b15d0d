package org.duban.supervision.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.DepartmentPart;
import org.duban.directive.EventType;
import org.springframework.stereotype.Component;

/** The deadline has passed without a result: red light (红灯, 逾期). */
@Component
public class TurnRedDelegate implements JavaDelegate {

    private final ReminderSignals signals;

    TurnRedDelegate(ReminderSignals signals) {
        this.signals = signals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DepartmentPart part = DepartmentPart.of(execution);
        signals.signalOnce(part, EventType.TURNED_RED, part.deadline(), Map.of("deadline", part.deadline().toString()));
    }
}
