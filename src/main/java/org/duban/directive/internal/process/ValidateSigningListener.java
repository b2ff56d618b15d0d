package org.duban.directive.internal.process;

import static org.duban.directive.DirectiveVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.duban.directive.internal.PartContext;
import org.duban.directive.internal.PartContexts;
import org.duban.directive.internal.PartStore;
import org.springframework.stereotype.Component;

/** 签收: sign it, or return it as not the unit's business — then with a reason. */
@Component
class ValidateSigningListener implements TaskListener {

    private final PartContexts contexts;
    private final PartStore parts;

    ValidateSigningListener(PartContexts contexts, PartStore parts) {
        this.contexts = contexts;
        this.parts = parts;
    }

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
        PartContext c = contexts.of(task.getProcessInstanceId());
        // units below it were reached under its part: moving the part would leave them without their reviewer
        if (!parts.subPartsOf(c.number(), c.unit()).isEmpty()) {
            throw TaskInput.refused(SIGN_OUTCOME, "本事项已直达本单位的下级单位，不能退回；如确非本单位职责，请联系督查室");
        }
    }
}
