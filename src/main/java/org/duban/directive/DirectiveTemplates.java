package org.duban.directive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The validated templates from {@code processes/templates/}; exactly one is the default. */
public final class DirectiveTemplates {

    private final Map<String, DirectiveTemplate> byCode = new LinkedHashMap<>();
    private final DirectiveTemplate defaultTemplate;

    public DirectiveTemplates(List<DirectiveTemplate> templates) {
        templates.forEach(t -> byCode.put(t.code(), t));
        defaultTemplate = templates.stream().filter(DirectiveTemplate::isDefault).findFirst().orElseThrow();
    }

    public Optional<DirectiveTemplate> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The template of a category, or the default one when the category is absent. */
    public DirectiveTemplate forCategory(String code) {
        return code == null || code.isBlank() ? defaultTemplate : byCode.get(code);
    }

    /** Every template, default first, as a category list shows them. */
    public List<DirectiveTemplate> all() {
        return byCode.values().stream().sorted(java.util.Comparator.comparing(t -> !t.isDefault())).toList();
    }

    public DirectiveTemplate defaultTemplate() {
        return defaultTemplate;
    }
}
