package org.duban.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A task's candidate groups get the grants Camunda's default provider gives them, on the task and on its history,
 * without the provider looking for existing grants of a task the same command created; for a task that exists
 * already it still looks, and extends what is there instead of granting twice.
 */
class NewTaskGrantsTest {

    private static final AtomicInteger lookUps = new AtomicInteger();
    private static ProcessEngine camunda;
    private static ProcessEngine duban;

    /** The provider under test, counting the look-ups it leaves to Camunda. */
    static class Counting extends NewTaskGrants.Provider {
        @Override
        protected AuthorizationEntity getGrantAuthorizationByGroupId(String groupId, Resource resource, String resourceId) {
            lookUps.incrementAndGet();
            return super.getGrantAuthorizationByGroupId(groupId, resource, resourceId);
        }
    }

    @BeforeAll
    static void engines() {
        camunda = engine("grants-default", new DefaultAuthorizationProvider());
        duban = engine("grants-new-task", new Counting());
    }

    @AfterAll
    static void close() {
        camunda.close();
        duban.close();
    }

    private static ProcessEngine engine(String name, DefaultAuthorizationProvider provider) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
        configuration.setJobExecutorActivate(false);
        configuration.setEnforceHistoryTimeToLive(false);
        configuration.setAuthorizationEnabled(true);
        configuration.setEnableHistoricInstancePermissions(true);
        configuration.setResourceAuthorizationProvider(provider);
        ProcessEngine built = configuration.buildProcessEngine();
        built.getRepositoryService().createDeployment().addModelInstance("work.bpmn", Bpmn.createExecutableProcess("work")
                .camundaHistoryTimeToLive(1).startEvent().userTask("task").camundaCandidateGroups("unit, office")
                .endEvent().done()).deploy();
        return built;
    }

    @Test
    void aNewTasksCandidatesGetCamundasGrantsWithoutALookUp() {
        String theirs = openTask(camunda);
        lookUps.set(0);
        String ours = openTask(duban);
        assertThat(lookUps).hasValue(0);
        assertThat(grants(duban, ours)).isEqualTo(grants(camunda, theirs)).hasSize(4);
    }

    @Test
    void aCandidateAddedToAnExistingTaskIsLookedUpAndExtendsItsGrant() {
        String theirs = openTask(camunda);
        String ours = openTask(duban);
        lookUps.set(0);
        camunda.getTaskService().addCandidateGroup(theirs, "unit");
        duban.getTaskService().addCandidateGroup(ours, "unit");
        duban.getTaskService().addCandidateGroup(ours, "auditors");
        camunda.getTaskService().addCandidateGroup(theirs, "auditors");
        assertThat(lookUps.get()).isPositive();
        assertThat(grants(duban, ours)).isEqualTo(grants(camunda, theirs)).hasSize(6);
    }

    private static String openTask(ProcessEngine engine) {
        String instance = engine.getRuntimeService().startProcessInstanceByKey("work").getId();
        return engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
    }

    /** Each grant on the task and its history: group, resource type, permissions. */
    private static List<String> grants(ProcessEngine engine, String task) {
        return engine.getAuthorizationService().createAuthorizationQuery().resourceId(task).list().stream()
                .filter(a -> a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT)
                .map(a -> a.getGroupId() + " " + a.getResourceType() + " " + permissions(a))
                .sorted().toList();
    }

    private static String permissions(Authorization grant) {
        return String.valueOf(((AuthorizationEntity) grant).getPermissions());
    }
}
