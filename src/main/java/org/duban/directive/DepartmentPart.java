package org.duban.directive;

import static org.duban.directive.DirectiveVariables.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.VariableScope;

/** One department's part of one directive, as the department-work process knows it. */
public record DepartmentPart(String number, String department, String role, Priority priority, String category,
        LocalDate deadline) {

    public static DepartmentPart of(VariableScope scope) {
        return new DepartmentPart((String) scope.getVariable(DIRECTIVE_NUMBER), (String) scope.getVariable(DEPARTMENT),
                (String) scope.getVariable(ROLE), Priority.ofKey((String) scope.getVariable(PRIORITY)).orElseThrow(),
                (String) scope.getVariable(CATEGORY), LocalDate.parse((String) scope.getVariable(DEADLINE)));
    }

    public static int counter(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Number n ? n.intValue() : 0;
    }
}
