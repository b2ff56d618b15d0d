package org.duban.directive.internal;

import org.duban.directive.DirectiveStatus;
import org.duban.directive.EventDetails;
import org.duban.directive.EventType;
import org.springframework.stereotype.Component;

/** 批: a leader's decision on the office's draft. Approved, the leader answers for the directive; refused, it ends. */
@Component
public class Approval {

    private final DirectiveStore directives;
    private final PartStore parts;
    private final Lights lights;
    private final Timeline timeline;

    Approval(DirectiveStore directives, PartStore parts, Lights lights, Timeline timeline) {
        this.directives = directives;
        this.parts = parts;
        this.lights = lights;
        this.timeline = timeline;
    }

    public void decided(DirectiveRow directive, String leader, boolean approved, String comment) {
        if (approved) {
            directives.approved(directive.number(), leader);
        } else {
            parts.cancelOpen(directive.number());
            directives.ended(directive.number(), DirectiveStatus.REJECTED);
            lights.refresh(directive.number());
        }
        timeline.record(directive, approved ? EventType.APPROVED : EventType.REFUSED, leader,
                new EventDetails.Decision(comment));
    }
}
