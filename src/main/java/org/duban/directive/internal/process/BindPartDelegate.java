package org.duban.directive.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.internal.Delivery;
import org.springframework.stereotype.Component;

/** 登记交办: this instance is the part its directive's delivery is starting; the signing clock runs from now. */
@Component
class BindPartDelegate implements JavaDelegate {

    private final Delivery delivery;

    BindPartDelegate(Delivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.bind(execution.getProcessInstanceId());
    }
}
