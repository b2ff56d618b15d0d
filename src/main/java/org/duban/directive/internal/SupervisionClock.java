package org.duban.directive.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.duban.calendar.WorkCalendar;
import org.duban.directive.DirectiveTemplate;
import org.duban.directive.DirectiveTemplates;
import org.duban.directive.ReportCycle;
import org.duban.system.InstanceTimers;
import org.springframework.stereotype.Component;

/**
 * One supervision clock per part (督办时钟): instead of a timer per supervision action, a part has one timer from
 * its delivery to its end, armed for the next moment at which something is due — while it waits to be signed, its
 * signing deadline; while it is handled, the light turning yellow, the deadline reminder, the light turning red,
 * the daily urge while overdue, the escalation, a progress report falling due; while the office (or the unit
 * above) decides its result or its return, nothing — and armed again after each. What is due, and when, follows
 * from the part's record and the working-day calendar alone, so a step that moves the moments (signing, a return
 * decided, a rework, an extension) only moves the timer ({@link #rearm}), and a new calendar has the engine
 * evaluate it again (RescheduleOnCalendarChange); each action is recorded as sent for its reference date, so none
 * goes out twice.
 */
@Component
public class SupervisionClock {

    /** Reminders and urges go out at the start of the office day; progress reports are due at its end. */
    static final LocalTime OFFICE_HOURS_START = LocalTime.of(9, 0);
    static final LocalTime PROGRESS_DUE_TIME = LocalTime.of(17, 30);
    /** A part with nothing left to supervise still has a timer; it simply lies far ahead. */
    private static final OffsetDateTime NOTHING_DUE = OffsetDateTime.parse("9999-12-31T00:00:00+08:00");

    /** What the clock can have due, in the order it does them when several fall due at once. */
    public enum Action {
        NONE("none", null), URGE_SIGN("urgeSign", "SIGN_URGE"), YELLOW("yellow", "TURNED_YELLOW"),
        REMIND("remind", "REMINDED"), RED("red", "TURNED_RED"), URGE_OVERDUE("urgeOverdue", "OVERDUE_URGE"),
        ESCALATE("escalate", "ESCALATED"), CHECK_PROGRESS("checkProgress", "PROGRESS_CHECK");

        private final String key;
        private final String sentKind;

        Action(String key, String sentKind) {
            this.key = key;
            this.sentKind = sentKind;
        }

        /** The value the model's gateway after the supervision step compares. */
        public String key() {
            return key;
        }

        String sentKind() {
            return sentKind;
        }
    }

    /** One pending moment: the action, when it is due, and the date it is recorded as sent for. */
    public record Moment(Action action, OffsetDateTime at, LocalDate reference, LocalDate windowStart) {}

    private final PartStore parts;
    private final LightRule rule;
    private final WorkCalendar calendar;
    private final DirectiveTemplates templates;

    SupervisionClock(PartStore parts, LightRule rule, WorkCalendar calendar, DirectiveTemplates templates) {
        this.parts = parts;
        this.rule = rule;
        this.calendar = calendar;
        this.templates = templates;
    }

    /** When the part's timer should next fire. */
    public Date nextAt(PartContext c) {
        return Date.from(pending(c).stream().map(Moment::at).min(Comparator.naturalOrder()).orElse(NOTHING_DUE)
                .toInstant());
    }

    /** The action due now, if any (the earliest, and of those the first in {@link Action}'s order). */
    public Moment due(PartContext c, OffsetDateTime now) {
        return pending(c).stream().filter(m -> !m.at().isAfter(now))
                .min(Comparator.comparing(Moment::at).thenComparing(Moment::action))
                .orElse(new Moment(Action.NONE, now, null, null));
    }

    /** The due moment of one action, for the step that performs it. */
    public Optional<Moment> dueOf(PartContext c, Action action, OffsetDateTime now) {
        return pending(c).stream().filter(m -> m.action() == action && !m.at().isAfter(now)).findFirst();
    }

    /** Records the moment as done; false if it already was (another firing got there first). */
    boolean markSent(PartContext c, Moment moment) {
        return parts.firstReminder(c.part(), moment.action().sentKind(), moment.reference());
    }

    /**
     * Moves the part's timer to what its record says now: after signing, a return decided, a rework or an extension
     * — by the step that moved the moments, inside its engine command.
     */
    public void rearm(PartContext c) {
        if (c.part().processInstanceId() != null) {
            InstanceTimers.moveAll(c.part().processInstanceId(), nextAt(c));
        }
    }

    List<Moment> pending(PartContext c) {
        return switch (c.part().status()) {
            case TO_SIGN -> signing(c);
            case HANDLING, EXTENSION_REQUESTED -> handling(c);
            // a result under review or a return being decided is the decider's move, not the unit's; done is done
            case RETURNED, UNDER_REVIEW, DONE, CANCELLED -> List.of();
        };
    }

    /** Not signed by its deadline: the unit is urged, once for that deadline. */
    private List<Moment> signing(PartContext c) {
        OffsetDateTime due = c.part().signDueAt();
        if (due == null) {
            return List.of();
        }
        LocalDate reference = due.atZoneSameInstant(WorkCalendar.ZONE).toLocalDate();
        return sent(c).has(Action.URGE_SIGN, reference) ? List.of()
                : List.of(new Moment(Action.URGE_SIGN, due, reference, null));
    }

    private List<Moment> handling(PartContext c) {
        Sent sent = sent(c);
        List<Moment> moments = new ArrayList<>();
        LocalDate deadline = c.part().deadline();
        LocalDate redFrom = rule.redFrom(deadline);
        LocalDate today = calendar.today();
        DirectiveTemplate.Offsets offsets = templates.forCategory(c.directive().category())
                .offsets(c.directive().priority());
        if (!sent.has(Action.RED, deadline)) {
            // once red has begun, the yellow light and the reminder have nothing left to say
            if (today.isBefore(redFrom)) {
                if (!sent.has(Action.YELLOW, deadline)) {
                    moments.add(new Moment(Action.YELLOW, at(c.part().yellowFrom(), OFFICE_HOURS_START), deadline, null));
                }
                if (!sent.has(Action.REMIND, deadline)) {
                    moments.add(new Moment(Action.REMIND, at(calendar.plusWorkingDays(deadline, -offsets.reminderBefore()),
                            OFFICE_HOURS_START), deadline, null));
                }
            }
            moments.add(new Moment(Action.RED, at(redFrom, LocalTime.MIDNIGHT), deadline, null));
        }
        LocalDate urgeDay = firstWorkingDayFrom(today.isAfter(redFrom) ? today : redFrom);
        if (sent.has(Action.URGE_OVERDUE, urgeDay)) {
            urgeDay = calendar.plusWorkingDays(urgeDay, 1);
        }
        moments.add(new Moment(Action.URGE_OVERDUE, at(urgeDay, OFFICE_HOURS_START), urgeDay, null));
        if (!sent.has(Action.ESCALATE, deadline)) {
            moments.add(new Moment(Action.ESCALATE, at(calendar.plusWorkingDays(deadline, offsets.escalateAfter()),
                    OFFICE_HOURS_START), deadline, null));
        }
        progressMoment(c, sent).ifPresent(moments::add);
        return moments;
    }

    /** A part being delivered, its instance still starting, has had nothing sent: nothing to look up. */
    private Sent sent(PartContext c) {
        return new Sent(c.part().processInstanceId() == null ? java.util.Set.of() : parts.remindersSent(c.part()));
    }

    /** What was already sent for this part: read once per computation. */
    private record Sent(java.util.Set<String> kindsAndDates) {
        boolean has(Action action, LocalDate reference) {
            return kindsAndDates.contains(action.sentKind() + "@" + reference);
        }
    }

    /** The next progress report due after the last one checked, counted in the part's cycle from signing. */
    private Optional<Moment> progressMoment(PartContext c, Sent sent) {
        ReportCycle cycle = c.reportCycle();
        if (cycle == ReportCycle.NONE || c.part().signedAt() == null) {
            return Optional.empty();
        }
        LocalDate windowStart = c.part().signedAt().atZoneSameInstant(WorkCalendar.ZONE).toLocalDate();
        LocalDate due = cycle.nextDue(windowStart, calendar);
        while (sent.has(Action.CHECK_PROGRESS, due)) {
            windowStart = due;
            due = cycle.nextDue(due, calendar);
        }
        return Optional.of(new Moment(Action.CHECK_PROGRESS, at(due, PROGRESS_DUE_TIME), due, windowStart));
    }

    private LocalDate firstWorkingDayFrom(LocalDate day) {
        return calendar.isWorkingDay(day) ? day : calendar.plusWorkingDays(day, 1);
    }

    private static OffsetDateTime at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(WorkCalendar.ZONE).toOffsetDateTime();
    }
}
