package org.duban.directive.internal.process;

import static org.duban.directive.DirectiveVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** 审核: accepted needs a quality rating 1–5; a return needs a reason. */
@Component
class ValidateReviewListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        boolean accepted = TaskInput.requiredBoolean(task, ACCEPTED, "审核结论");
        if (accepted) {
            Object rating = task.getVariable(QUALITY_RATING);
            Integer value = rating instanceof Number n && n.doubleValue() == n.intValue() ? Integer.valueOf(n.intValue())
                    : rating instanceof String s && s.matches("[1-5]") ? Integer.valueOf(s) : null;
            if (value == null || value < 1 || value > 5) {
                throw TaskInput.refused(QUALITY_RATING, "审核通过时须评定办理质量（1–5 分）");
            }
            // forms submit numbers as Long, Integer or text; the record keeps one type
            task.setVariable(QUALITY_RATING, value);
            if (task.getVariable(EVIDENCE_VERIFIED) != null) {
                TaskInput.requiredBoolean(task, EVIDENCE_VERIFIED, "是否已核实佐证材料");
            }
            TaskInput.optionalText(task, REVIEW_COMMENT, "审核意见", 2000);
        } else {
            TaskInput.requiredText(task, REVIEW_COMMENT, "退回理由（审核意见）", 2000);
        }
    }
}
