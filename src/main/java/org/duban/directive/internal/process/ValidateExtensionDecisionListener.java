package org.duban.directive.internal.process;

import static org.duban.directive.DirectiveVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** 审批延期: yes or no; a refusal says why. */
@Component
class ValidateExtensionDecisionListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (TaskInput.requiredBoolean(task, EXTENSION_APPROVED, "是否同意延期")) {
            TaskInput.optionalText(task, DECISION_COMMENT, "审批意见", 2000);
        } else {
            TaskInput.requiredText(task, DECISION_COMMENT, "不同意延期的理由", 2000);
        }
    }
}
