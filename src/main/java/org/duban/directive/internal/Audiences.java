package org.duban.directive.internal;

import java.util.List;

import org.duban.directive.DirectiveEvent.Audience;
import org.duban.directive.EventDetails;
import org.duban.directive.EventType;
import org.springframework.stereotype.Component;

/**
 * Whom an event concerns, as the directive's structure decides it: the unit whose part it is; whoever decides
 * for that part (the supervision office for a part the directive assigned, the unit above for a part passed
 * down); the responsible leader on escalation; the drafter on a refusal; every unit reached on a withdrawal.
 * How and when they hear of it (mail, digest, quiet hours) is the notification module's business.
 */
@Component
class Audiences {

    private final PartStore parts;

    Audiences(PartStore parts) {
        this.parts = parts;
    }

    Audience of(EventType type, DirectiveRow directive, PartRow part, EventDetails details) {
        return switch (type) {
            case REFUSED -> Audience.person(directive.issuedBy());
            // a draft withdrawn before approval never reached its units, so its withdrawal does not either
            case WITHDRAWN -> directive.dispatchedOn() == null ? Audience.NOBODY
                    : Audience.units(parts.units(directive.number()));
            case URGED, TURNED_YELLOW, REMINDED, TURNED_RED, RETURNED_FOR_REWORK, EXTENSION_APPROVED, EXTENSION_REFUSED,
                    REASSIGNMENT_REFUSED -> part == null ? Audience.NOBODY : Audience.units(List.of(part.unit()));
            case SCORED, RESCHEDULED -> part == null ? Audience.NOBODY : Audience.units(List.of(part.unit()));
            case SUBMITTED, EXTENSION_REQUESTED, RETURNED -> part == null ? Audience.NOBODY : deciderOf(part);
            case REASSIGNED -> details instanceof EventDetails.Reassigned r ? Audience.units(List.of(r.to(), r.from()))
                    : Audience.NOBODY;
            case SUB_PART_WITHDRAWN -> details instanceof EventDetails.SubPartWithdrawn w ? Audience.units(w.cancelled())
                    : Audience.NOBODY;
            case ESCALATED -> part != null && part.isSubPart() ? Audience.units(List.of(part.parentUnit()))
                    : Audience.person(directive.responsibleLeader());
            // early warning is for the office to act on; the unit learns of the handling through the office's note
            case RISK_FLAGGED -> Audience.supervisionOffice();
            case RISK_HANDLED -> part == null ? Audience.NOBODY : Audience.units(List.of(part.unit()));
            default -> Audience.NOBODY;
        };
    }

    /** Who reviews a part's result and decides its extensions and returns. */
    static Audience deciderOf(PartRow part) {
        return part.isSubPart() ? Audience.units(List.of(part.parentUnit())) : Audience.supervisionOffice();
    }
}
