package org.duban.security.internal;

import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.duban.security.internal.EngineApiAllowList.Check;
import org.duban.system.ReplayableBody;
import org.springframework.stereotype.Component;

/**
 * The checks of the allow-list's writes ({@link Check}), looked up in the engine before the call reaches it. A call
 * on something the caller cannot see (another department's task) passes here unchanged: the engine's own
 * authorization then refuses it, so these checks reveal nothing about work that is not the caller's.
 */
@Component
class EngineWriteChecks {

    static final String DIRECTIVE_PROCESS = RoleAuthorizations.DIRECTIVE_PROCESS;

    private final TaskService tasks;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final StepForms forms;

    EngineWriteChecks(TaskService tasks, RepositoryService repository, IdentityService identity, StepForms forms) {
        this.tasks = tasks;
        this.repository = repository;
        this.identity = identity;
        this.forms = forms;
    }

    /** Null when the call may go on, else why not. Admins pass the role checks but not a step's contract. */
    Refusal check(Check check, EngineCall call, Caller caller, HttpServletRequest request) {
        return switch (check) {
            case NONE -> null;
            case CLAIM_FOR_SELF -> caller.isAdmin() ? null : claimForSelf(request, caller);
            case WITHIN_OWN_DEPARTMENT -> caller.isAdmin() ? null : withinOwnDepartment(request, caller);
            case TASK_FORM_ONLY -> taskFormOnly(call, caller, request);
            case DIRECTIVE_START_FORM_ONLY -> directiveStartFormOnly(call, caller, request);
        };
    }

    private Refusal claimForSelf(HttpServletRequest request, Caller caller) {
        JsonNode body = ReplayableBody.json(request);
        String userId = body == null ? null : body.path("userId").asText(null);
        return caller.id().equals(userId) ? null : Refusal.forbidden("只能由本人认领任务。");
    }

    private Refusal withinOwnDepartment(HttpServletRequest request, Caller caller) {
        JsonNode body = ReplayableBody.json(request);
        if (body == null || body.isMissingNode() || !body.isObject()) {
            return Refusal.malformed("请求内容须为 JSON 对象。");
        }
        JsonNode userId = body.get("userId");
        if (userId == null || userId.isNull()) {
            return null; // back to the group: Tasklist's "reset assignee"
        }
        List<String> own = caller.departmentGroups();
        boolean colleague = !own.isEmpty() && identity.createGroupQuery().groupMember(userId.asText())
                .groupIdIn(own.toArray(String[]::new)).count() > 0;
        return colleague ? null : Refusal.forbidden("只能把任务交给本单位的人员。");
    }

    private Refusal taskFormOnly(EngineCall call, Caller caller, HttpServletRequest request) {
        String taskId = call.segments()[1];
        Task task = asCaller(caller, () -> tasks.createTaskQuery().taskId(taskId).singleResult());
        if (task == null) {
            return null; // not the caller's to see: the engine refuses it
        }
        JsonNode body = bodyOrEmpty(request);
        return StepContract.checkTask(body, task.getProcessDefinitionId() == null ? FormInputs.NONE : forms.ofTask(task));
    }

    private Refusal directiveStartFormOnly(EngineCall call, Caller caller, HttpServletRequest request) {
        String[] segments = call.segments();
        ProcessDefinition definition = segments[1].equals("key")
                ? repository.createProcessDefinitionQuery().processDefinitionKey(segments[2]).withoutTenantId()
                        .latestVersion().singleResult()
                : repository.createProcessDefinitionQuery().processDefinitionId(segments[1]).singleResult();
        if (definition == null) {
            return null; // nothing to start: the engine answers 404
        }
        if (!DIRECTIVE_PROCESS.equals(definition.getKey())) {
            return caller.isAdmin() ? null : Refusal.forbidden("只能发起督办事项流程。");
        }
        return StepContract.checkStart(bodyOrEmpty(request), forms.ofStart(definition.getId()));
    }

    /** A step without a body carries no variables; a body that is not JSON cannot be checked and is refused. */
    private static JsonNode bodyOrEmpty(HttpServletRequest request) {
        byte[] bytes = ReplayableBody.bytes(request);
        if (bytes != null && bytes.length > 0) {
            return ReplayableBody.json(request);
        }
        return bytes == null && request.getContentLengthLong() > 0 ? null : JsonNodeFactory.instance.objectNode();
    }

    /** Runs an engine query with the caller's authorizations, as the engine API would. */
    private <T> T asCaller(Caller caller, Supplier<T> query) {
        identity.setAuthentication(caller.id(), List.copyOf(caller.groups()));
        try {
            return query.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
