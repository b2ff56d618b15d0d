package org.duban.audit.internal;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.duban.directive.DirectiveVariables;
import org.springframework.stereotype.Component;

/** Which department a process instance worked for, from history; null for the directive itself. */
@Component
class DepartmentOfInstance {

    private final HistoryService history;

    DepartmentOfInstance(HistoryService history) {
        this.history = history;
    }

    String of(HistoricProcessInstance instance) {
        if (!DirectiveVariables.DEPARTMENT_WORK_PROCESS.equals(instance.getProcessDefinitionKey())) {
            return null;
        }
        var variable = history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(DirectiveVariables.DEPARTMENT).singleResult();
        return variable == null ? null : (String) variable.getValue();
    }
}
