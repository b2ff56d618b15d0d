package org.duban.directive.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.internal.PartContexts;
import org.duban.directive.internal.Withdrawal;
import org.springframework.stereotype.Component;

/** 撤回并通知各单位: every running part ends; the units reached hear of it through the timeline's event. */
@Component
class WithdrawDirectiveDelegate implements JavaDelegate {

    private final Withdrawal withdrawal;
    private final PartContexts contexts;

    WithdrawDirectiveDelegate(Withdrawal withdrawal, PartContexts contexts) {
        this.withdrawal = withdrawal;
        this.contexts = contexts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        withdrawal.apply(contexts.directiveOf(execution.getProcessInstanceId()));
    }
}
