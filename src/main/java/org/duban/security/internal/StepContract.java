package org.duban.security.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.duban.system.FieldProblem;

/**
 * What the body of a step (a task completion, a form submission, a start) may carry: its form's inputs as variables,
 * each a plain value, and nothing else — not another variable, not a business key, no start instructions, no
 * skipped listeners. Anything beyond is named in the refusal; the engine is not called.
 */
final class StepContract {

    /** The value types a form field is sent as (Tasklist sends none: the engine then takes the JSON type). */
    private static final Set<String> PLAIN_TYPES = Set.of("string", "boolean", "short", "integer", "long", "double",
            "date", "null");
    static final String NOT_AN_INPUT = "此步骤不接受该字段：只能提交本步骤表单中的内容";
    static final String NOT_PLAIN = "取值类型不受支持";

    private StepContract() {
    }

    /** For a task: {@code variables} and {@code withVariablesInReturn}. */
    static Refusal checkTask(JsonNode body, FormInputs inputs) {
        return check(body, inputs, Set.of("variables", "withVariablesInReturn"));
    }

    /** For a start: as a task; a business key only empty, as the directive's number is Duban's to give. */
    static Refusal checkStart(JsonNode body, FormInputs inputs) {
        return check(body, inputs, Set.of("variables", "withVariablesInReturn", "businessKey"));
    }

    private static Refusal check(JsonNode body, FormInputs inputs, Set<String> allowedTopLevel) {
        if (body == null || body.isMissingNode()) {
            return Refusal.malformed("请求内容须为 JSON 对象。");
        }
        if (!body.isObject()) {
            return Refusal.malformed("请求内容须为 JSON 对象。");
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            JsonNode value = body.get(name);
            boolean empty = value.isNull() || (value.isTextual() && value.asText().isEmpty())
                    || (value.isBoolean() && !value.asBoolean());
            if (!allowedTopLevel.contains(name) && !empty) {
                problems.add(new FieldProblem(name, "此步骤不接受该参数"));
            } else if (name.equals("businessKey") && !empty) {
                problems.add(new FieldProblem(name, "编号由系统生成，不能指定"));
            }
        }
        JsonNode variables = body.get("variables");
        if (variables != null && !variables.isNull()) {
            if (!variables.isObject()) {
                return Refusal.malformed("variables 须为 JSON 对象。");
            }
            for (Iterator<Map.Entry<String, JsonNode>> entries = variables.fields(); entries.hasNext();) {
                Map.Entry<String, JsonNode> entry = entries.next();
                String name = entry.getKey();
                if (!inputs.accepts(name)) {
                    problems.add(new FieldProblem(name, NOT_AN_INPUT));
                } else if (!entry.getValue().isObject()) {
                    problems.add(new FieldProblem(name, "取值格式不正确"));
                } else if (!plain(entry.getValue(), inputs.isStructured(name))) {
                    problems.add(new FieldProblem(name, NOT_PLAIN));
                }
            }
        }
        return problems.isEmpty() ? null : Refusal.invalid(problems);
    }

    private static boolean plain(JsonNode variable, boolean structured) {
        JsonNode type = variable.get("type");
        if (type == null || type.isNull()) {
            return true;
        }
        String name = type.asText().toLowerCase(Locale.ROOT);
        return PLAIN_TYPES.contains(name) || (structured && name.equals("json"));
    }
}
