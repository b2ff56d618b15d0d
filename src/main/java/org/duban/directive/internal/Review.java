package org.duban.directive.internal;

import static org.duban.directive.DirectiveVariables.MESSAGE_PARTS_COMPLETED;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.RuntimeService;
import org.duban.directive.EventDetails;
import org.duban.directive.EventType;
import org.springframework.stereotype.Component;

/** 审核 and 评: the review of a result, the part's score from its recorded facts, and its end. */
@Component
public class Review {

    private final PartStore parts;
    private final DirectiveStore directives;
    private final Lights lights;
    private final Timeline timeline;
    private final ScoreDecision decision;
    private final RuntimeService runtime;
    private final EngineAsSystem engine;
    private final ObjectMapper json;

    private final EvidenceStore evidence;
    private final SupervisionClock clock;

    Review(PartStore parts, DirectiveStore directives, Lights lights, Timeline timeline, ScoreDecision decision,
            RuntimeService runtime, EngineAsSystem engine, ObjectMapper json, EvidenceStore evidence,
            SupervisionClock clock) {
        this.evidence = evidence;
        this.clock = clock;
        this.parts = parts;
        this.directives = directives;
        this.lights = lights;
        this.timeline = timeline;
        this.decision = decision;
        this.runtime = runtime;
        this.engine = engine;
        this.json = json;
    }

    /** @param verified the reviewer checked the 佐证材料 against the result (核实): the ledger tells reported from verified */
    public void accepted(PartContext c, String actor, int qualityRating, String comment, boolean verified) {
        // 核实 is of material: with no file sent there is nothing verified, whatever was ticked
        boolean checked = verified && evidence.countsByUnit(c.number()).getOrDefault(c.unit(), 0) > 0;
        parts.accepted(c.part(), qualityRating, checked);
        timeline.record(c, EventType.ACCEPTED, actor, new EventDetails.Reviewed(comment, qualityRating, checked));
    }

    /** Returned for rework: back to handling, counted against the unit; the clock turns to the handling's moments. */
    public void returned(PartContext c, String actor, String comment) {
        parts.reworked(c.part());
        lights.refresh(c.number(), c.unit());
        clock.rearm(new PartContext(c.directive(), parts.byInstance(c.part().processInstanceId()).orElseThrow()));
        timeline.record(c, EventType.RETURNED_FOR_REWORK, actor, new EventDetails.Reviewed(comment, null));
    }

    /** Scores the accepted part by department-score.dmn, from what the record says happened (绩效自动生成). */
    public void score(PartContext c) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("role", c.part().role().key());
        inputs.put("lateDays", c.part().lateDays() == null ? 0 : c.part().lateDays());
        inputs.put("signLateDays", c.part().signLateDays() == null ? 0 : c.part().signLateDays());
        inputs.put("urgeCount", c.part().urgeCount());
        inputs.put("reworkCount", c.part().reworkCount());
        inputs.put("approvedExtensions", c.part().extensionCount());
        inputs.put("qualityRating", c.part().qualityRating());
        // 分级汇总: the units it passed down to, scored before it (it could not submit while one was open)
        java.util.List<java.math.BigDecimal> below = parts.subPartsOf(c.number(), c.unit()).stream()
                .filter(p -> p.status() == org.duban.directive.PartStatus.DONE && p.score() != null).map(PartRow::score)
                .toList();
        inputs.put("subUnitCount", below.size());
        inputs.put("subUnitsAverage", below.isEmpty() ? 0.0 : below.stream().mapToDouble(java.math.BigDecimal::doubleValue)
                .average().orElse(0));
        ScoreDecision.Result result = decision.evaluate(inputs);
        parts.scored(c.part(), result.score(), result.weight(), write(result.components()));
        lights.refresh(c.number(), c.unit());
        timeline.record(c, EventType.SCORED, null,
                new EventDetails.PartScored(result.score(), result.weight(), result.components(), inputs));
    }

    /**
     * The part is done. The last of a directive's own parts to finish tells the directive (counted down under the
     * directive row's lock, so of two finishing at once exactly one is last).
     */
    public void finished(PartContext c) {
        if (c.part().isSubPart()) {
            return;
        }
        if (directives.partFinished(c.number()) == 0) {
            engine.run(() -> runtime.createMessageCorrelation(MESSAGE_PARTS_COMPLETED)
                    .processInstanceId(c.directive().processInstanceId()).correlateAll());
        }
    }

    private String write(Map<String, Integer> components) {
        try {
            return json.writeValueAsString(components);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
