package org.duban.directive.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import lombok.extern.slf4j.Slf4j;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.duban.directive.DirectiveTemplates;
import org.duban.directive.ReportCycle;
import org.duban.organisation.Department;
import org.duban.organisation.Organisation;
import org.duban.organisation.OrganisationChanged;
import org.springframework.context.event.EventListener;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the Camunda Forms of bpmn/forms with their choices filled in from Duban's configuration: a component
 * with {@code properties.options} of {@code units} offers the organisation's units (sub-units indented),
 * {@code categories} the directive templates, {@code cycles} the report cycles. So a unit added to
 * organisation.yaml is offered in Tasklist without editing a form. The models bind their forms by
 * {@code formRefBinding="latest"}; an unchanged form is not deployed again.
 */
@Slf4j
@Component
@Order(40)
public class FormDeployment implements ApplicationRunner {

    static final String DEPLOYMENT = "duban-forms";
    private static final String OPTIONS = "options";

    private final RepositoryService repository;
    private final Organisation organisation;
    private final DirectiveTemplates templates;
    private final MessageSource labels;
    private final ObjectMapper json = new ObjectMapper();

    FormDeployment(RepositoryService repository, Organisation organisation, DirectiveTemplates templates,
            MessageSource labels) {
        this.repository = repository;
        this.organisation = organisation;
        this.templates = templates;
        this.labels = labels;
    }

    @Override
    public void run(ApplicationArguments args) {
        deploy();
    }

    /** Tasklist offers a new unit (and no longer a removed one) as soon as its version is in force. */
    @EventListener
    void on(OrganisationChanged changed) {
        if (changed.appliedHere()) {
            deploy();
        }
    }

    public void deploy() {
        DeploymentBuilder deployment = repository.createDeployment().name(DEPLOYMENT).enableDuplicateFiltering(false);
        try {
            for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/forms/*.form")) {
                try (InputStream in = form.getInputStream()) {
                    deployment.addString(form.getFilename(), fill(json.readTree(in)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("Forms with the organisation's units deployed (unchanged forms are kept): deployment {}",
                deployment.deploy().getId());
    }

    /** The form's JSON with every {@code properties.options} component's values taken from configuration. */
    String fill(JsonNode form) throws IOException {
        for (JsonNode component : form.path("components")) {
            String source = component.path("properties").path(OPTIONS).asText(null);
            if (source != null) {
                ((ObjectNode) component).set("values", values(source));
            }
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(form);
    }

    private ArrayNode values(String source) {
        ArrayNode values = json.createArrayNode();
        switch (source) {
            case "units" -> units(null, 0, values);
            case "targets" -> targets(values);
            case "categories" -> templates.all().forEach(t -> values.addObject().put("label", t.name()).put("value", t.code()));
            case "cycles" -> {
                for (ReportCycle cycle : ReportCycle.values()) {
                    values.addObject().put("label", labels.getMessage("cycle." + cycle.key(), null, cycle.key(),
                            Locale.SIMPLIFIED_CHINESE)).put("value", cycle.key());
                }
            }
            default -> throw new IllegalStateException("A form asks for options '" + source + "', which Duban does not know");
        }
        return values;
    }

    /**
     * Units by the tree (一键直达基层): "every unit of a level" city-wide, then under each unit that has units below
     * it, for each level found there; the value is {@code under:level} (empty under: the whole city).
     */
    private void targets(ArrayNode values) {
        for (org.duban.organisation.Level level : org.duban.organisation.Level.values()) {
            if (!organisation.at(level, null).isEmpty()) {
                values.addObject().put("label", "全市的全部" + level.label()).put("value", ":" + level.key());
            }
        }
        for (Department d : organisation.departments()) {
            java.util.Set<org.duban.organisation.Level> below = new java.util.TreeSet<>();
            organisation.below(d.code()).forEach(b -> below.add(b.level()));
            for (org.duban.organisation.Level level : below) {
                values.addObject().put("label", d.name() + "的全部" + level.label()).put("value", d.code() + ":" + level.key());
            }
        }
    }

    /** Units in tree order, each below its parent and indented by its depth. */
    private void units(String parent, int depth, ArrayNode values) {
        List<Department> level = new ArrayList<>();
        for (Department d : organisation.departments()) {
            if (parent == null ? d.parentCode() == null || organisation.department(d.parentCode()).isEmpty()
                    : parent.equals(d.parentCode())) {
                level.add(d);
            }
        }
        for (Department d : level) {
            values.addObject().put("label", "　".repeat(depth) + d.name()).put("value", d.code());
            units(d.code(), depth + 1, values);
        }
    }
}
