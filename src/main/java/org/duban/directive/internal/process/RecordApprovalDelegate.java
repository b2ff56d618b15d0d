package org.duban.directive.internal.process;

import static org.duban.directive.DirectiveVariables.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.internal.Approval;
import org.duban.directive.internal.EngineAsSystem;
import org.duban.directive.internal.PartContexts;
import org.springframework.stereotype.Component;

/** 登记批示意见: the leader's decision, taken from the approval form just completed. */
@Component
class RecordApprovalDelegate implements JavaDelegate {

    private final Approval approval;
    private final PartContexts contexts;
    private final EngineAsSystem engine;

    RecordApprovalDelegate(Approval approval, PartContexts contexts, EngineAsSystem engine) {
        this.approval = approval;
        this.contexts = contexts;
        this.engine = engine;
    }

    @Override
    public void execute(DelegateExecution execution) {
        approval.decided(contexts.directiveOf(execution.getProcessInstanceId()), engine.currentUser(),
                Boolean.TRUE.equals(execution.getVariable(APPROVED)), Inputs.text(execution, APPROVAL_COMMENT));
        execution.removeVariables(List.of(APPROVED, APPROVAL_COMMENT));
    }
}
