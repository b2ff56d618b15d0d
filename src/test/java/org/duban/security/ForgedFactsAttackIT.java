package org.duban.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.duban.calendar.WorkCalendar;
import org.duban.directive.DirectiveVariables;
import org.duban.support.DubanIntegrationTest;
import org.duban.support.Http;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 11 as an attack suite over HTTP: every attack the issue lists, every fact a delegate reads today forged on
 * every step of both models and on the start, and every write endpoint of the engine API tried as each role on both
 * API roots ({@code /engine-rest} and the webapps' {@code /camunda/api/engine}). Every attack must be refused (4xx),
 * and afterwards the read model, the hash chain, the outbox and the engine (tasks, variables, jobs, comments,
 * identities) must be exactly as before ({@link EngineWorld}), with the engine's open work matching the read model. The figures are
 * printed and written to {@code target/attack-figures-<database>.txt}, every attack with its answer to
 * {@code target/attack-log-<database>.txt}.
 */
@DubanIntegrationTest
class ForgedFactsAttackIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGN = "Task_SignDirective";
    private static final String HANDLE = "Task_HandleDirective";
    private static final String REVIEW = "Task_ReviewResult";
    private static final String DECIDE = "Task_DecideExtension";
    private static final String APPROVE = "Task_ApproveDirective";
    private static final Map<String, String> OPEN_STATUS = Map.of(SIGN, "TO_SIGN", HANDLE, "HANDLING",
            DECIDE, "EXTENSION_REQUESTED", REVIEW, "UNDER_REVIEW", APPROVE, "DRAFT");
    private static final List<String> ROLES = List.of("kjj", "supervisor", "leader", "auditor");

    record Attack(String kind, String who, String root, String what, int status, String answer) {

        boolean refused() {
            return status >= 400 && status < 500;
        }

        @Override
        public String toString() {
            return kind + " | " + who + " | " + root + " " + what + " → " + status + " "
                    + answer.substring(0, Math.min(160, answer.length()));
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WorkCalendar calendar;

    private final List<Attack> attacks = new ArrayList<>();
    private final Map<String, Http> scripts = new HashMap<>();
    private final Map<String, WebappApi> browsers = new HashMap<>();
    /** The task each person works, by person and task key ("kjj Task_SignDirective"). */
    private final Map<String, Task> own = new LinkedHashMap<>();
    private String deadline;
    /** The directives of this suite (other tests of the same context leave theirs). */
    private final List<String> numbers = new ArrayList<>();
    private String toSign;
    private String toHandle;
    private String directiveDefinition;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void nobodyCanForgeAFact() throws Exception {
        // ten o'clock today, ticking: no day change (lights, quiet hours) in the middle of the barrage
        ProcessDriver.officeHoursToday();
        scenario();
        EngineWorld before = EngineWorld.of(engine, jdbc, numbers);

        theAttacksOfIssue11();
        everyFactForgedOnEveryStep();
        everyWriteEndpointAsEachRole();

        settle();
        EngineWorld after = EngineWorld.of(engine, jdbc, numbers);
        report(before);
        assertThat(attacks.stream().filter(attack -> !attack.refused()).map(Attack::toString).toList())
                .as("attacks that got through").isEmpty();
        for (String part : before.parts().keySet()) {
            assertThat(after.parts().get(part)).as(part + " unchanged").isEqualTo(before.parts().get(part));
        }
        assertThat(openWorkInTheEngine()).as("the engine's open work is the read model's").isEqualTo(openWorkInTheReadModel());
    }

    // ---- the state attacked: every kind of step open, an urge on record

    private void scenario() {
        ProcessDriver driver = new ProcessDriver(engine);
        deadline = calendar.plusWorkingDays(calendar.today(), 10).toString();
        toSign = number(driver.issue("leader", "kjj", "zdxq", deadline, "weekly"));
        toHandle = number(driver.issue("leader", "kjj", "zdxq", deadline, "none"));
        driver.sign("kjj", driver.departmentWork(toHandle, "kjj"));
        driver.sign("zdxq", driver.departmentWork(toHandle, "zdxq"));
        String toReview = number(driver.issue("leader", "kjj", "", deadline, "none"));
        driver.sign("kjj", driver.departmentWork(toReview, "kjj"));
        driver.submit("kjj", driver.departmentWork(toReview, "kjj"));
        String toDecide = number(driver.issue("leader", "kjj", "", deadline, "none"));
        driver.sign("kjj", driver.departmentWork(toDecide, "kjj"));
        driver.complete("kjj", driver.departmentWork(toDecide, "kjj"), Map.of(DirectiveVariables.OUTCOME,
                DirectiveVariables.OUTCOME_EXTEND, DirectiveVariables.REQUESTED_DEADLINE,
                calendar.plusWorkingDays(calendar.today(), 20).toString(), DirectiveVariables.EXTENSION_REASON, "需协调"));
        String draft = number(driver.issue("supervisor", "kjj", "", deadline, "none"));
        numbers.addAll(List.of(toSign, toHandle, toReview, toDecide, draft));
        assertThat(script("supervisor").post("/api/directives/" + toHandle + "/urges", "{\"department\":\"kjj\"}").status())
                .isEqualTo(202);
        settle();

        own.put("kjj " + SIGN, task(toSign, SIGN, "dept-kjj"));
        own.put("zdxq " + SIGN, task(toSign, SIGN, "dept-zdxq"));
        own.put("kjj " + HANDLE, task(toHandle, HANDLE, "dept-kjj"));
        own.put("zdxq " + HANDLE, task(toHandle, HANDLE, "dept-zdxq"));
        own.put("supervisor " + REVIEW, task(toReview, REVIEW, "supervisors"));
        own.put("supervisor " + DECIDE, task(toDecide, DECIDE, "supervisors"));
        own.put("leader " + APPROVE, task(draft, APPROVE, "leaders"));
        directiveDefinition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("directive")
                .latestVersion().singleResult().getId();
    }

    // ---- the attacks the issue lists

    private void theAttacksOfIssue11() throws Exception {
        String kind = "issue 11";
        step(kind + ": write into another department's directive", "zdxq", own.get("zdxq " + SIGN),
                Map.of(Facts.DIRECTIVE_NUMBER, toHandle, Facts.DEPARTMENT, "kjj"));
        Task kjjHandle = own.get("kjj " + HANDLE);
        both(kind + ": set one's own urge count", "kjj", "PUT", "/task/" + kjjHandle.getId() + "/variables/urgeCount",
                "{\"value\":0,\"type\":\"Integer\"}");
        step(kind + ": complete with urgeCount 0", "kjj", kjjHandle, with(submission(), Facts.URGE_COUNT, 0));
        step(kind + ": a co-department completes as lead", "zdxq", own.get("zdxq " + HANDLE),
                with(submission(), Facts.ROLE, "lead"));
        step(kind + ": move one's deadline", "kjj", kjjHandle, with(submission(), DirectiveVariables.DEADLINE, "2099-12-31"));
        step(kind + ": move one's sign-by date", "zdxq", own.get("zdxq " + SIGN),
                Map.of(Facts.SIGN_DUE_AT, "2099-12-31T00:00:00+08:00"));
        step(kind + ": move one's deadline timer", "kjj", kjjHandle,
                with(submission(), Facts.DEADLINE_AT, "2099-12-31T00:00:00+08:00"));
        start(kind + ": skip 批示 by naming a leader as issuer", "supervisor",
                with(startForm(), Facts.ISSUED_BY, "leader"));
        start(kind + ": an issuer who does not exist", "leader", with(startForm(), Facts.ISSUED_BY, "ghost"));
        start(kind + ": number EVIL-1", "leader", with(startForm(), Facts.DIRECTIVE_NUMBER, "EVIL-1"));
        start(kind + ": an existing number", "leader", with(startForm(), Facts.DIRECTIVE_NUMBER, toSign));
        start(kind + ": a title over 100 characters", "leader", with(startForm(), DirectiveVariables.TITLE, "长".repeat(101)));
        start(kind + ": an unknown lead department", "leader",
                with(startForm(), DirectiveVariables.LEAD_DEPARTMENT, "nobody"));
        start(kind + ": a deadline in the past", "leader", with(startForm(), DirectiveVariables.DEADLINE, "2020-01-02"));
        start(kind + ": a NUL in the title", "leader", with(startForm(), DirectiveVariables.TITLE, "督\u0000办"));
        start(kind + ": a NUL in the instruction", "leader", with(startForm(), DirectiveVariables.INSTRUCTION, "\u0000"));

        for (int i = 0; i < 20; i++) {
            record(kind + ": identity/verify as a password oracle", "kjj", "/engine-rest", "POST /identity/verify",
                    script("kjj").post("/engine-rest/identity/verify", "{\"username\":\"zdxq\",\"password\":\"guess" + i + "\"}"));
        }
        assertThat(script("zdxq").get("/api/directives").status()).as("zdxq is not locked").isEqualTo(200);
        record(kind + ": the webapps' own login", "kjj", "/camunda/api", "POST /admin/auth/user/default/login/tasklist",
                browser("kjj").post("/camunda/api/admin/auth/user/default/login/tasklist", null));

        for (Task task : engine.getTaskService().createTaskQuery().list()) {
            both(kind + ": an auditor comments", "auditor", "POST", "/task/" + task.getId() + "/comment/create",
                    "{\"message\":\"审计意见\"}");
        }
        String cleanup = housekeepingJob();
        for (String who : List.of("kjj", "auditor")) {
            both(kind + ": reschedule housekeeping", who, "PUT", "/job/" + cleanup + "/duedate",
                    "{\"duedate\":\"2099-01-01T00:00:00.000+0800\"}");
            both(kind + ": suspend housekeeping", who, "PUT", "/job/" + cleanup + "/suspended", "{\"suspended\":true}");
            both(kind + ": change housekeeping's retries", who, "PUT", "/job/" + cleanup + "/retries", "{\"retries\":0}");
            both(kind + ": run housekeeping", who, "POST", "/job/" + cleanup + "/execute", null);
        }
        String eightMebibytes = Base64.getEncoder().encodeToString(new byte[8 * 1024 * 1024]);
        record(kind + ": an 8 MiB Bytes variable", "kjj", "/engine-rest", "POST /task/{sign}/complete",
                script("kjj").post("/engine-rest/task/" + own.get("kjj " + SIGN).getId() + "/complete",
                        "{\"variables\":{\"evidence\":{\"value\":\"" + eightMebibytes + "\",\"type\":\"Bytes\"}}}"));
        Http leader = script("leader");
        record(kind + ": a NUL in an API title", "leader", "/api", "POST /api/directives", leader.post("/api/directives",
                "{\"title\":\"督\\u0000办\",\"instruction\":\"x\",\"priority\":\"normal\",\"leadDepartment\":\"kjj\","
                        + "\"deadline\":\"" + deadline + "\"}"));
        record(kind + ": a NUL in an urge note", "supervisor", "/api", "POST /api/directives/{n}/urges",
                script("supervisor").post("/api/directives/" + toHandle + "/urges",
                        "{\"department\":\"kjj\",\"note\":\"\\u0000\"}"));
        record(kind + ": a NUL in a withdrawal reason", "leader", "/api", "POST /api/directives/{n}/withdrawal",
                leader.post("/api/directives/" + toSign + "/withdrawal", "{\"reason\":\"撤回\\u0000\"}"));
        record(kind + ": a NUL in a search", "leader", "/api", "GET /api/directives?q=%00",
                leader.get("/api/directives?q=%00"));
        record(kind + ": a lone surrogate in an API title", "leader", "/api", "POST /api/directives",
                leader.post("/api/directives", "{\"title\":\"\\ud800\",\"instruction\":\"x\",\"priority\":\"normal\","
                        + "\"leadDepartment\":\"kjj\",\"deadline\":\"" + deadline + "\"}"));
    }

    // ---- every fact a delegate reads, forged on every step and on the start

    private void everyFactForgedOnEveryStep() throws Exception {
        Map<String, Map<String, Object>> validInputs = Map.of(SIGN, Map.of(), HANDLE, submission(),
                REVIEW, Map.of("accepted", true, "qualityRating", 5, "reviewComment", "同意"),
                DECIDE, Map.of("extensionApproved", true, "decisionComment", "同意"),
                APPROVE, Map.of("approved", true, "approvalComment", "同意"));
        for (Map.Entry<String, Task> entry : own.entrySet()) {
            String who = entry.getKey().split(" ")[0];
            Task task = entry.getValue();
            Set<String> inputs = formInputs(engine.getFormService().getDeployedTaskForm(task.getId()).readAllBytes());
            for (String fact : facts()) {
                if (!inputs.contains(fact)) {
                    step("forged fact on " + task.getTaskDefinitionKey(), who, task,
                            with(validInputs.get(task.getTaskDefinitionKey()), fact, "forged"));
                }
            }
        }
        Set<String> startInputs = formInputs(engine.getFormService().getDeployedStartForm(directiveDefinition).readAllBytes());
        for (String fact : facts()) {
            if (!startInputs.contains(fact)) {
                start("forged fact on the start", fact.hashCode() % 2 == 0 ? "leader" : "supervisor",
                        with(startForm(), fact, "forged"));
            }
        }
    }

    /**
     * Facts that were process variables before the directive's state got one owner (number, unit, role, issuer, the
     * supervision dates, the score's inputs): now read from the records, they must still change nothing when sent.
     */
    static final class Facts {
        static final String DIRECTIVE_NUMBER = "directiveNumber";
        static final String DEPARTMENT = "department";
        static final String ROLE = "role";
        static final String ISSUED_BY = "issuedBy";
        static final String SIGN_DUE_AT = "signDueAt";
        static final String DEADLINE_AT = "deadlineAt";
        static final String URGE_COUNT = "urgeCount";
        static final List<String> ALL = List.of(DIRECTIVE_NUMBER, DEPARTMENT, ROLE, ISSUED_BY, SIGN_DUE_AT, DEADLINE_AT,
                URGE_COUNT, "coDepartmentCodes", "departmentCodes", "draft", "responsibleLeader", "lastProgressOn",
                "withdrawnBy", "withdrawalReason", "yellowAt", "reminderAt", "redAt", "overdueUrgeCycle", "escalateAt",
                "progressDueAt", "rearm", "reviewedBy", "urgedBy", "urgeNote", "lateDays", "signLateDays", "reworkCount",
                "approvedExtensions", "scoreResult", "weight", "score");

        private Facts() {
        }
    }

    /**
     * Every variable name of {@link DirectiveVariables} (each step's inputs) and every former fact: whatever a step
     * is sent beyond its own form's inputs is refused.
     */
    private static List<String> facts() {
        List<String> facts = new ArrayList<>(Facts.ALL);
        for (Field field : DirectiveVariables.class.getFields()) {
            boolean constant = Modifier.isStatic(field.getModifiers()) && field.getType() == String.class;
            String name = field.getName();
            if (constant && !name.endsWith("_PROCESS") && !name.startsWith("MESSAGE_") && !name.startsWith("OUTCOME_")) {
                try {
                    facts.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return facts;
    }

    // ---- every write endpoint of the engine API, as each role, on both roots

    private void everyWriteEndpointAsEachRole() throws Exception {
        List<EngineEndpoints.Endpoint> endpoints = EngineEndpoints.all();
        Set<String> readable = endpoints.stream().filter(e -> e.method().equals("GET")).map(EngineEndpoints.Endpoint::path)
                .collect(Collectors.toSet());
        String cleanup = housekeepingJob();
        for (String role : ROLES) {
            for (EngineEndpoints.Endpoint endpoint : endpoints) {
                if (!endpoint.isWrite() || (endpoint.method().equals("POST") && readable.contains(endpoint.path()))) {
                    continue; // reads, and queries sent as POST, change nothing
                }
                String path = fill(endpoint.path(), role, cleanup);
                String body = endpoint.method().equals("DELETE") ? null : "{}";
                boolean allowed = allowedFor(role, endpoint);
                if (allowed) {
                    body = forgedBodyFor(endpoint.path(), role);
                    if (body == null) {
                        continue; // a legitimate act of the role (a comment, giving a task back): not an attack
                    }
                }
                String kind = allowed ? "write endpoint the role may use, with forged input" : "write endpoint closed to the role";
                Attack onRest = record(kind, role, "/engine-rest", endpoint.method() + " " + endpoint.path(),
                        script(role).send(endpoint.method(), "/engine-rest" + path, body));
                Attack onWebapp = record(kind, role, "/camunda/api", endpoint.method() + " " + endpoint.path(),
                        browser(role).send(endpoint.method(), WebappApi.ENGINE + path, body));
                if (!allowed) {
                    assertThat(List.of(onRest, onWebapp)).as("refused by the allow-list, before the engine")
                            .allSatisfy(attack -> assertThat(attack.answer()).contains("urn:duban:problem:"));
                }
            }
        }
    }

    /** The writes of one's own work (the allow-list, restated here as the roles need them). */
    private static boolean allowedFor(String role, EngineEndpoints.Endpoint endpoint) {
        boolean worker = !role.equals("auditor");
        boolean issuer = role.equals("leader") || role.equals("supervisor");
        String path = endpoint.path();
        if (!endpoint.method().equals("POST")) {
            return false;
        }
        if (path.matches("/task/\\{id}/(claim|unclaim|assignee|delegate|complete|submit-form|resolve|comment/create)")) {
            return worker;
        }
        return issuer && path.matches("/process-definition/(key/\\{key}|\\{id})/(start|submit-form)");
    }

    /** For a write the role may make: the same call carrying what the role may not send. */
    private String forgedBodyFor(String template, String role) {
        String other = role.equals("kjj") ? "zdxq" : "kjj";
        if (template.endsWith("/claim") || template.endsWith("/assignee") || template.endsWith("/delegate")) {
            return "{\"userId\":\"" + other + "\"}";
        }
        if (template.endsWith("/complete") || template.endsWith("/submit-form") || template.endsWith("/resolve")
                || template.endsWith("/start")) {
            return variables(Map.of(Facts.DIRECTIVE_NUMBER, "EVIL-2", Facts.ISSUED_BY, "leader"));
        }
        return null;
    }

    private String fill(String template, String role, String cleanup) {
        Task task = ownTask(role);
        String[] segments = template.substring(1).split("/");
        StringBuilder path = new StringBuilder();
        String previous = "";
        for (String segment : segments) {
            String value = segment;
            if (segment.startsWith("{")) {
                value = switch (segment) {
                    case "{key}" -> previous.equals("key") && template.startsWith("/decision") ? "department-score" : "directive";
                    case "{varId}", "{varName}" -> DirectiveVariables.DEADLINE;
                    case "{userId}" -> role;
                    case "{groupId}" -> "dept-kjj";
                    case "{messageName}" -> "urge-department";
                    default -> idAfter(template, previous, role, task, cleanup);
                };
            }
            path.append('/').append(value);
            previous = segment;
        }
        return path.toString();
    }

    private String idAfter(String template, String resource, String role, Task task, String cleanup) {
        return switch (resource) {
            case "task" -> task.getId();
            case "process-instance", "execution" -> task.getProcessInstanceId();
            case "process-definition" -> template.startsWith("/history") ? "none" : task.getProcessDefinitionId();
            case "job" -> cleanup;
            case "job-definition" -> engine.getManagementService().createJobDefinitionQuery().list().get(0).getId();
            case "deployment" -> engine.getRepositoryService().createDeploymentQuery().list().get(0).getId();
            case "filter" -> engine.getFilterService().createFilterQuery().list().get(0).getId();
            case "user" -> role;
            case "group" -> "dept-kjj";
            case "authorization" -> engine.getAuthorizationService().createAuthorizationQuery().list().get(0).getId();
            case "decision-definition" -> engine.getRepositoryService().createDecisionDefinitionQuery().list().get(0).getId();
            default -> "none";
        };
    }

    private Task ownTask(String role) {
        return own.entrySet().stream().filter(e -> e.getKey().startsWith(role + " ")).map(Map.Entry::getValue)
                .findFirst().orElse(own.get("kjj " + SIGN));
    }

    // ---- sending and counting

    private void step(String kind, String who, Task task, Map<String, Object> variables) throws Exception {
        String body = variables(variables);
        record(kind, who, "/engine-rest", "POST /task/{id}/complete " + variables.keySet(),
                script(who).post("/engine-rest/task/" + task.getId() + "/complete", body));
        record(kind, who, "/camunda/api", "POST /task/{id}/submit-form " + variables.keySet(),
                browser(who).post(WebappApi.ENGINE + "/task/" + task.getId() + "/submit-form", body));
    }

    private void start(String kind, String who, Map<String, Object> variables) throws Exception {
        String body = variables(variables);
        record(kind, who, "/engine-rest", "POST /process-definition/key/directive/start " + variables.keySet(),
                script(who).post("/engine-rest/process-definition/key/directive/start", body));
        record(kind, who, "/camunda/api", "POST /process-definition/{id}/submit-form " + variables.keySet(),
                browser(who).post(WebappApi.ENGINE + "/process-definition/" + directiveDefinition + "/submit-form", body));
    }

    private void both(String kind, String who, String method, String path, String body) {
        record(kind, who, "/engine-rest", method + " " + path, script(who).send(method, "/engine-rest" + path, body));
        record(kind, who, "/camunda/api", method + " " + path, browser(who).send(method, WebappApi.ENGINE + path, body));
    }

    private Attack record(String kind, String who, String root, String what, Http.Response response) {
        Attack attack = new Attack(kind, who, root, what, response.status(), response.body() == null ? "" : response.body());
        attacks.add(attack);
        return attack;
    }

    private Http script(String user) {
        return scripts.computeIfAbsent(user, u -> Http.basic(port, u, "demo"));
    }

    private WebappApi browser(String user) {
        return browsers.computeIfAbsent(user, u -> WebappApi.logIn(port, u));
    }

    private void report(EngineWorld before) throws IOException {
        Map<String, int[]> byKind = new TreeMap<>();
        for (Attack attack : attacks) {
            String kind = attack.kind().startsWith("issue 11") ? "issue 11" : attack.kind();
            int[] figures = byKind.computeIfAbsent(kind, k -> new int[2]);
            figures[0]++;
            figures[1] += attack.refused() ? 1 : 0;
        }
        Map<Integer, Long> statuses = attacks.stream().collect(Collectors.groupingBy(Attack::status, TreeMap::new,
                Collectors.counting()));
        List<String> lines = new ArrayList<>();
        lines.add("Attack suite (" + (org.duban.support.TestDatabaseInitializer.onPostgres() ? "PostgreSQL" : "H2") + "): "
                + attacks.size() + " attacks tried, " + attacks.stream().filter(Attack::refused).count()
                + " refused (4xx), " + attacks.stream().filter(a -> !a.refused()).count() + " got through; answers "
                + statuses);
        byKind.forEach((kind, figures) -> lines.add("  " + kind + ": " + figures[0] + " tried, " + figures[1] + " refused"));
        lines.add("  state compared before and after: " + before.parts().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().size()).collect(Collectors.joining(", ")));
        lines.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        String database = org.duban.support.TestDatabaseInitializer.onPostgres() ? "postgres" : "h2";
        Files.write(Path.of("target", "attack-figures-" + database + ".txt"), lines);
        Files.write(Path.of("target", "attack-log-" + database + ".txt"), attacks.stream().map(Attack::toString).toList());
    }

    // ---- the read model and the engine agree on the open work

    private List<String> openWorkInTheEngine() {
        List<String> work = new ArrayList<>();
        for (String number : numbers) {
            for (Task task : engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number).list()) {
                work.add(number + " " + OPEN_STATUS.get(task.getTaskDefinitionKey()));
            }
        }
        return work.stream().sorted().toList();
    }

    private List<String> openWorkInTheReadModel() {
        // a draft's parts wait for the leader's 批示: no department has work on them yet
        List<String> work = new ArrayList<>();
        for (String number : numbers) {
            work.addAll(jdbc.queryForList("SELECT p.directive_number || ' ' || p.status FROM directive_department p"
                    + " JOIN directive d ON d.number = p.directive_number WHERE d.number = ? AND d.status = 'IN_PROGRESS'"
                    + " AND p.status IN ('TO_SIGN', 'HANDLING', 'EXTENSION_REQUESTED', 'UNDER_REVIEW')", String.class, number));
            work.addAll(jdbc.queryForList("SELECT number || ' DRAFT' FROM directive WHERE number = ? AND status = 'DRAFT'",
                    String.class, number));
        }
        return work.stream().sorted().toList();
    }

    // ---- helpers

    /** Every job due now has run (continuations, and timers such as the reports' that the moved clock made due). */
    private void settle() {
        await().atMost(Duration.ofSeconds(60)).until(() -> engine.getManagementService().createJobQuery().executable()
                .count() == 0);
    }

    private String number(ProcessInstance instance) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getBusinessKey();
    }

    private Task task(String number, String key, String candidateGroup) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(key)
                .taskCandidateGroup(candidateGroup).singleResult();
    }

    private String housekeepingJob() {
        return engine.getManagementService().createJobQuery().list().stream().filter(j -> j.getProcessDefinitionId() == null)
                .map(j -> j.getId()).findFirst().orElseThrow();
    }

    private Map<String, Object> submission() {
        return Map.of(DirectiveVariables.OUTCOME, DirectiveVariables.OUTCOME_SUBMIT, DirectiveVariables.RESULT_SUMMARY, "已办结");
    }

    private Map<String, Object> startForm() {
        return Map.of(DirectiveVariables.TITLE, "攻击测试", DirectiveVariables.INSTRUCTION, "请办理。",
                DirectiveVariables.PRIORITY, "normal", DirectiveVariables.LEAD_DEPARTMENT, "kjj",
                DirectiveVariables.DEADLINE, deadline, DirectiveVariables.REPORT_CYCLE, "none");
    }

    private static Map<String, Object> with(Map<String, Object> inputs, String name, Object value) {
        Map<String, Object> all = new LinkedHashMap<>(inputs);
        all.put(name, value);
        return all;
    }

    private static String variables(Map<String, Object> variables) {
        Map<String, Object> wrapped = new LinkedHashMap<>();
        variables.forEach((name, value) -> wrapped.put(name, Map.of("value", value)));
        try {
            return JSON.writeValueAsString(Map.of("variables", wrapped));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The inputs of a deployed Camunda Form, read here on its own: keyed components that are not disabled. */
    private static Set<String> formInputs(byte[] form) throws IOException {
        Set<String> inputs = new TreeSet<>();
        collect(JSON.readTree(form).path("components"), inputs);
        return inputs;
    }

    private static void collect(JsonNode components, Set<String> inputs) {
        for (JsonNode component : components) {
            if (component.has("key") && !component.path("disabled").asBoolean(false)) {
                inputs.add(component.get("key").asText().split("\\.")[0]);
            }
            collect(component.path("components"), inputs);
        }
    }
}
