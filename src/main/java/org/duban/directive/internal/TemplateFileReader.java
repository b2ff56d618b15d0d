package org.duban.directive.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.duban.directive.DirectiveTemplate;
import org.duban.directive.DirectiveTemplates;
import org.duban.directive.Priority;

/** Reads {@code processes/templates/*.yaml}; refuses the whole set with every problem named. */
class TemplateFileReader {

    record OffsetsEntry(Integer yellowBefore, Integer reminderBefore, Integer escalateAfter) {}

    record TemplateFile(String code, String name, Boolean isDefault, Integer signWithinWorkingDays,
            Map<String, OffsetsEntry> priorities) {}

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    DirectiveTemplate read(String fileName, InputStream content, List<String> problems) {
        TemplateFile file;
        try {
            file = yaml.readValue(content, TemplateFile.class);
        } catch (IOException e) {
            problems.add(fileName + ": not a readable template: " + e.getMessage());
            return null;
        }
        int before = problems.size();
        String entry = fileName + ": template '" + file.code() + "'";
        if (file.code() == null || !file.code().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            problems.add(entry + ": code must be lower-case letters, digits and hyphens");
        }
        if (file.name() == null || file.name().isBlank()) {
            problems.add(entry + ": name is missing");
        }
        int sign = file.signWithinWorkingDays() == null ? 1 : file.signWithinWorkingDays();
        if (sign < 1) {
            problems.add(entry + ": signWithinWorkingDays must be at least 1");
        }
        Map<Priority, DirectiveTemplate.Offsets> offsets = new EnumMap<>(Priority.class);
        Map<String, OffsetsEntry> priorities = file.priorities() == null ? Map.of() : file.priorities();
        priorities.keySet().stream().filter(key -> Priority.ofKey(key).isEmpty())
                .forEach(key -> problems.add(entry + ": unknown priority '" + key + "' (allowed: normal, urgent, critical)"));
        for (Priority priority : Priority.values()) {
            OffsetsEntry o = priorities.get(priority.key());
            if (o == null || o.yellowBefore() == null || o.reminderBefore() == null || o.escalateAfter() == null) {
                problems.add(entry + ": priority '" + priority.key() + "' needs yellowBefore, reminderBefore and escalateAfter");
                continue;
            }
            if (o.yellowBefore() < 0 || o.reminderBefore() < 0 || o.escalateAfter() < 1) {
                problems.add(entry + ": priority '" + priority.key() + "': offsets must not be negative, escalateAfter at least 1");
            }
            offsets.put(priority, new DirectiveTemplate.Offsets(o.yellowBefore(), o.reminderBefore(), o.escalateAfter()));
        }
        if (problems.size() > before) {
            return null;
        }
        return new DirectiveTemplate(file.code(), file.name(), Boolean.TRUE.equals(file.isDefault()), sign, offsets);
    }

    DirectiveTemplates combine(List<DirectiveTemplate> templates, List<String> problems) {
        List<String> codes = new ArrayList<>();
        for (DirectiveTemplate template : templates) {
            if (codes.contains(template.code())) {
                problems.add("processes/templates: template '" + template.code() + "' is declared twice");
            }
            codes.add(template.code());
        }
        long defaults = templates.stream().filter(DirectiveTemplate::isDefault).count();
        if (defaults != 1) {
            problems.add("processes/templates: exactly one template must be 'default: true', found " + defaults);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Directive templates are invalid:\n  - " + String.join("\n  - ", problems));
        }
        return new DirectiveTemplates(templates);
    }
}
