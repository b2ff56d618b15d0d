package org.duban.directive.internal.process;

import static org.duban.directive.DirectiveVariables.SUPERVISION_ACTION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.internal.PartContexts;
import org.duban.directive.internal.Supervision;
import org.springframework.stereotype.Component;

/**
 * 判定督办动作: the supervision clock fired; which action is due now goes to the gateway right after this step
 * (a local variable of this transaction, set afresh each time).
 */
@Component
class SuperviseDelegate implements JavaDelegate {

    private final Supervision supervision;
    private final PartContexts contexts;

    SuperviseDelegate(Supervision supervision, PartContexts contexts) {
        this.supervision = supervision;
        this.contexts = contexts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariableLocal(SUPERVISION_ACTION,
                supervision.due(contexts.of(execution.getProcessInstanceId())).key());
    }
}
