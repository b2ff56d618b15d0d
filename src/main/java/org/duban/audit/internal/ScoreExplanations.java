package org.duban.audit.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.duban.calendar.WorkCalendar;
import org.duban.directive.DirectiveVariables;
import org.springframework.stereotype.Component;

/**
 * How each department's score was computed: the inputs and outputs of every decision of
 * department-score.dmn as the engine recorded them when it evaluated them (historic decision instances).
 */
@Component
class ScoreExplanations {

    record Decision(String key, String name, OffsetDateTime evaluatedAt, Map<String, Object> inputs,
            Map<String, Object> outputs) {}

    record Explanation(String department, String processInstanceId, List<Decision> decisions) {}

    private final HistoryService history;
    private final DepartmentOfInstance departmentOf;

    ScoreExplanations(HistoryService history, DepartmentOfInstance departmentOf) {
        this.history = history;
        this.departmentOf = departmentOf;
    }

    List<Explanation> of(String number) {
        List<Explanation> explanations = new ArrayList<>();
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(DirectiveVariables.DEPARTMENT_WORK_PROCESS).processInstanceBusinessKey(number).list()) {
            List<Decision> decisions = new ArrayList<>();
            for (HistoricDecisionInstance decision : history.createHistoricDecisionInstanceQuery()
                    .processInstanceId(instance.getId()).includeInputs().includeOutputs().list()) {
                Map<String, Object> inputs = new LinkedHashMap<>();
                decision.getInputs().forEach(i -> inputs.put(i.getClauseName() == null ? i.getClauseId() : i.getClauseName(),
                        i.getValue()));
                Map<String, Object> outputs = new LinkedHashMap<>();
                decision.getOutputs().forEach(o -> outputs.put(o.getVariableName(), o.getValue()));
                decisions.add(new Decision(decision.getDecisionDefinitionKey(), decision.getDecisionDefinitionName(),
                        OffsetDateTime.ofInstant(decision.getEvaluationTime().toInstant(), WorkCalendar.ZONE), inputs, outputs));
            }
            explanations.add(new Explanation(departmentOf.of(instance), instance.getId(), decisions));
        }
        return explanations;
    }
}
