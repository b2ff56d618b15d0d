package org.duban.security.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.duban.system.ApiException;
import org.duban.system.FieldProblem;
import org.duban.system.InvalidRequestException;
import org.springframework.http.HttpStatus;

/**
 * Why an engine API call is refused, in the words a person reads: a stable {@code type}, a Chinese title and detail,
 * and for invalid input the offending fields.
 */
record Refusal(HttpStatus status, String type, String title, String detail, List<FieldProblem> errors) {

    Refusal {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    static Refusal forbidden(String detail) {
        return new Refusal(HttpStatus.FORBIDDEN, "forbidden", "无权访问", detail, null);
    }

    static Refusal malformed(String detail) {
        return new Refusal(HttpStatus.BAD_REQUEST, "malformed-request", "请求格式错误", detail, null);
    }

    static Refusal invalid(List<FieldProblem> problems) {
        return new Refusal(HttpStatus.BAD_REQUEST, "invalid-request", "请求参数有误", problems.stream()
                .map(p -> p.field() + "：" + p.message()).collect(Collectors.joining("；")), problems);
    }

    /** The refusal behind an engine exception ({@link EngineInputErrors#refusalIn}). */
    static Refusal of(RuntimeException engineRefusal) {
        if (engineRefusal instanceof InvalidRequestException invalid) {
            return invalid(invalid.problems());
        }
        if (engineRefusal instanceof ApiException refused) {
            return new Refusal(refused.status(), refused.type(), refused.title(), refused.getMessage(), null);
        }
        if (!(engineRefusal instanceof FormFieldValidationException input)) {
            String message = engineRefusal.getMessage() == null ? "请求无法完成" : engineRefusal.getMessage();
            return new Refusal(HttpStatus.BAD_REQUEST, "invalid-request", "请求参数有误", message, null);
        }
        String field = input.getDetail() == null ? "" : input.getDetail().toString();
        String message = input.getMessage() == null ? "输入有误" : input.getMessage();
        // TaskInput words its messages "field：reason"; the field is named separately
        if (!field.isEmpty() && message.startsWith(field + "：")) {
            message = message.substring(field.length() + 1);
        }
        return invalid(List.of(new FieldProblem(field, message)));
    }

    /** What Tasklist and Cockpit show: the reasons only, without field or variable names. */
    String message() {
        if (errors.isEmpty()) {
            return detail;
        }
        return errors.stream().map(FieldProblem::message).distinct().collect(Collectors.joining("；"));
    }
}
