package org.duban.directive.process;

import static org.duban.directive.DirectiveVariables.*;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.directive.DirectiveRecords;
import org.duban.directive.EventType;
import org.duban.directive.NewDirective;
import org.duban.directive.Timeline;
import org.duban.directive.internal.DirectiveIntake;
import org.duban.organisation.Groups;
import org.duban.system.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * First step of every directive, however it was started (the API or a Tasklist start form):
 * validates, numbers it if it has no number yet, and enters it in the read model and timeline.
 * A directive started by a leader skips approval; anyone else's is a draft for the leaders.
 */
@Component
public class RegisterDirectiveDelegate implements JavaDelegate {

    private final DirectiveIntake intake;
    private final DirectiveRecords records;
    private final Timeline timeline;
    private final IdentityService identity;

    RegisterDirectiveDelegate(DirectiveIntake intake, DirectiveRecords records, Timeline timeline,
            IdentityService identity) {
        this.intake = intake;
        this.records = records;
        this.timeline = timeline;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String issuedBy = (String) execution.getVariable(ISSUED_BY);
        if (issuedBy == null) {
            throw new BadUserRequestException("督办事项必须由已登录的领导或督查室人员交办");
        }
        boolean draft = identity.createGroupQuery().groupMember(issuedBy).groupId(Groups.LEADERS).count() == 0;
        String number = (String) execution.getVariable(DIRECTIVE_NUMBER);
        NewDirective directive;
        try {
            directive = intake.accept(string(execution, TITLE), string(execution, INSTRUCTION),
                    string(execution, CATEGORY), string(execution, PRIORITY), string(execution, LEAD_DEPARTMENT),
                    codes(string(execution, CO_DEPARTMENT_CODES)), string(execution, DEADLINE),
                    string(execution, REPORT_CYCLE), number, issuedBy, draft);
        } catch (InvalidRequestException e) {
            throw new BadUserRequestException("交办信息有误：" + e.problems().stream()
                    .map(p -> p.field() + " " + p.message()).reduce((a, b) -> a + "；" + b).orElse(""));
        }
        execution.setProcessBusinessKey(directive.number());
        execution.setVariable(DIRECTIVE_NUMBER, directive.number());
        execution.setVariable(CATEGORY, directive.category());
        execution.setVariable(REPORT_CYCLE, directive.reportCycle().key());
        execution.setVariable(DEADLINE, directive.deadline().toString());
        execution.setVariable(DEPARTMENT_CODES, String.join(",", directive.departments()));
        execution.setVariable(DRAFT, draft);
        if (!draft) {
            execution.setVariable(RESPONSIBLE_LEADER, issuedBy);
        }
        records.insert(directive, execution.getProcessInstanceId());
        timeline.record(directive.number(), null, EventType.ISSUED, issuedBy, Map.of(
                "title", directive.title(), "draft", draft, "departments", directive.departments(),
                "deadline", directive.deadline().toString(), "priority", directive.priority().key()));
    }

    private static String string(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }

    static List<String> codes(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}
