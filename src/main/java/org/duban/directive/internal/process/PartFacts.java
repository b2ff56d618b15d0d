package org.duban.directive.internal.process;

import java.time.LocalTime;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.duban.calendar.WorkCalendar;
import org.duban.directive.PartStatus;
import org.duban.directive.internal.PartContext;
import org.duban.directive.internal.PartContexts;
import org.duban.directive.internal.SupervisionClock;
import org.duban.organisation.Groups;
import org.springframework.stereotype.Component;

/**
 * What department-work.bpmn's expressions ask — whose task it is, when it is due, which way a gateway goes,
 * when the supervision clock fires next — answered from the part's record, found by the process instance
 * ({@code ${partFacts.unitGroup(execution)}}), never from a variable a caller could set.
 */
// public: the engine's expression language calls only public classes' methods
@Component("partFacts")
public class PartFacts {

    /** The office (or the unit above) decides a review, an extension or a return within this many working days. */
    static final int DECISION_WORKING_DAYS = 2;

    private final PartContexts contexts;
    private final SupervisionClock clock;
    private final WorkCalendar calendar;

    PartFacts(PartContexts contexts, SupervisionClock clock, WorkCalendar calendar) {
        this.contexts = contexts;
        this.clock = clock;
        this.calendar = calendar;
    }

    /** The unit's group: its members sign and handle the part. */
    public String unitGroup(DelegateExecution execution) {
        return Groups.department(part(execution).unit());
    }

    /** Who reviews, decides extensions and returns: the office for a part the directive assigned, else the unit above. */
    public String deciderGroup(DelegateExecution execution) {
        PartContext c = part(execution);
        return c.part().isSubPart() ? Groups.department(c.part().parentUnit()) : Groups.SUPERVISORS;
    }

    public int priority(DelegateExecution execution) {
        return part(execution).directive().priority().taskPriority();
    }

    public Date signDueAt(DelegateExecution execution) {
        return Date.from(part(execution).part().signDueAt().toInstant());
    }

    /** The end of the deadline's day. */
    public Date deadlineAt(DelegateExecution execution) {
        return Date.from(part(execution).part().deadline().atTime(LocalTime.of(23, 59, 59)).atZone(WorkCalendar.ZONE)
                .toInstant());
    }

    /** A decision asked of the office or the unit above is due within {@value #DECISION_WORKING_DAYS} working days. */
    public Date decisionDueAt(DelegateExecution execution) {
        return Date.from(calendar.plusWorkingDays(calendar.today(), DECISION_WORKING_DAYS).atTime(LocalTime.of(17, 30))
                .atZone(WorkCalendar.ZONE).toInstant());
    }

    public boolean awaitingReassignment(DelegateExecution execution) {
        return part(execution).part().status() == PartStatus.RETURNED;
    }

    /** After the review was recorded: accepted leaves the part under review until it is scored. */
    public boolean accepted(DelegateExecution execution) {
        return part(execution).part().status() == PartStatus.UNDER_REVIEW;
    }

    /** After 办理 was recorded: the unit asked for an extension. */
    public boolean extensionRequested(DelegateExecution execution) {
        return part(execution).part().status() == PartStatus.EXTENSION_REQUESTED;
    }

    /** After 办理 was recorded: the unit submitted its result. */
    public boolean submitted(DelegateExecution execution) {
        return part(execution).part().status() == PartStatus.UNDER_REVIEW;
    }

    /**
     * Whether the part's record is still open (neither done nor cancelled): the supervision clock stops for a part
     * whose record was closed while its handling ran, rather than urge a unit about finished or withdrawn work.
     */
    public boolean open(DelegateExecution execution) {
        return part(execution).part().status().isOpen();
    }

    /** Also asked as the instance starts, before its first step binds it to its part (see {@link PartContexts#ofStarting}). */
    public Date nextSupervisionAt(DelegateExecution execution) {
        return clock.nextAt(contexts.ofStarting(execution.getProcessInstanceId()));
    }

    private PartContext part(DelegateExecution execution) {
        return contexts.of(execution.getProcessInstanceId());
    }
}
