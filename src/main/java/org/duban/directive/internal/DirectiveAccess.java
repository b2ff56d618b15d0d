package org.duban.directive.internal;

import java.util.Collections;

import org.duban.directive.DirectiveStatus;
import org.duban.system.ApiException;
import org.duban.system.CurrentUser;
import org.springframework.stereotype.Component;

/** Who may see a directive: leaders, the office and auditors all; a unit only those it takes part in. */
@Component
public class DirectiveAccess {

    private final DirectiveStore directives;
    private final PartStore parts;

    DirectiveAccess(DirectiveStore directives, PartStore parts) {
        this.directives = directives;
        this.parts = parts;
    }

    /** Refuses with 404 for an unknown number and 403 for a directive of other units. */
    public void requireVisible(String number, CurrentUser user) {
        if (directives.status(number).isEmpty()) {
            throw ApiException.notFound("督办事项 " + number + " 不存在。");
        }
        // a draft reaches its units only once dispatched; one withdrawn before that never does
        if (!user.seesEverything() && (!directives.wasDispatched(number)
                || Collections.disjoint(parts.units(number), user.departments()))) {
            throw ApiException.forbidden("督办事项 " + number + " 不属于您所在的单位。");
        }
    }

    public DirectiveStatus status(String number) {
        return directives.status(number).orElseThrow(() -> ApiException.notFound("督办事项 " + number + " 不存在。"));
    }

    public DirectiveRow directive(String number) {
        return directives.find(number).orElseThrow(() -> ApiException.notFound("督办事项 " + number + " 不存在。"));
    }

    public void requireOffice(CurrentUser user, String action) {
        if (!user.isLeader() && !user.isSupervisor()) {
            throw ApiException.forbidden("只有领导或督查室可以" + action + "。");
        }
    }
}
