package org.duban.security.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Authorization checks without a scan of the whole authorization table in every command. Camunda's
 * {@link AuthorizationManager} first reads every distinct group id of {@code ACT_RU_AUTHORIZATION}, once per command,
 * only to leave the groups without any grant out of its checks. Duban grants per task and per process instance, so
 * that table holds a row for every open task and every directive of the history's retention: on the closed-loop
 * benchmark this one statement read 73 million rows in five minutes, more than every other statement together, and
 * it grows with the years. Passing the person's groups as they are gives the same answers (a group without a grant
 * matches no row of the checks) from the indexes on group, type, resource type and resource.
 */
@Component
class GroupScanFreeAuthorizations extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        // custom factories are registered after the engine's own ones and replace them for their session type
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new GroupsAsGiven();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /** The engine's manager, with the person's own groups in every check. */
    static class GroupsAsGiven extends AuthorizationManager {

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
