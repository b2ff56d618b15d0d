package org.duban.supervision.internal;

import static org.duban.directive.DirectiveVariables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.duban.directive.DirectiveStatus;
import org.duban.directive.DepartmentStatus;
import org.duban.directive.DirectiveAccess;
import org.duban.directive.DirectiveRecords;
import org.duban.system.ApiException;
import org.duban.system.CurrentUser;
import org.duban.system.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 催办 by the office: delivered to the department's process as a message, counted and kept with its actor. */
@Tag(name = "督办事项")
@RestController
class UrgeController {

    record Urged(String number, List<String> departments) {}

    private final DirectiveAccess access;
    private final DirectiveRecords records;
    private final RuntimeService runtime;

    UrgeController(DirectiveAccess access, DirectiveRecords records, RuntimeService runtime) {
        this.access = access;
        this.records = records;
        this.runtime = runtime;
    }

    @Operation(summary = "催办", description = "督查室或领导催办一个或全部未办结的承办单位。")
    @PostMapping(path = "/api/directives/{number}/urges", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Transactional
    Urged urge(@PathVariable String number, @RequestBody(required = false) UrgeRequest request,
            Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        access.requireVisible(number, user);
        access.requireOffice(user, "催办");
        String note = request == null ? null : request.note();
        if (note != null && note.strip().length() > 500) {
            throw new InvalidRequestException("note", "催办说明不能超过 500 字");
        }
        String department = request == null || request.department() == null || request.department().isBlank()
                ? null : request.department();
        List<Execution> targets = subscriptions(number, department).stream()
                .filter(execution -> records.departmentStatus(number, departmentOf(execution))
                        .map(DepartmentStatus::isUrgeable).orElse(false))
                .toList();
        if (targets.isEmpty()) {
            if (department != null && access.status(number) == DirectiveStatus.IN_PROGRESS) {
                throw new InvalidRequestException("department", "单位“" + department + "”不是本事项的承办单位，或已提交审核、已办结");
            }
            throw ApiException.conflict("nothing-to-urge", "督办事项 " + number + " 没有可催办的单位（未下发、已办结或已撤回）。");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(URGED_BY, user.id());
        variables.put(URGE_NOTE, note == null ? null : note.strip());
        List<String> urged = targets.stream().map(execution -> {
            String target = departmentOf(execution);
            runtime.messageEventReceived(MESSAGE_URGE, execution.getId(), variables);
            return target;
        }).toList();
        return new Urged(number, urged);
    }

    private String departmentOf(Execution execution) {
        return (String) runtime.getVariable(execution.getProcessInstanceId(), DEPARTMENT);
    }

    private List<Execution> subscriptions(String number, String department) {
        var query = runtime.createExecutionQuery().processDefinitionKey(DEPARTMENT_WORK_PROCESS)
                .processInstanceBusinessKey(number).messageEventSubscriptionName(MESSAGE_URGE);
        if (department != null) {
            query.processVariableValueEquals(DEPARTMENT, department);
        }
        return query.list();
    }
}
