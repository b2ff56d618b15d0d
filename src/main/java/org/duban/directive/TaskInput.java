package org.duban.directive;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Checks what a person entered when completing a task. A refusal is a form validation error, which
 * Tasklist shows next to the form and /engine-rest answers with 400 — the task stays open.
 */
public final class TaskInput {

    private TaskInput() {
    }

    public static String requiredText(VariableScope task, String name, String label, int maxLength) {
        Object value = task.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            throw refused(name, "请填写" + label);
        }
        String text = value.toString().strip();
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw refused(name, label + "不能超过 " + maxLength + " 字");
        }
        return text;
    }

    public static boolean requiredBoolean(VariableScope task, String name, String label) {
        Object value = task.getVariable(name);
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equals(value) || "false".equals(value)) {
            task.setVariable(name, Boolean.valueOf((String) value));
            return Boolean.parseBoolean((String) value);
        }
        throw refused(name, "请选择" + label);
    }

    public static void optionalText(VariableScope task, String name, String label, int maxLength) {
        Object value = task.getVariable(name);
        if (value != null && value.toString().codePointCount(0, value.toString().length()) > maxLength) {
            throw refused(name, label + "不能超过 " + maxLength + " 字");
        }
    }

    public static FormFieldValidationException refused(String field, String message) {
        return new FormFieldValidationException(field, field + "：" + message);
    }
}
