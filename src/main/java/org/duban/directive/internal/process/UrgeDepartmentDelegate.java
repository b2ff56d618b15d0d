package org.duban.directive.internal.process;

import static org.duban.directive.DirectiveVariables.URGE_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.UrgeReason;
import org.duban.directive.internal.PartContexts;
import org.duban.directive.internal.Supervision;
import org.springframework.stereotype.Component;

/**
 * 催办签收 / 逾期催办 / 催报进度: an automatic urge. Each urging task names its reason in the model (input parameter
 * {@code urgeReason}: sign, overdue or progress), so renaming a task cannot change why it urges.
 */
@Component
class UrgeDepartmentDelegate implements JavaDelegate {

    private final Supervision supervision;
    private final PartContexts contexts;

    UrgeDepartmentDelegate(Supervision supervision, PartContexts contexts) {
        this.supervision = supervision;
        this.contexts = contexts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String key = (String) execution.getVariableLocal(URGE_REASON);
        UrgeReason reason = UrgeReason.ofKey(key).filter(UrgeReason::isAutomatic)
                .orElseThrow(() -> new IllegalStateException("unknown urge reason '" + key + "' in the model"));
        supervision.urge(contexts.of(execution.getProcessInstanceId()), reason);
    }
}
