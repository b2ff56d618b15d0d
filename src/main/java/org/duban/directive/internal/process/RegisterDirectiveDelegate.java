package org.duban.directive.internal.process;

import static org.duban.directive.DirectiveVariables.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.internal.DirectiveRow;
import org.duban.directive.internal.EngineAsSystem;
import org.duban.directive.internal.IssueDirective;
import org.springframework.stereotype.Component;

/**
 * 登记督办事项, the first step of every directive: what the API validated, or the start form's fields validated
 * here, issued by the logged-in person; numbered, and entered in the read model and timeline. The start form's
 * fields were this step's input and are not kept as variables.
 */
@Component
class RegisterDirectiveDelegate implements JavaDelegate {

    static final List<String> START_FORM = List.of(TITLE, INSTRUCTION, CATEGORY, PRIORITY, LEAD_DEPARTMENT,
            CO_DEPARTMENTS, DEADLINE, REPORT_CYCLE, TARGETS);

    private final IssueDirective issue;
    private final EngineAsSystem engine;

    RegisterDirectiveDelegate(IssueDirective issue, EngineAsSystem engine) {
        this.issue = issue;
        this.engine = engine;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DirectiveRow directive = issue.register(execution.getVariables(), engine.currentUser(),
                execution.getProcessInstanceId());
        execution.setProcessBusinessKey(directive.number());
        execution.removeVariables(START_FORM);
    }
}
