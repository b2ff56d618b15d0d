package org.duban.directive.internal;

import java.time.OffsetDateTime;

import org.duban.calendar.WorkCalendar;
import org.duban.directive.EventDetails;
import org.duban.directive.EventType;
import org.springframework.stereotype.Component;

/** 签收, or 退回/申请改派 at signing, and the decision on such a return: reassign to another unit, or insist. */
@Component
public class Signing {

    private final PartStore parts;
    private final Lights lights;
    private final Timeline timeline;
    private final WorkCalendar calendar;
    private final Delivery delivery;
    private final SupervisionClock clock;

    Signing(PartStore parts, Lights lights, Timeline timeline, WorkCalendar calendar, Delivery delivery,
            SupervisionClock clock) {
        this.parts = parts;
        this.lights = lights;
        this.timeline = timeline;
        this.calendar = calendar;
        this.delivery = delivery;
        this.clock = clock;
    }

    /** Working days past the signing deadline count against the unit. Signed, the clock turns to the handling's moments. */
    public void signed(PartContext c, String actor) {
        OffsetDateTime due = c.part().signDueAt();
        int late = due == null ? 0 : Math.max(0, calendar.workingDaysBetween(
                due.atZoneSameInstant(WorkCalendar.ZONE).toLocalDate(), calendar.today()));
        parts.signed(c.part(), late);
        lights.refresh(c.number(), c.unit());
        clock.rearm(reread(c));
        timeline.record(c, EventType.SIGNED, actor, new EventDetails.Signed(late));
    }

    public void returned(PartContext c, String actor, String reason) {
        parts.returned(c.part(), reason);
        lights.refresh(c.number(), c.unit());
        timeline.record(c, EventType.RETURNED, actor, new EventDetails.Returned(reason));
    }

    /** The office (or the unit above) moves the part to {@code newUnit}, which signs afresh. */
    public void reassigned(PartContext c, String actor, String newUnit, String comment) {
        parts.reassigned(c.part(), newUnit, delivery.signDueAt(c.directive()));
        PartRow moved = parts.find(c.number(), newUnit).orElseThrow();
        lights.refresh(c.number(), newUnit);
        clock.rearm(new PartContext(c.directive(), moved));
        timeline.record(new PartContext(c.directive(), moved), EventType.REASSIGNED, actor,
                new EventDetails.Reassigned(c.unit(), newUnit, comment));
    }

    /** The office (or the unit above) keeps the part with its unit, which must sign it after all. */
    public void returnRefused(PartContext c, String actor, String comment) {
        parts.returnRefused(c.part());
        lights.refresh(c.number(), c.unit());
        clock.rearm(reread(c));
        timeline.record(c, EventType.REASSIGNMENT_REFUSED, actor, new EventDetails.Decision(comment));
    }

    /** The row as the step left it, read by its instance: the model's expressions after the step read it so. */
    private PartContext reread(PartContext c) {
        return new PartContext(c.directive(), parts.byInstance(c.part().processInstanceId()).orElseThrow());
    }
}
