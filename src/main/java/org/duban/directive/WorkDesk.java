package org.duban.directive;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.duban.system.CurrentUser;

/**
 * A person's open work (工作台): the tasks waiting for them or their units, each with the directive it belongs to and
 * its light, nearest due first, and how many wait at each step.
 */
public interface WorkDesk {

    /**
     * @param step       the step's Chinese name (签收, 办理, 审核…)
     * @param unit       the unit whose part it is; null for a directive's own step (领导批示)
     * @param light      the part's light (the directive's for its own steps)
     * @param due        when the step is due
     */
    record Item(String taskId, String step, String number, String title, String unit, String unitName, Light light,
            OffsetDateTime due, String priority) {}

    /** The first {@code limit} open tasks of the person, nearest due first. */
    List<Item> openWork(CurrentUser person, int limit);

    /** How many open tasks of the person wait at each step, in the order of the loop (签收 before 办理…). */
    Map<String, Long> countsByStep(CurrentUser person);
}
