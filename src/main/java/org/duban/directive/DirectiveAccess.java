package org.duban.directive;

import java.util.Collections;

import org.duban.system.ApiException;
import org.duban.system.CurrentUser;
import org.springframework.stereotype.Component;

/** Who may see a directive: leaders, the office and auditors all; a department only its own. */
@Component
public class DirectiveAccess {

    private final DirectiveRecords queries;

    DirectiveAccess(DirectiveRecords queries) {
        this.queries = queries;
    }

    /** Refuses with 404 for an unknown number and 403 for a directive of other departments. */
    public void requireVisible(String number, CurrentUser user) {
        if (queries.status(number).isEmpty()) {
            throw ApiException.notFound("督办事项 " + number + " 不存在。");
        }
        // a draft reaches departments only once dispatched; one withdrawn before that never does
        if (!user.seesEverything() && (!queries.wasDispatched(number)
                || Collections.disjoint(queries.departmentsOf(number), user.departments()))) {
            throw ApiException.forbidden("督办事项 " + number + " 不属于您所在的单位。");
        }
    }

    public DirectiveStatus status(String number) {
        return queries.status(number).orElseThrow(() -> ApiException.notFound("督办事项 " + number + " 不存在。"));
    }

    public void requireOffice(CurrentUser user, String action) {
        if (!user.isLeader() && !user.isSupervisor()) {
            throw ApiException.forbidden("只有领导或督查室可以" + action + "。");
        }
    }
}
