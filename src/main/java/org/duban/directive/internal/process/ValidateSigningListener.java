package org.duban.directive.internal.process;

import static org.duban.directive.DirectiveVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** 签收: sign it, or return it as not the unit's business — then with a reason. */
@Component
class ValidateSigningListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariable(SIGN_OUTCOME);
        if (outcome == null || SIGN_OUTCOME_SIGN.equals(outcome)) {
            return;
        }
        if (!SIGN_OUTCOME_RETURN.equals(outcome)) {
            throw TaskInput.refused(SIGN_OUTCOME, "请选择签收或退回");
        }
        TaskInput.requiredText(task, RETURN_REASON, "退回理由（为何不属于本单位职责）", 2000);
    }
}
