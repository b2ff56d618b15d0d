package org.duban.directive.internal;

import static org.duban.directive.DirectiveVariables.DEPARTMENT_WORK_PROCESS;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.duban.calendar.WorkCalendar;
import org.duban.directive.DirectiveEvent.Audience;
import org.duban.directive.DirectiveTemplates;
import org.duban.directive.EventDetails;
import org.duban.directive.EventType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 一键直达: each unit's part starts as its own department-work process instance, in batches. The first batch goes
 * out in the step that dispatches the directive, so a directive to a few units reaches all of them in the
 * issuing transaction; the rest follow in batches the model runs as jobs, each batch its own transaction, so a
 * directive to a thousand units neither holds one huge transaction nor is lost in a crash (a batch that did not
 * commit is delivered again). Which parts a batch takes is locked, so two nodes never start the same part.
 */
@Component
public class Delivery {

    private final DirectiveStore directives;
    private final PartStore parts;
    private final Lights lights;
    private final Timeline timeline;
    private final RuntimeService runtime;
    private final EngineAsSystem engine;
    private final WorkCalendar calendar;
    private final DirectiveTemplates templates;
    private final Clock clock;
    private final int batchSize;
    private final int firstBatchSize;
    private final int lanes;

    /**
     * @param firstBatchSize how many parts start inside the issuing request: every unit of a small directive at once,
     *                       and the request of a large one still answers within its two seconds
     */
    Delivery(DirectiveStore directives, PartStore parts, Lights lights, Timeline timeline, RuntimeService runtime,
            EngineAsSystem engine, WorkCalendar calendar, DirectiveTemplates templates, Clock clock,
            @Value("${duban.dispatch.batch-size:50}") int batchSize,
            @Value("${duban.dispatch.first-batch-size:20}") int firstBatchSize,
            @Value("${duban.dispatch.lanes:2}") int lanes) {
        this.lanes = Math.max(1, lanes);
        this.firstBatchSize = Math.max(1, Math.min(firstBatchSize, batchSize));
        this.directives = directives;
        this.parts = parts;
        this.lights = lights;
        this.timeline = timeline;
        this.runtime = runtime;
        this.engine = engine;
        this.calendar = calendar;
        this.templates = templates;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /**
     * The directive goes out: from now on its units see it; the first batch of parts starts at once. Each part
     * lights up as it is delivered, and the directive with its first batch.
     */
    public void dispatch(DirectiveRow directive, String actor) {
        directives.dispatched(directive.number());
        deliver(directives.find(directive.number()).orElseThrow(), actor, firstBatchSize);
    }

    /** Starts the next batch of parts not yet delivered; answers how many it started. */
    public int deliverNext(DirectiveRow directive, String actor) {
        return deliver(directive, actor, batchSize);
    }

    private int deliver(DirectiveRow directive, String actor, int limit) {
        List<PartRow> next = parts.undelivered(directive.number(), limit);
        if (next.isEmpty()) {
            return 0;
        }
        List<String> units = next.stream().map(PartRow::unit).toList();
        // each part's 签收 task brief asks for its sub-parts and its events: asked once for the batch
        parts.readAheadSubParts(directive.number(), units);
        timeline.readAhead(directive.number(), units);
        for (PartRow part : next) {
            // its signing deadline comes with it: the instance's clock is set to it as the instance starts
            HandOver.DELIVERY.during(part.toSignBy(signDueAt(directive)), () -> engine.call(
                    () -> runtime.startProcessInstanceByKey(DEPARTMENT_WORK_PROCESS, directive.number())));
        }
        lights.delivered(directives.find(directive.number()).orElseThrow(), next);
        timeline.record(directive, null, EventType.DISPATCHED, actor, new EventDetails.Dispatched(units),
                Audience.units(units));
        return next.size();
    }

    /** How many more batches the directive's delivery takes. */
    public int batchesLeft(String number) {
        int left = parts.countUndelivered(number);
        return (left + batchSize - 1) / batchSize;
    }

    /**
     * How many batches the next round delivers side by side, each a job of its own on its own job executor thread:
     * one batch leaves a core idle while it waits for PostgreSQL, two keep both busy; more only queue for the rows
     * every batch writes at its end (the audit chain's head, with its DISPATCHED record).
     */
    public int lanes(String number) {
        return Math.min(lanes, batchesLeft(number));
    }

    /**
     * The first step of a part's process: binds the instance being started to the part it was started for, and
     * sets its signing deadline. An instance started any other way has no part and is refused.
     */
    public PartRow bind(String processInstanceId) {
        PartRow part = HandOver.DELIVERY.take().orElseThrow(() -> new IllegalStateException(
                "department-work is started only by a directive's delivery, for one of its parts"));
        DirectiveRow directive = directives.find(part.number()).orElseThrow();
        return parts.delivered(part, processInstanceId, part.signDueAt(), lights.onDelivery(directive, part));
    }

    /**
     * A unit signs within the template's working days of receiving the part, by the same time of day (to the
     * millisecond, as the engine keeps a timer's due date: the clock's timer and the record agree).
     */
    OffsetDateTime signDueAt(DirectiveRow directive) {
        ZonedDateTime now = OffsetDateTime.now(clock).atZoneSameInstant(WorkCalendar.ZONE);
        int within = templates.forCategory(directive.category()).signWithinWorkingDays();
        return calendar.plusWorkingDays(now.toLocalDate(), within).atTime(now.toLocalTime()).atZone(WorkCalendar.ZONE)
                .toOffsetDateTime().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
