package org.duban.security.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The variables a Camunda Form (form-js JSON) submits: one per keyed component that is not {@code disabled}, named
 * by the first segment of its value path (a group with a {@code path} puts its fields under that variable). form-js
 * leaves disabled fields out of what it submits ({@code Form._getSubmitData}), so display-only fields — the number,
 * the title, the department shown on a task — are not inputs. {@code readonly} fields are submitted, hence inputs.
 *
 * @param fields each input variable with the form-js type of its component
 */
record FormInputs(Map<String, String> fields) {

    /** Components whose value is a list or an object: sent by Tasklist as a {@code Json} variable. */
    private static final Set<String> STRUCTURED = Set.of("checklist", "taglist", "dynamiclist", "group");
    private static final ObjectMapper JSON = new ObjectMapper();

    static final FormInputs NONE = new FormInputs(Map.of());

    FormInputs {
        fields = Map.copyOf(fields);
    }

    boolean accepts(String variable) {
        return fields.containsKey(variable);
    }

    /** Whether the field takes a list or object (a {@code Json} value) rather than a single value. */
    boolean isStructured(String variable) {
        return STRUCTURED.contains(fields.get(variable));
    }

    static FormInputs parse(InputStream form) throws IOException {
        JsonNode root = JSON.readTree(form);
        Map<String, String> fields = new LinkedHashMap<>();
        collect(root.path("components"), "", fields);
        return new FormInputs(fields);
    }

    private static void collect(JsonNode components, String prefix, Map<String, String> fields) {
        for (JsonNode component : components) {
            boolean disabled = component.path("disabled").asBoolean(false);
            String type = component.path("type").asText("");
            String key = component.path("key").asText("");
            if (!key.isEmpty() && !disabled) {
                fields.putIfAbsent(firstSegment(prefix + key), type);
            }
            if (component.has("components")) {
                String path = component.path("path").asText("");
                if (!path.isEmpty() && !disabled) {
                    fields.putIfAbsent(firstSegment(prefix + path), STRUCTURED.contains(type) ? type : "group");
                }
                if (!disabled) {
                    collect(component.get("components"), path.isEmpty() ? prefix : prefix + path + ".", fields);
                }
            }
        }
    }

    private static String firstSegment(String valuePath) {
        int dot = valuePath.indexOf('.');
        return dot < 0 ? valuePath : valuePath.substring(0, dot);
    }
}
