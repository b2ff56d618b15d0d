package org.duban.directive.internal.process;

import static org.duban.directive.DirectiveVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.duban.directive.BusinessTime;
import org.duban.directive.internal.PartContexts;
import org.springframework.stereotype.Component;

/** What a unit enters on 办理: a progress report, its result, or an extension request later than its deadline. */
@Component
class ValidateHandlingListener implements TaskListener {

    static final int MAX_TEXT = 5000;

    private final PartContexts contexts;

    ValidateHandlingListener(PartContexts contexts) {
        this.contexts = contexts;
    }

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariable(OUTCOME);
        if (OUTCOME_PROGRESS.equals(outcome)) {
            TaskInput.requiredText(task, PROGRESS_NOTE, "进度情况", MAX_TEXT);
        } else if (OUTCOME_SUBMIT.equals(outcome)) {
            TaskInput.requiredText(task, RESULT_SUMMARY, "办理结果", MAX_TEXT);
        } else if (OUTCOME_EXTEND.equals(outcome)) {
            TaskInput.requiredText(task, EXTENSION_REASON, "延期理由", 2000);
            LocalDate current = contexts.of(task.getProcessInstanceId()).part().deadline();
            LocalDate requested = requestedDeadline(task);
            if (!requested.isAfter(current)) {
                throw TaskInput.refused(REQUESTED_DEADLINE, "申请的期限须晚于当前期限 " + current);
            }
            task.setVariable(REQUESTED_DEADLINE, requested.toString());
        } else {
            throw TaskInput.refused(OUTCOME, "请选择本次提交：进度反馈、办结申请或延期申请");
        }
    }

    private static LocalDate requestedDeadline(DelegateTask task) {
        Object value = task.getVariable(REQUESTED_DEADLINE);
        if (value == null || value.toString().isBlank()) {
            throw TaskInput.refused(REQUESTED_DEADLINE, "请填写申请延期至的日期");
        }
        try {
            return BusinessTime.parseDate(value.toString());
        } catch (DateTimeParseException e) {
            throw TaskInput.refused(REQUESTED_DEADLINE, "日期格式应为 2026-12-31");
        }
    }
}
