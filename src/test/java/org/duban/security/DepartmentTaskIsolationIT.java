package org.duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.duban.support.DubanIntegrationTest;
import org.duban.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A department sees and works only its own tasks, also through /engine-rest. */
@DubanIntegrationTest
class DepartmentTaskIsolationIT {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    String kjjTask;
    String zdxqTask;

    @Autowired
    org.camunda.bpm.engine.RepositoryService repository;

    @BeforeEach
    void oneTaskForEachOfTwoDepartments() {
        // a bare one-task process of the test's own (the application deploys only its models)
        repository.createDeployment().name("test-department-task").enableDuplicateFiltering(false)
                .addClasspathResource("bpmn/test/department-task.bpmn").deploy();
        kjjTask = startTaskFor("kjj");
        zdxqTask = startTaskFor("zdxq");
    }

    @Test
    void aDepartmentListsOnlyItsOwnTasks() {
        String list = Http.basic(port, "kjj", "demo").get("/engine-rest/task").body();
        assertThat(list).contains(kjjTask).doesNotContain(zdxqTask);
        String others = Http.basic(port, "zdxq", "demo").get("/engine-rest/task").body();
        assertThat(others).contains(zdxqTask).doesNotContain(kjjTask);
    }

    @Test
    void anotherDepartmentCannotReadClaimOrCompleteTheTask() {
        Http kjj = Http.basic(port, "kjj", "demo");
        assertThat(kjj.get("/engine-rest/task/" + zdxqTask).status()).isIn(403, 404);
        assertThat(kjj.get("/engine-rest/task/" + zdxqTask + "/variables").status()).isIn(403, 404);
        assertThat(kjj.post("/engine-rest/task/" + zdxqTask + "/claim", "{\"userId\":\"kjj\"}").status()).isIn(403, 404);
        assertThat(kjj.post("/engine-rest/task/" + zdxqTask + "/complete", "{}").status()).isIn(403, 404);
        assertThat(kjj.put("/engine-rest/task/" + zdxqTask + "/variables/x", "{\"value\":1,\"type\":\"Integer\"}").status())
                .isIn(403, 404);
        assertThat(kjj.get("/engine-rest/process-instance").body()).doesNotContain(
                tasks.createTaskQuery().taskId(zdxqTask).singleResult().getProcessInstanceId());
        assertThat(tasks.createTaskQuery().taskId(zdxqTask).singleResult()).as("still open, unclaimed")
                .satisfies(task -> assertThat(task.getAssignee()).isNull());
    }

    @Test
    void theDepartmentClaimsAndCompletesItsOwnTask() {
        Http kjj = Http.basic(port, "kjj", "demo");
        assertThat(kjj.get("/engine-rest/task/" + kjjTask).status()).isEqualTo(200);
        assertThat(kjj.post("/engine-rest/task/" + kjjTask + "/claim", "{\"userId\":\"kjj\"}").status()).isEqualTo(204);
        assertThat(kjj.post("/engine-rest/task/" + kjjTask + "/complete", "{}").status()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(kjjTask).count()).isZero();
    }

    @Test
    void aDepartmentCannotStartProcessesOrReadUsersPasswords() {
        Http kjj = Http.basic(port, "kjj", "demo");
        assertThat(kjj.post("/engine-rest/process-definition/key/test-department-task/start",
                "{\"variables\":{\"department\":{\"value\":\"kjj\"}}}").status()).isEqualTo(403);
        assertThat(kjj.post("/engine-rest/user/create",
                "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}").status()).isEqualTo(403);
    }

    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    @Test
    void checksTakeThePersonsGroupsAsTheyAreInsteadOfReadingEveryGroupWithAGrant() {
        org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl configuration =
                (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        // Camunda's own manager drops a group without any grant, after reading every group id of the table
        java.util.List<String> checked = configuration.getCommandExecutorTxRequired().execute(context -> context
                .getAuthorizationManager().filterAuthenticatedGroupIds(java.util.List.of("dept-kjj", "group-without-grants",
                        "dept-kjj")));
        assertThat(checked).containsExactly("dept-kjj", "group-without-grants");
        // and the answers stay: a member of a group without grants still sees its own tasks only
        engine.getIdentityService().setAuthentication("kjj", java.util.List.of("dept-kjj", "group-without-grants"));
        try {
            assertThat(tasks.createTaskQuery().list()).extracting(task -> task.getId()).contains(kjjTask)
                    .doesNotContain(zdxqTask);
            assertThat(engine.getAuthorizationService().isUserAuthorized("kjj",
                    java.util.List.of("dept-kjj", "group-without-grants"), org.camunda.bpm.engine.authorization.Permissions.READ,
                    org.camunda.bpm.engine.authorization.Resources.TASK, zdxqTask)).isFalse();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private String startTaskFor(String department) {
        String instance = runtime.startProcessInstanceByKey("test-department-task", Map.of("department", department)).getId();
        return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    }
}
