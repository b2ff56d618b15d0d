package org.duban.directive.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.duban.directive.EventDetails;
import org.duban.directive.EventType;
import org.duban.directive.PartStatus;
import org.springframework.stereotype.Component;

/** Every part is done: the directive's score (its own parts' scores weighted by role) and 办结归档. */
@Component
public class Closing {

    private final DirectiveStore directives;
    private final PartStore parts;
    private final Lights lights;
    private final Timeline timeline;

    Closing(DirectiveStore directives, PartStore parts, Lights lights, Timeline timeline) {
        this.directives = directives;
        this.parts = parts;
        this.lights = lights;
        this.timeline = timeline;
    }

    /** Waiting for the parts makes sense only while some is open; read under the directive row's lock. */
    public boolean allPartsDone(DirectiveRow directive) {
        return directives.lockOpenParts(directive.number()) <= 0;
    }

    public void score(DirectiveRow directive) {
        List<PartRow> done = parts.of(directive.number()).stream()
                .filter(p -> !p.isSubPart() && p.status() == PartStatus.DONE && p.score() != null).toList();
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (PartRow part : done) {
            weighted = weighted.add(part.score().multiply(part.weight()));
            weights = weights.add(part.weight());
        }
        BigDecimal score = weights.signum() == 0 ? BigDecimal.ZERO : weighted.divide(weights, 1, RoundingMode.HALF_UP);
        directives.scored(directive.number(), score);
        timeline.record(directive, EventType.SCORED, null, new EventDetails.DirectiveScored(score, done.size()));
    }

    public void close(DirectiveRow directive) {
        directives.closed(directive.number());
        lights.refresh(directive.number());
        timeline.record(directive, EventType.CLOSED, null, new EventDetails.None());
    }
}
