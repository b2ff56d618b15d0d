package org.duban.directive.internal.process;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Checks what a person entered when completing a task. A refusal is a form validation error, which
 * Tasklist shows next to the form and /engine-rest answers with 400 — the task stays open.
 */
final class TaskInput {

    private TaskInput() {
    }

    static String requiredText(VariableScope task, String name, String label, int maxLength) {
        Object value = task.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            throw refused(name, "请填写" + label);
        }
        String text = value.toString().strip();
        clean(name, label, text);
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw refused(name, label + "不能超过 " + maxLength + " 字");
        }
        return text;
    }

    static boolean requiredBoolean(VariableScope task, String name, String label) {
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

    static void optionalText(VariableScope task, String name, String label, int maxLength) {
        Object value = task.getVariable(name);
        if (value != null) {
            clean(name, label, value.toString());
        }
        if (value != null && value.toString().codePointCount(0, value.toString().length()) > maxLength) {
            throw refused(name, label + "不能超过 " + maxLength + " 字");
        }
    }

    private static void clean(String name, String label, String text) {
        if (!org.duban.directive.internal.Texts.isClean(text)) {
            throw refused(name, label + "含有无法保存的字符（空字符或不完整的 Unicode 字符）");
        }
    }

    static FormFieldValidationException refused(String field, String message) {
        return new FormFieldValidationException(field, field + "：" + message);
    }
}
