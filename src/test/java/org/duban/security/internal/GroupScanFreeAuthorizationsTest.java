package org.duban.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Completing a task asks whether any one of four permissions is granted. The engine with the plugin must answer as
 * Camunda's single statement does for each of the four, for none, and — with revoke checks on — when a revoke of
 * the first permission outweighs a grant of a later one.
 */
class GroupScanFreeAuthorizationsTest {

    private static final String PROCESS = "work";

    private static final GroupScanFreeAuthorizations grantsOnly = new GroupScanFreeAuthorizations();
    private static final GroupScanFreeAuthorizations withRevokes = new GroupScanFreeAuthorizations();
    private static ProcessEngine engine;
    private static ProcessEngine revokingEngine;

    @BeforeAll
    static void engines() {
        engine = engine(grantsOnly, "never");
        revokingEngine = engine(withRevokes, "always");
    }

    @AfterAll
    static void close() {
        engine.close();
        revokingEngine.close();
    }

    private static ProcessEngine engine(GroupScanFreeAuthorizations plugin, String revokes) {
        String name = "authorizations-" + revokes;
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
        configuration.setHistory("none");
        configuration.setJobExecutorActivate(false);
        configuration.setEnforceHistoryTimeToLive(false);
        configuration.setAuthorizationEnabled(true);
        configuration.setAuthorizationCheckRevokes(revokes);
        configuration.setProcessEnginePlugins(List.of(plugin));
        ProcessEngine built = configuration.buildProcessEngine();
        built.getRepositoryService().createDeployment().addModelInstance("work.bpmn", Bpmn.createExecutableProcess(PROCESS)
                .camundaHistoryTimeToLive(1).startEvent().userTask("task").endEvent().done()).deploy();
        return built;
    }

    @Test
    void each_of_the_four_permissions_lets_a_member_of_the_group_complete_the_task_and_none_does_not() {
        String task = openTask(engine);
        assertThatThrownBy(() -> completeAs(engine, task, "clerk", "unit")).isInstanceOf(AuthorizationException.class);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isEqualTo(1);

        grantGroup(engine, "unit", Resources.TASK, task, TaskPermissions.UPDATE);
        completeAs(engine, task, "clerk", "unit");
        assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isZero();
        // the third of the four granted: it is asked first for this person from now on
        assertThat(lastGranting("clerk")).isEqualTo(2);

        String second = openTask(engine);
        assertThatThrownBy(() -> completeAs(engine, second, "clerk", "unit")).isInstanceOf(AuthorizationException.class);
        grantGroup(engine, "unit", Resources.TASK, second, TaskPermissions.TASK_WORK);
        completeAs(engine, second, "clerk", "unit");
        assertThat(lastGranting("clerk")).isEqualTo(0);

        String third = openTask(engine);
        grantUser(engine, "reviewer", Resources.PROCESS_DEFINITION, PROCESS, ProcessDefinitionPermissions.TASK_WORK);
        completeAs(engine, third, "reviewer");
        assertThat(lastGranting("reviewer")).isEqualTo(1);

        String fourth = openTask(engine);
        assertThatThrownBy(() -> completeAs(engine, fourth, "leader", "office")).isInstanceOf(AuthorizationException.class);
        grantGroup(engine, "office", Resources.PROCESS_DEFINITION, PROCESS, ProcessDefinitionPermissions.UPDATE_TASK);
        completeAs(engine, fourth, "leader", "office");
        assertThat(lastGranting("leader")).isEqualTo(3);
        // each person's own: the office's grant on the definition leaves the clerk's task grant first for the clerk
        assertThat(lastGranting("clerk")).isEqualTo(0);
        assertThat(engine.getTaskService().createTaskQuery().count()).isZero();
    }

    @Test
    void with_revoke_checks_a_revoke_of_the_first_permission_outweighs_a_later_grant_as_in_camunda() {
        String task = openTask(revokingEngine);
        grantGroup(revokingEngine, "unit", Resources.TASK, task, TaskPermissions.UPDATE);
        Authorization revoke = revokingEngine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        revoke.setUserId("clerk");
        revoke.setResource(Resources.TASK);
        revoke.setResourceId(task);
        revoke.removePermission(TaskPermissions.TASK_WORK);
        revokingEngine.getAuthorizationService().saveAuthorization(revoke);

        assertThatThrownBy(() -> completeAs(revokingEngine, task, "clerk", "unit"))
                .isInstanceOf(AuthorizationException.class);
        // another member of the group, without the revoke, may
        completeAs(revokingEngine, task, "colleague", "unit");
        assertThat(withRevokes.lastGranting()).isEmpty();
    }

    private static Integer lastGranting(String user) {
        return grantsOnly.lastGranting().entrySet().stream().filter(e -> e.getKey().get(0).equals(user))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static String openTask(ProcessEngine on) {
        String instance = on.getRuntimeService().startProcessInstanceByKey(PROCESS, UUID.randomUUID().toString()).getId();
        return on.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
    }

    private static void completeAs(ProcessEngine on, String task, String user, String... groups) {
        on.getIdentityService().setAuthentication(user, List.of(groups));
        try {
            on.getTaskService().complete(task);
        } finally {
            on.getIdentityService().clearAuthentication();
        }
    }

    private static void grantGroup(ProcessEngine on, String group, Resource resource, String id, Permission permission) {
        Authorization grant = on.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant(on, grant, resource, id, permission);
    }

    private static void grantUser(ProcessEngine on, String user, Resource resource, String id, Permission permission) {
        Authorization grant = on.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId(user);
        grant(on, grant, resource, id, permission);
    }

    private static void grant(ProcessEngine on, Authorization grant, Resource resource, String id, Permission permission) {
        grant.setResource(resource);
        grant.setResourceId(id);
        grant.addPermission(permission);
        on.getAuthorizationService().saveAuthorization(grant);
    }
}
