package org.duban.directive.internal;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.duban.directive.EventDetails;
import org.duban.directive.EventType;
import org.duban.directive.UrgeReason;
import org.duban.directive.internal.SupervisionClock.Action;
import org.duban.directive.internal.SupervisionClock.Moment;
import org.springframework.stereotype.Component;

/**
 * 督: what the supervision clock does when a moment falls due, and the urges. Each action is done at most once
 * for its reference date, whichever node or retry gets there first.
 */
@Component
public class Supervision {

    private final SupervisionClock clock;
    private final PartStore parts;
    private final Lights lights;
    private final Timeline timeline;
    private final Clock time;

    Supervision(SupervisionClock clock, PartStore parts, Lights lights, Timeline timeline, Clock time) {
        this.clock = clock;
        this.parts = parts;
        this.lights = lights;
        this.timeline = timeline;
        this.time = time;
    }

    /** What the clock has due now: the model routes to the task of that name. */
    public Action due(PartContext c) {
        return clock.due(c, now()).action();
    }

    /** The light turns yellow (黄灯), the deadline reminder (到期提醒), the light turns red (红灯). */
    public void signal(PartContext c, Action action) {
        clock.dueOf(c, action, now()).filter(moment -> clock.markSent(c, moment)).ifPresent(moment -> {
            EventType type = switch (action) {
                case YELLOW -> EventType.TURNED_YELLOW;
                case REMIND -> EventType.REMINDED;
                case RED -> EventType.TURNED_RED;
                default -> throw new IllegalArgumentException(action + " is not a signal");
            };
            lights.refresh(c.number(), c.unit());
            timeline.record(c, type, null, new EventDetails.Signal(c.part().deadline().toString()));
        });
    }

    /** Still not done some working days after the deadline: the responsible leader is told (升级督办). */
    public void escalate(PartContext c) {
        clock.dueOf(c, Action.ESCALATE, now()).filter(moment -> clock.markSent(c, moment)).ifPresent(moment -> {
            parts.escalated(c.part());
            timeline.record(c, EventType.ESCALATED, null, new EventDetails.Escalated(c.part().deadline().toString(),
                    c.part().isSubPart() ? null : c.directive().responsibleLeader(), c.part().parentUnit()));
        });
    }

    /**
     * An automatic urge: not signed in time (once, when the signing deadline passes), overdue (each working day,
     * once a day), or a progress report missed (checked when each falls due: urged only if none came in since
     * the report before).
     */
    public void urge(PartContext c, UrgeReason reason) {
        switch (reason) {
            case SIGN -> clock.dueOf(c, Action.URGE_SIGN, now()).filter(m -> clock.markSent(c, m))
                    .ifPresent(m -> count(c, reason, null, null));
            case OVERDUE -> clock.dueOf(c, Action.URGE_OVERDUE, now()).filter(m -> clock.markSent(c, m))
                    .ifPresent(m -> count(c, reason, null, null));
            case PROGRESS -> clock.dueOf(c, Action.CHECK_PROGRESS, now()).filter(m -> clock.markSent(c, m))
                    .filter(m -> noReportSince(c, m)).ifPresent(m -> count(c, reason, null, null));
            case MANUAL -> throw new IllegalArgumentException("a pressed urge names who pressed it");
        }
    }

    /** An urge a person pressed (督查室, or the unit above for a part it passed down). */
    public void urgedBy(PartContext c, String actor, String note) {
        count(c, UrgeReason.MANUAL, actor, note);
    }

    private boolean noReportSince(PartContext c, Moment moment) {
        return c.part().lastProgressOn() == null || c.part().lastProgressOn().isBefore(moment.windowStart());
    }

    private void count(PartContext c, UrgeReason reason, String actor, String note) {
        parts.urged(c.part());
        timeline.record(c, EventType.URGED, actor, new EventDetails.Urged(reason.key(), note));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(time);
    }
}
