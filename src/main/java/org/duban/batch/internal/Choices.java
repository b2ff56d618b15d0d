package org.duban.batch.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.directive.DirectiveTemplate;
import org.duban.directive.DirectiveTemplates;
import org.duban.directive.Priority;
import org.duban.directive.ReportCycle;
import org.duban.organisation.Department;
import org.duban.organisation.Member;
import org.duban.organisation.Organisation;
import org.duban.organisation.Role;
import org.springframework.stereotype.Component;

/**
 * The values a cell may hold, as the template lists them and the check reads them: categories by name or code,
 * priorities and cycles by their Chinese label or key, units by name or code, leaders by name or login.
 */
@Component
class Choices {

    static final Map<ReportCycle, String> CYCLE_LABELS = new LinkedHashMap<>();

    static {
        CYCLE_LABELS.put(ReportCycle.NONE, "不需定期反馈");
        CYCLE_LABELS.put(ReportCycle.DAILY, "每日反馈");
        CYCLE_LABELS.put(ReportCycle.WEEKLY, "每周反馈");
        CYCLE_LABELS.put(ReportCycle.MONTHLY, "每月反馈");
    }

    private final DirectiveTemplates templates;
    private final Organisation organisation;

    Choices(DirectiveTemplates templates, Organisation organisation) {
        this.templates = templates;
        this.organisation = organisation;
    }

    List<DirectiveTemplate> categories() {
        return templates.all();
    }

    DirectiveTemplate defaultCategory() {
        return templates.defaultTemplate();
    }

    Optional<DirectiveTemplate> category(String text) {
        return templates.all().stream().filter(t -> t.name().equals(text) || t.code().equals(text)).findFirst();
    }

    Optional<Priority> priority(String text) {
        for (Priority p : Priority.values()) {
            if (p.label().equals(text) || p.key().equals(text)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    Optional<ReportCycle> cycle(String text) {
        for (Map.Entry<ReportCycle, String> e : CYCLE_LABELS.entrySet()) {
            String label = e.getValue();
            if (label.equals(text) || label.replace("反馈", "").equals(text) || e.getKey().key().equals(text)) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    List<Department> units() {
        return organisation.departments();
    }

    Optional<Department> unit(String text) {
        Optional<Department> byCode = organisation.department(text);
        return byCode.isPresent() ? byCode
                : organisation.departments().stream().filter(d -> d.name().equals(text)).findFirst();
    }

    List<Member> leaders() {
        List<Member> leaders = new ArrayList<>(organisation.withRole(Role.LEADER));
        return leaders;
    }

    Optional<Member> leader(String text) {
        return leaders().stream().filter(m -> m.name().equals(text) || m.id().equals(text)).findFirst();
    }

    String unitName(String code) {
        return organisation.department(code).map(Department::name).orElse(code);
    }
}
