package org.duban.directive.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import lombok.extern.slf4j.Slf4j;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.duban.calendar.WorkCalendar;
import org.duban.calendar.WorkCalendarChanged;
import org.duban.directive.EventDetails;
import org.duban.directive.EventType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A year's holiday schedule came in (or changed): every open part whose dates fall in that year gets its yellow
 * period recomputed from its deadline, its light refreshed, and its armed supervision clock re-evaluated against the
 * new calendar — the timer expression asks {@code partFacts}, which counts working days by the calendar now in force.
 * (The signing urge keeps its moment: a unit's time to sign was fixed, in working days, when the part reached it.) Each part that moved gets a {@link EventType#RESCHEDULED} record in its trail. One
 * short transaction per part, after the schedule's own transaction committed.
 */
@Slf4j
@Component
class RescheduleOnCalendarChange {

    private static final ZoneId BEIJING = WorkCalendar.ZONE;

    private final PartStore parts;
    private final PartContexts contexts;
    private final LightRule rule;
    private final Lights lights;
    private final Timeline timeline;
    private final ManagementService management;
    private final EngineAsSystem engine;
    private final TransactionTemplate transaction;

    RescheduleOnCalendarChange(PartStore parts, PartContexts contexts, LightRule rule, Lights lights, Timeline timeline,
            ManagementService management, EngineAsSystem engine, PlatformTransactionManager transactions) {
        this.parts = parts;
        this.contexts = contexts;
        this.rule = rule;
        this.lights = lights;
        this.timeline = timeline;
        this.management = management;
        this.engine = engine;
        this.transaction = new TransactionTemplate(transactions);
        // the listener runs after the schedule's transaction committed, with its resources still bound: each part gets
        // a transaction of its own, never the finished one
        this.transaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void rescheduled(WorkCalendarChanged change) {
        int moved = 0;
        for (PartRow part : parts.openWithInstance()) {
            if (affected(part, change)) {
                moved += Boolean.TRUE.equals(transaction.execute(status -> reschedule(part.processInstanceId(), change)))
                        ? 1 : 0;
            }
        }
        log.info("Calendar {} changed by {}: {} open parts rescheduled", change.years(), change.changedBy(), moved);
    }

    /** A part is touched by a year's schedule when its deadline, yellow period or next timer falls in that year. */
    private boolean affected(PartRow part, WorkCalendarChanged change) {
        if (change.years().contains(part.deadline().getYear())
                || part.yellowFrom() != null && change.years().contains(part.yellowFrom().getYear())) {
            return true;
        }
        return timers(part.processInstanceId()).stream().map(Job::getDuedate).filter(Objects::nonNull)
                .anyMatch(due -> change.years().contains(due.toInstant().atZone(BEIJING).getYear()));
    }

    private boolean reschedule(String processInstanceId, WorkCalendarChanged change) {
        PartContext c = contexts.of(processInstanceId);
        PartRow part = c.part();
        LocalDate yellowFrom = rule.yellowFrom(c.directive().category(), c.directive().priority(), part.deadline());
        boolean yellowMoved = !Objects.equals(yellowFrom, part.yellowFrom());
        if (yellowMoved) {
            parts.yellowFrom(part, yellowFrom);
        }
        boolean timerMoved = false;
        Date next = null;
        for (Job timer : timers(processInstanceId)) {
            Date before = timer.getDuedate();
            engine.run(() -> management.recalculateJobDuedate(timer.getId(), false));
            Date after = management.createJobQuery().jobId(timer.getId()).singleResult().getDuedate();
            timerMoved |= !Objects.equals(before, after);
            next = next == null || after != null && after.before(next) ? after : next;
        }
        if (!yellowMoved && !timerMoved) {
            return false;
        }
        lights.refresh(part.number(), part.unit());
        timeline.record(c, EventType.RESCHEDULED, null, new EventDetails.Rescheduled(
                change.years().stream().sorted().toList(), String.valueOf(yellowFrom),
                next == null ? null : OffsetDateTime.ofInstant(next.toInstant(), BEIJING).toString(), change.changedBy()));
        return true;
    }

    private List<Job> timers(String processInstanceId) {
        return management.createJobQuery().processInstanceId(processInstanceId).timers().list();
    }
}
