package org.duban.directive.internal.process;

import static org.duban.directive.DirectiveVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.duban.directive.internal.PartContext;
import org.duban.directive.internal.PartContexts;
import org.duban.directive.internal.PartStore;
import org.duban.organisation.Organisation;
import org.springframework.stereotype.Component;

/**
 * 审批改派: reassign to another unit (one that exists, does not already hold a part of the directive, and, for a
 * part passed down, lies below the unit that passed it), or keep it with the unit, saying why.
 */
@Component
class ValidateReassignmentListener implements TaskListener {

    private final PartContexts contexts;
    private final PartStore parts;
    private final Organisation organisation;

    ValidateReassignmentListener(PartContexts contexts, PartStore parts, Organisation organisation) {
        this.contexts = contexts;
        this.parts = parts;
        this.organisation = organisation;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean reassign = TaskInput.requiredBoolean(task, REASSIGN, "是否改派");
        if (!reassign) {
            TaskInput.requiredText(task, REASSIGNMENT_COMMENT, "不同意改派的理由", 2000);
            return;
        }
        TaskInput.optionalText(task, REASSIGNMENT_COMMENT, "改派意见", 2000);
        String unit = TaskInput.requiredText(task, NEW_UNIT, "改派至的单位", 64);
        PartContext c = contexts.of(task.getProcessInstanceId());
        if (organisation.department(unit).isEmpty()) {
            throw TaskInput.refused(NEW_UNIT, "单位“" + unit + "”不存在");
        }
        if (parts.find(c.number(), unit).isPresent()) {
            throw TaskInput.refused(NEW_UNIT, "“" + organisation.department(unit).get().name() + "”已承办本事项，不能改派给它");
        }
        if (c.part().isSubPart() && !organisation.isBelow(unit, c.part().parentUnit())) {
            throw TaskInput.refused(NEW_UNIT, "只能改派给交办单位的下级单位");
        }
    }
}
