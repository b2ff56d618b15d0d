package org.duban.browser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sorts the Latin words on a page into three kinds:
 * <ul>
 * <li>names and identifiers, which stay as they are: Duban, Camunda, BPMN, logins, group and
 * tenant ids, process and decision keys, deployment and file names, numbers and ids;</li>
 * <li>words of the models and their data (BPMN, DMN and form texts and ids, variable names and
 * values): the lead's, reported rather than failed while the models are rewritten;</li>
 * <li>everything else: English the webapps show on their own, which must not be there.</li>
 * </ul>
 */
final class LatinWords {

    /** A run of two or more Latin letters; digits and underscores end it (Task_Sign → Task, Sign). */
    static final Pattern WORD = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z]{2,}(?![A-Za-z0-9])");

    /** Taken out before looking for words: ids and product names with dots or digits in them. */
    private static final Pattern IGNORED = Pattern.compile(String.join("|",
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", // engine ids
            "DB-\\d{4}-\\d{4}", // directive numbers
            "https?://[^\\s)\\]]+", // addresses (a brief's link to the directive page)
            "Camunda Platform", "bpmn\\.io", // the footer's and the diagram's credits
            "\\bv\\d+(?:\\.\\d+)+")); // the footer's version

    /** Names that stay as they are in Chinese software (besides the identifiers found in the engine). */
    private static final Set<String> NAMES = Set.of("Duban", "Camunda", "BPMN", "DMN", "CMMN", "FEEL", "ID", "CSV",
            "JSON", "XML", "ms");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> names = new TreeSet<>(NAMES);
    private final Set<String> model = new TreeSet<>();

    /** The names and model words of everything the engine holds now. */
    static LatinWords of(ProcessEngine engine) {
        LatinWords words = new LatinWords();
        words.names(engine.getName());
        for (User user : engine.getIdentityService().createUserQuery().list()) {
            words.names(user.getId(), user.getEmail());
        }
        for (Group group : engine.getIdentityService().createGroupQuery().list()) {
            words.names(group.getId());
        }
        for (Tenant tenant : engine.getIdentityService().createTenantQuery().list()) {
            words.names(tenant.getId());
        }
        for (Authorization authorization : engine.getAuthorizationService().createAuthorizationQuery().list()) {
            words.names(authorization.getResourceId());
        }
        var repository = engine.getRepositoryService();
        repository.createProcessDefinitionQuery().list().forEach(d -> words.names(d.getKey()));
        repository.createDecisionDefinitionQuery().list().forEach(d -> words.names(d.getKey()));
        repository.createDecisionRequirementsDefinitionQuery().list().forEach(d -> words.names(d.getKey()));
        for (Deployment deployment : repository.createDeploymentQuery().list()) {
            // the starter names its deployment "SpringAutoDeployment"
            words.names(deployment.getName(), deployment.getSource());
            for (Resource resource : repository.getDeploymentResources(deployment.getId())) {
                words.names(resource.getName());
                words.modelResource(resource.getName(), repository.getResourceAsStream(deployment.getId(), resource.getName()));
            }
        }
        for (HistoricVariableInstance variable : engine.getHistoryService().createHistoricVariableInstanceQuery()
                .disableCustomObjectDeserialization().list()) {
            words.model(variable.getName(), "string".equals(variable.getTypeName()) ? (String) variable.getValue() : null);
        }
        for (HistoricDecisionInstance decision : engine.getHistoryService().createHistoricDecisionInstanceQuery()
                .includeInputs().includeOutputs().disableCustomObjectDeserialization().list()) {
            for (HistoricDecisionInputInstance input : decision.getInputs()) {
                words.model(input.getClauseName(), "string".equals(input.getTypeName()) ? (String) input.getValue() : null);
            }
            for (HistoricDecisionOutputInstance output : decision.getOutputs()) {
                words.model(output.getClauseName(), output.getVariableName(),
                        "string".equals(output.getTypeName()) ? (String) output.getValue() : null);
            }
        }
        engine.getHistoryService().createHistoricProcessInstanceQuery().list()
                .forEach(p -> words.model(p.getBusinessKey(), p.getDeleteReason()));
        engine.getManagementService().createJobDefinitionQuery().list()
                .forEach(j -> words.model(j.getActivityId(), j.getJobType(), j.getJobConfiguration()));
        return words;
    }

    /** What a page shows, sorted: the webapps' own English and the models' words. */
    Found in(String text) {
        String cleaned = IGNORED.matcher(text).replaceAll(" ");
        Map<String, String> chrome = new LinkedHashMap<>();
        Set<String> modelWords = new TreeSet<>();
        Matcher matcher = WORD.matcher(cleaned);
        while (matcher.find()) {
            String word = matcher.group();
            if (names.contains(word)) {
                continue;
            }
            if (model.contains(word)) {
                modelWords.add(word);
            } else {
                chrome.putIfAbsent(word, context(cleaned, matcher.start(), matcher.end()));
            }
        }
        return new Found(chrome, modelWords);
    }

    record Found(Map<String, String> chrome, Set<String> model) {
    }

    private void names(String... values) {
        for (String value : values) {
            add(names, value);
        }
    }

    private void model(String... values) {
        for (String value : values) {
            add(model, value);
        }
    }

    /** Every word of a BPMN, DMN or form file: its texts, ids, expressions and option values. */
    private void modelResource(String name, InputStream content) {
        try (InputStream in = content) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (name.endsWith(".form")) {
                strings(JSON.readTree(text), model);
            } else {
                // attribute values and text between tags, not the element and attribute names
                Matcher values = Pattern.compile("=\"([^\"]*)\"|>([^<]+)<").matcher(text);
                while (values.find()) {
                    add(model, values.group(1) != null ? values.group(1) : values.group(2));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(name, e);
        }
    }

    private static void strings(JsonNode node, Collection<String> into) {
        if (node.isTextual()) {
            add(into, node.asText());
        } else {
            node.forEach(child -> strings(child, into));
        }
    }

    private static void add(Collection<String> into, String value) {
        if (value == null) {
            return;
        }
        Matcher matcher = WORD.matcher(IGNORED.matcher(value).replaceAll(" "));
        while (matcher.find()) {
            into.add(matcher.group());
        }
    }

    private static String context(String text, int start, int end) {
        return text.substring(Math.max(0, start - 30), Math.min(text.length(), end + 30)).replaceAll("\\s+", " ").trim();
    }
}
