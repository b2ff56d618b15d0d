package org.duban.security.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.duban.system.EngineSessions;
import org.springframework.stereotype.Component;

/**
 * Authorization checks without a scan of the whole authorization table in every command. Camunda's
 * {@link AuthorizationManager} first reads every distinct group id of {@code ACT_RU_AUTHORIZATION}, once per command,
 * only to leave the groups without any grant out of its checks. Duban grants per task and per process instance, so
 * that table holds a row for every open task and every directive of the history's retention: on the closed-loop
 * benchmark this one statement read 73 million rows in five minutes, more than every other statement together, and
 * it grows with the years. Passing the person's groups as they are gives the same answers (a group without a grant
 * matches no row of the checks) from the indexes on group, type, resource type and resource.
 * <p>
 * And a check that any one of several permissions suffices (completing a task: work or update, on the task or on
 * its process definition) asks them one at a time, the one that granted last time first, instead of all four in one
 * statement: MyBatis builds each statement afresh from a template of some thirty conditions per permission, which
 * took 64 % of the Java CPU of completing a task on the closed-loop benchmark (37 % asked one at a time).
 * Without revoke checks (Duban grants, never revokes) each permission answers granted or nothing, so the first grant
 * found is the answer Camunda's single statement gives; with revoke checks the engine's own statement decides.
 */
@Component
class GroupScanFreeAuthorizations extends AbstractProcessEnginePlugin {

    /**
     * By person and shape of a disjunctive check (its permissions on their resource types): which one granted that
     * person last. A unit's clerk is granted on the task, the supervision office on the process definition.
     */
    private final Map<List<Object>, Integer> lastGranting = new ConcurrentHashMap<>();

    /** What the one-at-a-time checks learned (for tests: an entry shows they ran). */
    Map<List<Object>, Integer> lastGranting() {
        return Map.copyOf(lastGranting);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineSessions.replace(configuration, AuthorizationManager.class, () -> new GroupsAsGiven(lastGranting));
    }

    /** The engine's manager, with the person's own groups in every check. */
    static class GroupsAsGiven extends AuthorizationManager {

        private final Map<List<Object>, Integer> lastGranting;

        GroupsAsGiven(Map<List<Object>, Integer> lastGranting) {
            this.lastGranting = lastGranting;
        }

        @Override
        public boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck check) {
            List<PermissionCheck> any = check.getAtomicChecks();
            List<CompositePermissionCheck> nested = check.getCompositeChecks();
            if (!check.isDisjunctive() || any == null || any.size() < 2 || nested != null && !nested.isEmpty()
                    || any.stream().anyMatch(c -> c.getAuthorizationNotFoundReturnValue() != null
                            || c.getResourceIdQueryParam() != null)
                    || isRevokeAuthCheckEnabled(userId, groupIds)) {
                return super.isAuthorized(userId, groupIds, check);
            }
            List<Object> shape = new ArrayList<>();
            shape.add(String.valueOf(userId));
            any.forEach(c -> {
                shape.add(c.getResourceType());
                shape.add(c.getPerms());
            });
            int first = lastGranting.getOrDefault(shape, 0);
            for (int i = 0; i < any.size(); i++) {
                int index = (first + i) % any.size();
                CompositePermissionCheck one = new CompositePermissionCheck(true);
                one.addAtomicCheck(any.get(index));
                if (super.isAuthorized(userId, groupIds, one)) {
                    if (index != first) {
                        lastGranting.put(List.copyOf(shape), index);
                    }
                    return true;
                }
            }
            return false;
        }

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
                // a mutable list: MyBatis calls size() on it by reflection
                return new ArrayList<>();
            }
            List<String> groups = new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
            groups.removeIf(group -> group == null);
            return groups;
        }
    }
}
