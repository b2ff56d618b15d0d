package org.duban.directive.internal.process;

import static org.duban.directive.DirectiveVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.duban.directive.BusinessTime;
import org.duban.directive.Names;
import org.duban.directive.internal.PartContext;
import org.duban.directive.internal.PartContexts;
import org.duban.directive.internal.PartRow;
import org.duban.directive.internal.PartStore;
import org.springframework.stereotype.Component;

/** What a unit enters on 办理: a progress report, its result, or an extension request later than its deadline. */
@Component
class ValidateHandlingListener implements TaskListener {

    static final int MAX_TEXT = 5000;

    private final PartContexts contexts;
    private final PartStore parts;
    private final Names names;

    ValidateHandlingListener(PartContexts contexts, PartStore parts, Names names) {
        this.contexts = contexts;
        this.parts = parts;
        this.names = names;
    }

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariable(OUTCOME);
        if (OUTCOME_PROGRESS.equals(outcome)) {
            TaskInput.requiredText(task, PROGRESS_NOTE, "进度情况", MAX_TEXT);
        } else if (OUTCOME_SUBMIT.equals(outcome)) {
            TaskInput.requiredText(task, RESULT_SUMMARY, "办理结果", MAX_TEXT);
            PartContext c = contexts.of(task.getProcessInstanceId());
            // 逐级审核: a unit answers upward only once what it passed down is done (or taken back)
            List<String> open = parts.subPartsOf(c.number(), c.unit()).stream().filter(PartRow::isOpen)
                    .map(p -> names.unit(p.unit())).toList();
            if (!open.isEmpty()) {
                throw TaskInput.refused(OUTCOME, "下级单位尚未办结：" + String.join("、", open)
                        + "。请待其办结并审核通过，或撤回下派后再提交办结申请");
            }
        } else if (OUTCOME_EXTEND.equals(outcome)) {
            TaskInput.requiredText(task, EXTENSION_REASON, "延期理由", 2000);
            PartContext c = contexts.of(task.getProcessInstanceId());
            LocalDate current = c.part().deadline();
            LocalDate requested = requestedDeadline(task);
            if (!requested.isAfter(current)) {
                throw TaskInput.refused(REQUESTED_DEADLINE, "申请的期限须晚于当前期限 " + current);
            }
            // the unit above cannot grant more time than it has itself
            LocalDate above = c.part().isSubPart() ? parts.find(c.number(), c.part().parentUnit()).map(PartRow::deadline)
                    .orElse(null) : null;
            if (above != null && requested.isAfter(above)) {
                throw TaskInput.refused(REQUESTED_DEADLINE, "不能晚于上级单位" + names.unit(c.part().parentUnit())
                        + "的办结期限 " + above);
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
