package org.duban.directive.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.internal.Delivery;
import org.duban.directive.internal.PartContexts;
import org.springframework.stereotype.Component;

/** 分批送达: one more batch of units receives its part (a job of its own, retried as a whole if it fails). */
@Component
class DeliverBatchDelegate implements JavaDelegate {

    private final Delivery delivery;
    private final PartContexts contexts;

    DeliverBatchDelegate(Delivery delivery, PartContexts contexts) {
        this.delivery = delivery;
        this.contexts = contexts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.deliverNext(contexts.directiveOf(execution.getProcessInstanceId()), null);
    }
}
