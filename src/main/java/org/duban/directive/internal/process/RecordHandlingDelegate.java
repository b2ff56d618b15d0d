package org.duban.directive.internal.process;

import static org.duban.directive.DirectiveVariables.*;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.internal.EngineAsSystem;
import org.duban.directive.internal.Handling;
import org.duban.directive.internal.PartContexts;
import org.springframework.stereotype.Component;

/**
 * 登记进度反馈 / 登记延期申请 / 登记办结申请: what the unit entered on 办理, by the outcome it chose. One class, since
 * the three record one form; the model's gateway has already routed by the same outcome.
 */
@Component
class RecordHandlingDelegate implements JavaDelegate {

    private final Handling handling;
    private final PartContexts contexts;
    private final EngineAsSystem engine;

    RecordHandlingDelegate(Handling handling, PartContexts contexts, EngineAsSystem engine) {
        this.handling = handling;
        this.contexts = contexts;
        this.engine = engine;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var part = contexts.of(execution.getProcessInstanceId());
        String actor = engine.currentUser();
        Object outcome = execution.getVariable(OUTCOME);
        if (OUTCOME_PROGRESS.equals(outcome)) {
            handling.progress(part, actor, Inputs.text(execution, PROGRESS_NOTE));
        } else if (OUTCOME_EXTEND.equals(outcome)) {
            handling.extensionRequested(part, actor, LocalDate.parse(Inputs.text(execution, REQUESTED_DEADLINE)),
                    Inputs.text(execution, EXTENSION_REASON));
        } else {
            handling.submitted(part, actor, Inputs.text(execution, RESULT_SUMMARY));
        }
        // the next 办理 starts empty: nothing of this entry may be reused by accident
        execution.removeVariables(List.of(OUTCOME, PROGRESS_NOTE, RESULT_SUMMARY, REQUESTED_DEADLINE, EXTENSION_REASON));
    }
}
