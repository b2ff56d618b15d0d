package org.duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.duban.calendar.WorkCalendar;
import org.duban.support.DubanIntegrationTest;
import org.duban.support.Http;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The engine API guard: who may call what, what a step may carry, and how refusals read on both API roots. */
@DubanIntegrationTest
class EngineApiGuardIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    WorkCalendar calendar;

    ProcessDriver driver;
    String number;
    Task kjjSign;

    @BeforeEach
    void aDirectiveForKjjAndZdxq() {
        driver = new ProcessDriver(engine);
        String deadline = calendar.plusWorkingDays(calendar.today(), 10).toString();
        ProcessInstance directive = driver.issue("leader", "kjj", "zdxq", deadline, "none");
        number = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(directive.getId())
                .singleResult().getBusinessKey();
        kjjSign = driver.task(driver.departmentWork(number, "kjj"));
    }

    @Test
    void aCompletionCarryingAVariableOutsideTheFormIsRefusedByNameAndTheTaskStaysOpen() throws Exception {
        Http.Response refused = Http.basic(port, "kjj", "demo").post("/engine-rest/task/" + kjjSign.getId() + "/complete",
                "{\"variables\":{\"directiveNumber\":{\"value\":\"DB-2026-9999\"},\"department\":{\"value\":\"zdxq\"}}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:duban:problem:invalid-request");
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("directiveNumber", "department");
        assertThat(engine.getTaskService().createTaskQuery().taskId(kjjSign.getId()).count()).isEqualTo(1);
        assertThat(engine.getRuntimeService().getVariables(kjjSign.getProcessInstanceId()))
                .as("nothing of the forged body was written").doesNotContainKeys("directiveNumber", "department");
    }

    @Test
    void aDisplayedFieldOfTheFormIsNoInputButAFormInputIs() {
        Http kjj = Http.basic(port, "kjj", "demo");
        assertThat(kjj.post("/engine-rest/task/" + kjjSign.getId() + "/complete",
                "{\"variables\":{\"deadline\":{\"value\":\"2099-01-01\"}}}").status()).isEqualTo(400);
        assertThat(kjj.post("/engine-rest/task/" + kjjSign.getId() + "/complete", "{}").status()).isEqualTo(204);
        Task handle = driver.task(driver.departmentWork(number, "kjj"));
        Http.Response typed = kjj.post("/engine-rest/task/" + handle.getId() + "/complete",
                "{\"variables\":{\"outcome\":{\"value\":\"progress\"},\"progressNote\":{\"value\":\"x\",\"type\":\"Object\","
                        + "\"valueInfo\":{\"objectTypeName\":\"java.util.HashMap\",\"serializationDataFormat\":\"application/json\"}}}}");
        assertThat(typed.status()).as("only plain values").isEqualTo(400);
        assertThat(typed.body()).contains("progressNote");
        assertThat(kjj.post("/engine-rest/task/" + handle.getId() + "/complete",
                "{\"variables\":{\"outcome\":{\"value\":\"progress\"},\"progressNote\":{\"value\":\"一半已完成\",\"type\":\"String\"}}}")
                .status()).isEqualTo(204);
    }

    @Test
    void theEnginesRefusalOfAnInputIsAProblemOnEngineRestAndAPlainChineseMessageInTheWebapps() throws Exception {
        driver.sign("kjj", driver.departmentWork(number, "kjj"));
        Task handle = driver.task(driver.departmentWork(number, "kjj"));
        String withoutResult = "{\"variables\":{\"outcome\":{\"value\":\"submit\"}}}";

        Http.Response rest = Http.basic(port, "kjj", "demo").post("/engine-rest/task/" + handle.getId() + "/complete",
                withoutResult);
        assertThat(rest.status()).isEqualTo(400);
        assertThat(rest.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(rest.body());
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("resultSummary");
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo("请填写办理结果");

        Http.Response webapp = WebappApi.logIn(port, "kjj").post(WebappApi.ENGINE + "/task/" + handle.getId()
                + "/submit-form", withoutResult);
        assertThat(webapp.status()).isEqualTo(400);
        JsonNode camunda = JSON.readTree(webapp.body());
        assertThat(camunda.get("message").asText()).isEqualTo("请填写办理结果");
        assertThat(webapp.body()).doesNotContain(handle.getId()).doesNotContain("Cannot").doesNotContain("resultSummary：");
        assertThat(engine.getTaskService().createTaskQuery().taskId(handle.getId()).count()).isEqualTo(1);
    }

    @Test
    void aServerErrorNeverShowsTheEnginesMessage() throws Exception {
        // the test model needs a department: started without one, its candidate-group expression fails in the engine
        engine.getRepositoryService().createDeployment().name("test-department-task").enableDuplicateFiltering(false)
                .addClasspathResource("bpmn/test/department-task.bpmn").deploy();
        Http.Response failed = Http.basic(port, "admin", "demo").post(
                "/engine-rest/process-definition/key/test-department-task/start", "{}");
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(JSON.readTree(failed.body()).get("detail").asText()).contains("服务器未能完成请求");
        assertThat(failed.body()).doesNotContain("department").doesNotContain("Unknown property").doesNotContain("ENGINE-");
    }

    @Test
    void aPersonClaimsOnlyForThemselvesAndAssignsOnlyWithinTheirDepartment() {
        User colleague = engine.getIdentityService().newUser("kjj-colleague");
        engine.getIdentityService().saveUser(colleague);
        engine.getIdentityService().createMembership("kjj-colleague", "dept-kjj");
        Http kjj = Http.basic(port, "kjj", "demo");
        String task = "/engine-rest/task/" + kjjSign.getId();

        assertThat(kjj.post(task + "/claim", "{\"userId\":\"kjj-colleague\"}").status()).isEqualTo(403);
        assertThat(kjj.post(task + "/assignee", "{\"userId\":\"zdxq\"}").status()).isEqualTo(403);
        assertThat(kjj.post(task + "/delegate", "{\"userId\":\"zdxq\"}").status()).isEqualTo(403);
        assertThat(engine.getTaskService().createTaskQuery().taskId(kjjSign.getId()).singleResult().getAssignee()).isNull();

        assertThat(kjj.post(task + "/claim", "{\"userId\":\"kjj\"}").status()).isEqualTo(204);
        assertThat(kjj.post(task + "/unclaim", "{}").status()).isEqualTo(204);
        assertThat(kjj.post(task + "/assignee", "{\"userId\":\"kjj-colleague\"}").status()).isEqualTo(204);
        assertThat(engine.getTaskService().createTaskQuery().taskId(kjjSign.getId()).singleResult().getAssignee())
                .isEqualTo("kjj-colleague");
    }

    @Test
    void variableWritesModificationsMessagesAndHousekeepingAreForAdminsOnly() throws Exception {
        Http kjj = Http.basic(port, "kjj", "demo");
        String task = "/engine-rest/task/" + kjjSign.getId();
        assertThat(kjj.put(task + "/variables/urgeCount", "{\"value\":0,\"type\":\"Integer\"}").status()).isEqualTo(403);
        assertThat(kjj.post(task + "/localVariables", "{\"modifications\":{\"role\":{\"value\":\"lead\"}}}").status())
                .isEqualTo(403);
        assertThat(kjj.put(task, "{\"name\":\"x\",\"due\":\"2099-01-01T00:00:00.000+0800\"}").status()).isEqualTo(403);
        assertThat(kjj.post("/engine-rest/message", "{\"messageName\":\"urge-department\"}").status()).isEqualTo(403);
        assertThat(kjj.post("/engine-rest/identity/verify", "{\"username\":\"zdxq\",\"password\":\"x\"}").status())
                .isEqualTo(403);
        String cleanup = engine.getManagementService().createJobQuery().list().stream()
                .filter(j -> j.getProcessDefinitionId() == null).map(j -> j.getId()).findFirst().orElse("none");
        Http auditor = Http.basic(port, "auditor", "demo");
        assertThat(auditor.put("/engine-rest/job/" + cleanup + "/duedate", "{\"duedate\":\"2099-01-01T00:00:00.000+0800\"}")
                .status()).isEqualTo(403);
        assertThat(auditor.post(task + "/comment/create", "{\"message\":\"审计意见\"}").status()).isEqualTo(403);
        assertThat(engine.getTaskService().getTaskComments(kjjSign.getId())).isEmpty();
        JsonNode problem = JSON.readTree(auditor.post(task + "/comment/create", "{\"message\":\"x\"}").body());
        assertThat(problem.get("title").asText()).isEqualTo("无权访问");

        assertThat(Http.basic(port, "admin", "demo").post("/engine-rest/identity/verify",
                "{\"username\":\"zdxq\",\"password\":\"demo\"}").status()).as("admins may").isEqualTo(200);
    }

    @Test
    void theWebappsOwnLoginIsClosedAndTheWebappsApiIsGuardedToo() throws Exception {
        WebappApi auditor = WebappApi.logIn(port, "auditor");
        Http.Response login = auditor.post("/camunda/api/admin/auth/user/default/login/cockpit", null);
        assertThat(login.status()).isEqualTo(403);
        Http.Response comment = auditor.post(WebappApi.ENGINE + "/task/" + kjjSign.getId() + "/comment/create",
                "{\"message\":\"审计意见\"}");
        assertThat(comment.status()).isEqualTo(403);
        assertThat(JSON.readTree(comment.body()).get("message").asText()).isEqualTo("您的角色不能执行此操作。");
        assertThat(auditor.get(WebappApi.ENGINE + "/task/" + kjjSign.getId()).status()).as("reads stay open").isEqualTo(200);
        WebappApi admin = WebappApi.logIn(port, "admin");
        assertThat(admin.post("/camunda/api/admin/auth/user/default/login/admin", null).status()).isEqualTo(403);
    }

    @Test
    void onlyLeadersAndTheOfficeStartADirectiveAndOnlyWithItsStartForm() throws Exception {
        String start = "/engine-rest/process-definition/key/directive/start";
        String form = """
                {"variables":{"title":{"value":"引擎发起"},"instruction":{"value":"请办理。"},"priority":{"value":"normal"},
                 "leadDepartment":{"value":"kjj"},"deadline":{"value":"%s"}%s}}""";
        String deadline = calendar.plusWorkingDays(calendar.today(), 10).toString();
        long before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("directive").count();

        assertThat(Http.basic(port, "kjj", "demo").post(start, form.formatted(deadline, "")).status()).isEqualTo(403);
        Http supervisor = Http.basic(port, "supervisor", "demo");
        Http.Response forged = supervisor.post(start, form.formatted(deadline,
                ",\"issuedBy\":{\"value\":\"leader\"},\"directiveNumber\":{\"value\":\"EVIL-1\"}"));
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body()).contains("issuedBy").contains("directiveNumber");
        assertThat(supervisor.post(start, "{\"businessKey\":\"DB-2026-0001\"," + form.formatted(deadline, "").substring(1))
                .status()).isEqualTo(400);
        assertThat(supervisor.post(start, "{\"startInstructions\":[{\"type\":\"startBeforeActivity\","
                + "\"activityId\":\"CallActivity_DepartmentWork\"}]," + form.formatted(deadline, "").substring(1))
                .status()).isEqualTo(400);
        assertThat(supervisor.post("/engine-rest/process-definition/key/test-department-task/start",
                "{\"variables\":{\"department\":{\"value\":\"kjj\"}}}").status()).isEqualTo(403);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("directive").count())
                .isEqualTo(before);

        Http.Response started = supervisor.post(start, form.formatted(deadline, ""));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("directive").count())
                .isEqualTo(before + 1);
    }

    @Test
    void everyOtherCallOfANonAdminIsRefused() {
        Http leader = Http.basic(port, "leader", "demo");
        assertThat(leader.post("/engine-rest/process-instance/" + kjjSign.getProcessInstanceId() + "/modification",
                "{\"instructions\":[]}").status()).isEqualTo(403);
        assertThat(leader.post("/engine-rest/engine/default/task/create", "{\"name\":\"x\"}").status()).isEqualTo(403);
        assertThat(leader.post("/engine-rest/task/create/", "{\"name\":\"x\"}").status()).isEqualTo(403);
        assertThat(leader.post("/engine-rest/t%61sk/create", "{\"name\":\"x\"}").status()).isIn(400, 403);
        assertThat(leader.send("POST", "/engine-rest/task/" + kjjSign.getId() + "/comment/create", "{\"message\":\"x\"}",
                "X-HTTP-Method-Override", "DELETE").status()).isEqualTo(400);
        assertThat(engine.getTaskService().createTaskQuery().taskName("x").count()).isZero();
    }
}
