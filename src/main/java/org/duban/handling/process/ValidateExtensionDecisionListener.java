package org.duban.handling.process;

import static org.duban.directive.DirectiveVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.duban.directive.TaskInput;
import org.springframework.stereotype.Component;

@Component
public class ValidateExtensionDecisionListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        TaskInput.requiredBoolean(task, EXTENSION_APPROVED, "是否同意延期");
        TaskInput.optionalText(task, DECISION_COMMENT, "审批意见", 2000);
    }
}
