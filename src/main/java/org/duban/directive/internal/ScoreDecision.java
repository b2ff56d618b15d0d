package org.duban.directive.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;
import org.camunda.bpm.model.dmn.instance.Output;
import org.duban.system.LatestDefinitions;
import org.springframework.stereotype.Component;

/**
 * Evaluates {@code department-score.dmn} on a part's recorded facts. The top decision returns a score sheet (the
 * total, the weight and every component); the components are the decisions it requires, each labelled with that
 * decision's Chinese name, in the order it requires them. So the model alone says what a score consists of.
 */
@Component
public class ScoreDecision {

    public static final String DECISION = "department-score";
    static final String SCORE = "score";
    static final String WEIGHT = "weight";

    /** The score, the weight of the part's role, and each component's points by output name. */
    public record Result(BigDecimal score, BigDecimal weight, Map<String, Integer> components) {}

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final EngineAsSystem engine;
    private final Map<String, Map<String, String>> labelsByDefinition = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> inputLabelsByDefinition = new ConcurrentHashMap<>();
    private final LatestDefinitions latestDefinitions;

    ScoreDecision(DecisionService decisions, RepositoryService repository, EngineAsSystem engine,
            LatestDefinitions latestDefinitions) {
        this.decisions = decisions;
        this.repository = repository;
        this.engine = engine;
        this.latestDefinitions = latestDefinitions;
    }

    /**
     * Evaluated on Duban's behalf: the reviewer completing the step holds no permission on decisions, nor needs one.
     * The decision is looked up once and evaluated by its id, so the components it reports come from the very
     * version that scored (a deployment between two look-ups cannot mix versions), and inside a step the engine finds
     * it by id among what the step has already read instead of looking for the latest version again.
     */
    public Result evaluate(Map<String, Object> inputs) {
        return engine.call(() -> {
            DecisionDefinition definition = latest();
            DmnDecisionResult result = decisions.evaluateDecisionById(definition.getId()).variables(inputs).evaluate();
            @SuppressWarnings("unchecked")
            Map<String, Object> outputs = (Map<String, Object>) result.getSingleResult().getSingleEntry();
            Map<String, Integer> components = new LinkedHashMap<>();
            for (String name : labels(definition).keySet()) {
                components.put(name, ((Number) outputs.get(name)).intValue());
            }
            return new Result(new BigDecimal(outputs.get(SCORE).toString()),
                    new BigDecimal(outputs.get(WEIGHT).toString()), components);
        });
    }

    /** The components' Chinese labels by output name, in the table's order (the latest deployed decision). */
    public Map<String, String> labels() {
        return engine.call(() -> labels(latest()));
    }

    /** The facts' Chinese labels by the name the decision tables read them by (their input expressions). */
    public Map<String, String> inputLabels() {
        return engine.call(() -> inputLabelsByDefinition.computeIfAbsent(latest().getId(),
                id -> readInputs(repository.getDmnModelInstance(id))));
    }

    /** The latest version, as {@link LatestDefinitions} remembers it (looked up in every score, it cost 60 % as much
     * as evaluating the eight tables, in a JFR profile of the closed-loop benchmark). */
    private DecisionDefinition latest() {
        return latestDefinitions.latest("decision:" + DECISION, () -> repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(DECISION).latestVersion().singleResult());
    }

    private Map<String, String> labels(DecisionDefinition definition) {
        return labelsByDefinition.computeIfAbsent(definition.getId(), id -> read(repository.getDmnModelInstance(id)));
    }

    private static Map<String, String> readInputs(DmnModelInstance model) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
            for (org.camunda.bpm.model.dmn.instance.Input input : table.getInputs()) {
                String expression = input.getInputExpression().getText().getTextContent().strip();
                labels.putIfAbsent(expression, input.getLabel());
            }
        }
        return labels;
    }

    private static Map<String, String> read(DmnModelInstance model) {
        Decision decision = model.getModelElementById(DECISION);
        Map<String, String> labels = new LinkedHashMap<>();
        for (InformationRequirement requirement : decision.getInformationRequirements()) {
            Decision component = requirement.getRequiredDecision();
            for (Output output : ((DecisionTable) component.getExpression()).getOutputs()) {
                if (!WEIGHT.equals(output.getName())) {
                    labels.put(output.getName(), component.getName());
                }
            }
        }
        return labels;
    }
}
