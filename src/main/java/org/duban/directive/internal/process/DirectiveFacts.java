package org.duban.directive.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.duban.directive.DirectiveStatus;
import org.duban.directive.internal.Closing;
import org.duban.directive.internal.Delivery;
import org.duban.directive.internal.PartContexts;
import org.springframework.stereotype.Component;

/**
 * What directive.bpmn's gateways ask, answered from the directive's record (never from a variable):
 * {@code ${directiveFacts.draft(execution)}} and the like.
 */
// public: the engine's expression language calls only public classes' methods
@Component("directiveFacts")
public class DirectiveFacts {

    private final PartContexts contexts;
    private final Delivery delivery;
    private final Closing closing;
    private final org.duban.calendar.WorkCalendar calendar;

    DirectiveFacts(PartContexts contexts, Delivery delivery, Closing closing, org.duban.calendar.WorkCalendar calendar) {
        this.contexts = contexts;
        this.delivery = delivery;
        this.closing = closing;
        this.calendar = calendar;
    }

    public int priority(DelegateExecution execution) {
        return contexts.directiveOf(execution.getProcessInstanceId()).priority().taskPriority();
    }

    /** A leader's 批示 is due within one working day. */
    public java.util.Date decisionDueAt(DelegateExecution execution) {
        return java.util.Date.from(calendar.plusWorkingDays(calendar.today(), 1).atTime(17, 30)
                .atZone(org.duban.calendar.WorkCalendar.ZONE).toInstant());
    }

    public boolean draft(DelegateExecution execution) {
        return contexts.directiveOf(execution.getProcessInstanceId()).isDraft();
    }

    public boolean approved(DelegateExecution execution) {
        return contexts.directiveOf(execution.getProcessInstanceId()).status() != DirectiveStatus.REJECTED;
    }

    public int batchesLeft(DelegateExecution execution) {
        return delivery.batchesLeft(contexts.directiveOf(execution.getProcessInstanceId()).number());
    }

    /** How many batches go out side by side in the next round of 分批送达. */
    public int deliveryLanes(DelegateExecution execution) {
        return delivery.lanes(contexts.directiveOf(execution.getProcessInstanceId()).number());
    }

    public boolean allPartsDone(DelegateExecution execution) {
        return closing.allPartsDone(contexts.directiveOf(execution.getProcessInstanceId()));
    }
}
