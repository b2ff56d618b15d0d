package org.duban.directive.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.internal.Delivery;
import org.duban.directive.internal.EngineAsSystem;
import org.duban.directive.internal.PartContexts;
import org.springframework.stereotype.Component;

/** 一键直达各单位: the directive goes out; the first batch of its units receives its part at once. */
@Component
class DispatchDirectiveDelegate implements JavaDelegate {

    private final Delivery delivery;
    private final PartContexts contexts;
    private final EngineAsSystem engine;

    DispatchDirectiveDelegate(Delivery delivery, PartContexts contexts, EngineAsSystem engine) {
        this.delivery = delivery;
        this.contexts = contexts;
        this.engine = engine;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.dispatch(contexts.directiveOf(execution.getProcessInstanceId()), engine.currentUser());
    }
}
