package org.duban.supervision.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.DepartmentPart;
import org.duban.directive.EventType;
import org.springframework.stereotype.Component;

/** The deadline is near: the light turns yellow (黄灯). */
@Component
public class TurnYellowDelegate implements JavaDelegate {

    private final ReminderSignals signals;

    TurnYellowDelegate(ReminderSignals signals) {
        this.signals = signals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DepartmentPart part = DepartmentPart.of(execution);
        signals.signalOnce(part, EventType.TURNED_YELLOW, part.deadline(), Map.of("deadline", part.deadline().toString()));
    }
}
