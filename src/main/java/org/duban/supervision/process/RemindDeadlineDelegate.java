package org.duban.supervision.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.DepartmentPart;
import org.duban.directive.EventType;
import org.springframework.stereotype.Component;

/** The last reminder before the deadline (到期提醒). */
@Component
public class RemindDeadlineDelegate implements JavaDelegate {

    private final ReminderSignals signals;

    RemindDeadlineDelegate(ReminderSignals signals) {
        this.signals = signals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DepartmentPart part = DepartmentPart.of(execution);
        signals.signalOnce(part, EventType.REMINDED, part.deadline(), Map.of("deadline", part.deadline().toString()));
    }
}
