package org.duban.directive.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.directive.AuditRecord;
import org.duban.directive.EventDetails;
import org.duban.directive.EventType;
import org.springframework.stereotype.Component;

/** The audit record's reading side: the timeline, the parts' score facts and the chain's verification. */
@Component
class AuditRecords implements AuditRecord {

    private final Timeline timeline;
    private final AuditChain chain;
    private final DirectiveStore directives;
    private final PartStore parts;
    private final ScoreDecision decision;

    AuditRecords(Timeline timeline, AuditChain chain, DirectiveStore directives, PartStore parts, ScoreDecision decision) {
        this.timeline = timeline;
        this.chain = chain;
        this.directives = directives;
        this.parts = parts;
        this.decision = decision;
    }

    @Override
    public boolean exists(String number) {
        return directives.status(number).isPresent();
    }

    @Override
    public List<Event> eventsOf(String number) {
        return timeline.of(number).stream().map(AuditRecords::event).toList();
    }

    @Override
    public List<Event> eventsBy(String actor, OffsetDateTime from, OffsetDateTime to) {
        return timeline.byActor(actor, from, to).stream().map(AuditRecords::event).toList();
    }

    @Override
    public Optional<String> unitOfInstance(String processInstanceId) {
        return parts.byInstance(processInstanceId).map(PartRow::unit);
    }

    @Override
    public List<Score> scoresOf(String number) {
        Map<String, String> labels = decision.labels();
        Map<String, String> inputLabels = decision.inputLabels();
        return timeline.of(number).stream()
                .filter(e -> e.type() == EventType.SCORED && e.details() instanceof EventDetails.PartScored)
                .map(e -> {
                    EventDetails.PartScored s = (EventDetails.PartScored) e.details();
                    List<Component> components = s.components() == null ? List.of() : s.components().entrySet().stream()
                            .map(c -> new Component(c.getKey(), labels.getOrDefault(c.getKey(), c.getKey()), c.getValue()))
                            .toList();
                    List<Fact> inputs = s.inputs() == null ? List.of() : s.inputs().entrySet().stream()
                            .map(i -> new Fact(i.getKey(), inputLabels.getOrDefault(i.getKey(), i.getKey()), i.getValue()))
                            .toList();
                    return new Score(e.unit(), e.at(), s.score(), s.weight(), inputs, components);
                }).toList();
    }

    @Override
    public Verification verifyAll() {
        return chain.verifyAll();
    }

    @Override
    public Verification verifySinceCheckpoint() {
        return chain.verifySinceCheckpoint();
    }

    private static Event event(Timeline.Entry e) {
        return new Event(e.id(), e.number(), e.unit(), e.type(), e.actor(), e.at(), e.details());
    }
}
