package org.duban.directive.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.internal.PartContexts;
import org.duban.directive.internal.Supervision;
import org.springframework.stereotype.Component;

/** 升级督办: still overdue after the template's grace days; the responsible leader (or the unit above) is told. */
@Component
class EscalateDelegate implements JavaDelegate {

    private final Supervision supervision;
    private final PartContexts contexts;

    EscalateDelegate(Supervision supervision, PartContexts contexts) {
        this.supervision = supervision;
        this.contexts = contexts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        supervision.escalate(contexts.of(execution.getProcessInstanceId()));
    }
}
