package org.duban.directive.internal.process;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads what a person entered in the form of the task just completed: a step's input, never a fact. */
final class Inputs {

    private Inputs() {
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        return value.toString().strip();
    }
}
