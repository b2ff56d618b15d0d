package org.duban.directive.internal;

import static org.duban.directive.DirectiveVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.Task;
import org.duban.directive.EventDetails;
import org.duban.system.ApiException;
import org.duban.system.CurrentUser;
import org.duban.system.InvalidRequestException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * A unit's 办理 step with its 佐证材料, from the report page the Tasklist form links to: the files are checked, stored
 * and the unit's open 办理 task completed as the person, all in one transaction — the step's event records each
 * file's name, type, size and SHA-256. A refused file or a refused step saves nothing.
 */
@Component
public class ReportStep {

    public enum Kind { PROGRESS, SUBMIT }

    private final PartStore parts;
    private final EvidenceCheck check;
    private final EvidenceStore store;
    private final TaskService tasks;
    private final IdentityService identity;

    ReportStep(PartStore parts, EvidenceCheck check, EvidenceStore store, TaskService tasks, IdentityService identity) {
        this.parts = parts;
        this.check = check;
        this.store = store;
        this.tasks = tasks;
        this.identity = identity;
    }

    /** Answers the files as the step's event recorded them. */
    @Transactional
    public List<EventDetails.Evidence> report(String number, String unit, Kind kind, String text, List<MultipartFile> files,
            CurrentUser user) {
        if (!user.departments().contains(unit)) {
            throw ApiException.forbidden("只有本单位的人员可以报送本单位的办理情况。");
        }
        PartRow part = parts.find(number, unit).filter(p -> p.processInstanceId() != null)
                .orElseThrow(() -> ApiException.notFound("本单位没有督办事项 " + number + " 的任务。"));
        Task handle = tasks.createTaskQuery().processInstanceId(part.processInstanceId())
                .taskDefinitionKey("Task_HandleDirective").singleResult();
        if (handle == null) {
            throw ApiException.conflict("no-handling-task", "本单位的任务当前不在办理中（待签收、待审批或已提交），暂不能报送。");
        }
        if (kind == null) {
            throw new InvalidRequestException("outcome", "请选择本次报送：进度反馈或办结申请");
        }
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("text", kind == Kind.SUBMIT ? "请填写办理结果" : "请填写进度情况");
        }
        List<EvidenceCheck.CheckedFile> checked = check.check(files);
        String stepKey = UUID.randomUUID().toString();
        List<EventDetails.Evidence> stored = new ArrayList<>();
        for (EvidenceCheck.CheckedFile file : checked) {
            stored.add(store.store(number, unit, stepKey, file, user.id()));
        }
        Map<String, Object> variables = kind == Kind.SUBMIT ? Map.of(OUTCOME, OUTCOME_SUBMIT, RESULT_SUMMARY, text.strip())
                : Map.of(OUTCOME, OUTCOME_PROGRESS, PROGRESS_NOTE, text.strip());
        identity.setAuthentication(user.id(), List.copyOf(user.groups()));
        try {
            HandOver.EVIDENCE.during(stored, () -> {
                tasks.complete(handle.getId(), variables);
                return null;
            });
        } catch (FormFieldValidationException refused) {
            // the listeners name the variable they refused (TaskInput.refused): "resultSummary：请填写办理结果"
            String id = String.valueOf((Object) refused.getDetail());
            String field = RESULT_SUMMARY.equals(id) || PROGRESS_NOTE.equals(id) ? "text" : "outcome";
            String message = refused.getMessage() == null ? "" : refused.getMessage();
            throw new InvalidRequestException(field, message.startsWith(id + "：") ? message.substring(id.length() + 1)
                    : message);
        } finally {
            identity.clearAuthentication();
        }
        return stored;
    }
}
