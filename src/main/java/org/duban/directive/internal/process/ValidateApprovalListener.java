package org.duban.directive.internal.process;

import static org.duban.directive.DirectiveVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

/** A leader's 批示 on a draft: yes or no; a refusal says why. */
@Component
class ValidateApprovalListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        boolean approved = TaskInput.requiredBoolean(task, APPROVED, "是否同意交办");
        if (approved) {
            TaskInput.optionalText(task, APPROVAL_COMMENT, "批示意见", 2000);
        } else {
            TaskInput.requiredText(task, APPROVAL_COMMENT, "不同意的理由（批示意见）", 2000);
        }
    }
}
