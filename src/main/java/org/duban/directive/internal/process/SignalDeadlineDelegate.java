package org.duban.directive.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.internal.PartContexts;
import org.duban.directive.internal.Supervision;
import org.duban.directive.internal.SupervisionClock;
import org.springframework.stereotype.Component;

/**
 * 亮黄灯 / 到期提醒 / 亮红灯: each of these tasks names its signal in the model (input parameter {@code signal}:
 * yellow, remind or red), so renaming a task cannot change what it does.
 */
@Component
class SignalDeadlineDelegate implements JavaDelegate {

    static final String SIGNAL = "signal";

    private final Supervision supervision;
    private final PartContexts contexts;

    SignalDeadlineDelegate(Supervision supervision, PartContexts contexts) {
        this.supervision = supervision;
        this.contexts = contexts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String signal = (String) execution.getVariableLocal(SIGNAL);
        SupervisionClock.Action action = java.util.Arrays.stream(SupervisionClock.Action.values())
                .filter(a -> a.key().equals(signal)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown signal '" + signal + "' in the model"));
        supervision.signal(contexts.of(execution.getProcessInstanceId()), action);
    }
}
