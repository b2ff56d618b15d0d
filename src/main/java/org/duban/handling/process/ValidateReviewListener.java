package org.duban.handling.process;

import static org.duban.directive.DirectiveVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.duban.directive.TaskInput;
import org.springframework.stereotype.Component;

/** The office's review (审核): accepted needs a quality rating 1–5; a return needs a reason. */
@Component
public class ValidateReviewListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        task.setVariable(REVIEWED_BY, authentication == null ? null : authentication.getUserId());
        boolean accepted = TaskInput.requiredBoolean(task, ACCEPTED, "审核结论");
        if (accepted) {
            Object rating = task.getVariable(QUALITY_RATING);
            Integer value = rating instanceof Number n ? Integer.valueOf(n.intValue())
                    : rating instanceof String s && s.matches("[1-5]") ? Integer.valueOf(s) : null;
            if (value == null || value < 1 || value > 5) {
                throw TaskInput.refused(QUALITY_RATING, "审核通过时须评定办理质量（1–5 分）");
            }
            // forms submit numbers as Long or Integer; the decision table expects one type
            task.setVariable(QUALITY_RATING, value);
            TaskInput.optionalText(task, REVIEW_COMMENT, "审核意见", 2000);
        } else {
            TaskInput.requiredText(task, REVIEW_COMMENT, "退回理由（审核意见）", 2000);
        }
    }
}
