package org.duban.directive.internal;

import java.time.LocalDate;

import org.duban.calendar.WorkCalendar;
import org.duban.directive.EventDetails;
import org.duban.directive.EventType;
import org.springframework.stereotype.Component;

/** 办: progress reports, extension requests and their decisions, and the submitted result. */
@Component
public class Handling {

    private final PartStore parts;
    private final Lights lights;
    private final LightRule rule;
    private final Timeline timeline;
    private final SupervisionClock clock;
    private final PartContexts contexts;
    private final WorkCalendar calendar;
    private final LeadBriefRefresh leadBrief;

    Handling(PartStore parts, Lights lights, LightRule rule, Timeline timeline, SupervisionClock clock,
            PartContexts contexts, WorkCalendar calendar, LeadBriefRefresh leadBrief) {
        this.leadBrief = leadBrief;
        this.parts = parts;
        this.lights = lights;
        this.rule = rule;
        this.timeline = timeline;
        this.clock = clock;
        this.contexts = contexts;
        this.calendar = calendar;
    }

    public void progress(PartContext c, String actor, String note) {
        parts.progressReported(c.part());
        timeline.record(c, EventType.PROGRESS_REPORTED, actor, new EventDetails.Progress(note,
                HandOver.EVIDENCE.take().orElse(java.util.List.of())));
        leadBrief.afterCoStep(c);
    }

    public void extensionRequested(PartContext c, String actor, LocalDate requested, String reason) {
        parts.extensionRequested(c.part(), requested, reason);
        lights.refresh(c.number(), c.unit());
        timeline.record(c, EventType.EXTENSION_REQUESTED, actor, new EventDetails.ExtensionRequested(
                c.part().deadline().toString(), requested.toString(), reason));
    }

    /** Approved: the part's deadline moves and its clock with it. Refused: nothing moves. */
    public void extensionDecided(PartContext c, String actor, boolean approved, String comment) {
        LocalDate requested = c.part().requestedDeadline();
        if (approved) {
            parts.extended(c.part(), requested, rule.yellowFrom(c.directive().category(), c.directive().priority(),
                    requested));
        } else {
            parts.extensionRefused(c.part());
        }
        lights.refresh(c.number(), c.unit());
        if (approved) {
            clock.rearm(contexts.of(c.part().processInstanceId()));
        }
        timeline.record(c, approved ? EventType.EXTENSION_APPROVED : EventType.EXTENSION_REFUSED, actor,
                new EventDetails.ExtensionDecided(String.valueOf(requested),
                        approved ? c.part().deadline().toString() : null, comment));
    }

    /** Lateness is counted in working days against the part's deadline, which only an approved extension moves. */
    public void submitted(PartContext c, String actor, String resultSummary) {
        int late = rule.lateDays(c.part().deadline(), calendar.today());
        parts.submitted(c.part(), late);
        lights.refresh(c.number(), c.unit());
        timeline.record(c, EventType.SUBMITTED, actor, new EventDetails.Submitted(resultSummary, late,
                HandOver.EVIDENCE.take().orElse(java.util.List.of())));
        leadBrief.afterCoStep(c);
    }
}
