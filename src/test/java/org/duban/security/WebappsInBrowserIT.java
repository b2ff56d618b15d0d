package org.duban.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.duban.calendar.WorkCalendar;
import org.duban.directive.DirectiveVariables;
import org.duban.support.Http;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tasklist and Cockpit used in a real headless Chromium by each role, with the engine API guard and the security
 * headers on: every request the webapps make is recorded (written to {@code target/webapp-requests.txt}), none of
 * their reads may be refused, the work of each role (claim, comment, complete through the form, start a directive)
 * must go through, and no page may report a Content-Security-Policy violation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
class WebappsInBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    WorkCalendar calendar;
    @Autowired
    JdbcTemplate jdbc;

    RecordingBrowser browser;
    ProcessDriver driver;
    String deadline;

    @BeforeEach
    void openBrowser() {
        browser = new RecordingBrowser(port);
        driver = new ProcessDriver(engine);
        deadline = calendar.plusWorkingDays(calendar.today(), 10).toString();
    }

    @AfterEach
    void closeBrowser() {
        // null when the browser was not started (no Chromium here: the test was skipped)
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyRoleWorksInTasklistAndReadsCockpitThroughTheGuard() throws IOException {
        ProcessInstance toSign = driver.issue("leader", "kjj", "zdxq", deadline, "weekly");
        ProcessInstance toReview = driver.issue("leader", "kjj", "", deadline, "none");
        ProcessInstance reviewWork = driver.departmentWork(number(toReview), "kjj");
        driver.sign("kjj", reviewWork);
        driver.submit("kjj", reviewWork);
        ProcessInstance toExtend = driver.issue("leader", "kjj", "", deadline, "none");
        ProcessInstance extendWork = driver.departmentWork(number(toExtend), "kjj");
        driver.sign("kjj", extendWork);
        driver.complete("kjj", extendWork, Map.of(DirectiveVariables.OUTCOME, DirectiveVariables.OUTCOME_EXTEND,
                DirectiveVariables.REQUESTED_DEADLINE, calendar.plusWorkingDays(calendar.today(), 20).toString(),
                DirectiveVariables.EXTENSION_REASON, "需要协调"));
        ProcessInstance draft = driver.issue("supervisor", "kjj", "", deadline, "none");

        try {
            work(toSign, toReview, toExtend, draft);
        } finally {
            write("webapp-requests.txt", browser.exchanges().stream()
                    .filter(e -> e.path().startsWith("/camunda/api/") || e.path().startsWith("/engine-rest/"))
                    .map(e -> e.role() + " " + e.status() + " " + e.method() + " "
                            + e.url().replaceFirst("^https?://[^/]+", "") + (e.body() == null ? "" : "  " + e.body()))
                    .toList());
            write("webapp-console.txt", browser.console());
        }
        List<RecordingBrowser.Exchange> api = browser.exchanges().stream()
                .filter(e -> e.path().startsWith("/camunda/api/") || e.path().startsWith("/engine-rest/")).toList();
        assertThat(api).isNotEmpty();
        assertThat(api.stream().filter(e -> e.status() == 403 || e.status() >= 500 || e.status() < 0)
                .map(e -> e.role() + " " + e.status() + " " + e.method() + " " + e.path()).toList())
                .as("no request of the webapps refused or failed").isEmpty();
        assertThat(api.stream().filter(e -> e.status() == 400).map(e -> e.role() + " " + e.method() + " " + e.path())
                .toList()).as("no input refused").isEmpty();
        assertThat(cspViolations()).as("the webapps load under their Content-Security-Policy").isEmpty();
        assertThat(api).anyMatch(e -> e.path().endsWith("/submit-form") && e.status() == 204)
                .anyMatch(e -> e.path().endsWith("/comment/create") && e.status() == 200);
    }

    private void work(ProcessInstance toSign, ProcessInstance toReview, ProcessInstance toExtend, ProcessInstance draft) {
        // a department: its filter, a task's tabs, claim, sign and report progress through the forms
        browser.logIn("kjj");
        tasklistOverview();
        Task sign = openTask(number(toSign), "Task_SignDirective", "dept-kjj");
        tabs(sign);
        claim();
        complete();
        Task handle = openTask(number(toSign), "Task_HandleDirective", "dept-kjj");
        claim();
        browser.click(By.xpath("//label[normalize-space()='进度反馈']"));
        browser.find(By.xpath("//label[contains(normalize-space(),'进度情况')]/following::textarea[1]")).sendKeys("已完成调研。");
        complete();
        assertThat(engine.getTaskService().createTaskQuery().taskId(handle.getId()).count()).as("progress reported").isZero();

        // a leader: approves the office's draft in Tasklist, issues one through the start form, reads Cockpit
        browser.logIn("leader");
        tasklistOverview();
        openTask(number(draft), "Task_ApproveDirective", "leaders");
        claim();
        browser.click(By.xpath("//label[normalize-space()='同意交办']"));
        complete();
        startADirectiveInTasklist();
        cockpit(toSign);

        // the office: comments on and accepts a result in Tasklist, reads Cockpit (a comment needs the task's history,
        // which only leaders, the office and auditors may read: departments report through the form)
        browser.logIn("supervisor");
        Task review = openTask(number(toReview), "Task_ReviewResult", "supervisors");
        claim();
        comment("材料齐全。");
        assertThat(engine.getTaskService().getTaskComments(review.getId())).hasSize(1);
        browser.click(By.xpath("//label[normalize-space()='审核通过']"));
        browser.click(By.xpath("//label[normalize-space()='5 分']"));
        complete();
        cockpit(toExtend);

        // an auditor: Cockpit only, read-only
        browser.logIn("auditor");
        cockpit(draft);
    }

    @Test
    void ourPagesLoadUnderTheirContentSecurityPolicy() throws IOException {
        ProcessInstance directive = driver.issue("leader", "kjj", "", deadline, "none");
        String number = number(directive);
        browser.logIn("leader");
        for (String page : List.of("/", "/overview", "/issue", "/ledger", "/directives/" + number, "/scorecards",
                "/reports", "/settings/notifications", "/swagger-ui/index.html")) {
            browser.open(page);
            browser.settle();
        }
        browser.open("/overview");
        browser.until(d -> "true".equals(browser.script("return document.getElementById('chart-weeks').dataset.ready || ''")));
        browser.open("/scorecards");
        browser.settle();
        assertThat(browser.script("return document.querySelector('#trend canvas, #trend svg') != null || "
                + "document.querySelector('#trend') != null")).isEqualTo(Boolean.TRUE);
        browser.logIn("auditor");
        browser.open("/audit");
        browser.settle();
        browser.open("/audit/directives/" + number);
        browser.settle();
        write("page-console.txt", browser.console());
        assertThat(cspViolations()).as("our pages load under their Content-Security-Policy").isEmpty();

        Http.Response page = Http.loggedIn(port, "leader", "demo").get("/overview");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self' 'nonce-").doesNotContain("unsafe-inline'; s");
        assertThat(page.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        String nonce = page.header("Content-Security-Policy").replaceAll(".*'nonce-([^']+)'.*", "$1");
        assertThat(page.body()).contains("nonce=\"" + nonce + "\"");
        Http.Response tasklist = Http.loggedIn(port, "kjj", "demo").get("/camunda/app/tasklist/default/");
        assertThat(tasklist.raw().headers().allValues("Content-Security-Policy")).as("only Camunda's own policy")
                .hasSize(1).allSatisfy(policy -> assertThat(policy).contains("'strict-dynamic'"));
        assertThat(tasklist.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
    }

    private void tasklistOverview() {
        browser.open("/camunda/app/tasklist/default/");
        browser.settle();
        for (var filter : engine.getFilterService().createFilterQuery().list()) {
            browser.open("/camunda/app/tasklist/default/#/?filter=" + filter.getId());
            browser.settle();
        }
    }

    private Task openTask(String number, String taskKey, String group) {
        Task task = await().atMost(Duration.ofSeconds(30)).until(() -> engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(number).taskDefinitionKey(taskKey).taskCandidateGroup(group).singleResult(),
                t -> t != null);
        browser.open("/camunda/app/tasklist/default/#/?task=" + task.getId());
        browser.find(By.cssSelector(".fjs-form"));
        browser.settle();
        return task;
    }

    private void tabs(Task task) {
        for (String tab : List.of("history", "diagram", "description", "form")) {
            browser.open("/camunda/app/tasklist/default/#/?task=" + task.getId() + "&detailsTab=" + tab);
            browser.settle();
        }
        browser.find(By.cssSelector(".fjs-form"));
    }

    private void claim() {
        browser.click(By.xpath("//button[normalize-space()='认领'] | //a[normalize-space()='认领']"));
        browser.until(d -> (Boolean) browser.script("return document.querySelector('.fjs-form') != null"
                + " && document.querySelector('.disabled-form') == null;"));
        browser.settle();
    }

    private void comment(String text) {
        browser.click(By.cssSelector("a.createCommentLink"));
        browser.find(By.id("comment-form-message")).sendKeys(text);
        browser.click(By.xpath("//div[contains(@class,'modal-footer')]//button[@type='submit']"));
        browser.until(d -> !browser.present(By.id("comment-form-message")));
        browser.settle();
    }

    private void complete() {
        browser.click(By.xpath("//button[normalize-space()='完成']"));
        browser.until(d -> browser.text().contains("任务已完成") || browser.present(By.cssSelector(".no-task")));
        browser.settle();
    }

    /** 发起流程 → 督办事项, the start form filled as a leader would, 发起. */
    private void startADirectiveInTasklist() {
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM directive", Integer.class);
        browser.open("/camunda/app/tasklist/default/");
        browser.click(By.xpath("//a[contains(normalize-space(),'发起流程')]"));
        browser.click(By.xpath("//div[contains(@class,'modal')]//a[normalize-space()='督办事项']"));
        browser.find(By.cssSelector(".modal .fjs-form"));
        browser.find(By.xpath("//label[contains(normalize-space(),'标题')]/following::input[1]")).sendKeys("浏览器发起的督办事项");
        browser.find(By.xpath("//label[contains(normalize-space(),'批示内容')]/following::textarea[1]")).sendKeys("请按期办理。");
        browser.click(By.xpath(field("主办单位") + "//input"));
        browser.find(By.xpath(field("主办单位") + "//input")).sendKeys("科技");
        browser.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space()='市科技局']"));
        var date = browser.find(By.xpath(field("办结期限") + "//input"));
        date.sendKeys(deadline);
        date.sendKeys(Keys.ENTER);
        browser.click(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='发起']"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM directive",
                Integer.class) == before + 1);
        browser.settle();
    }

    /** The form-js field whose label reads so. */
    private static String field(String label) {
        return "//div[contains(@class,'fjs-form-field')][.//label[contains(normalize-space(),'" + label + "')]]";
    }

    private void cockpit(ProcessInstance directive) {
        String definition = directive.getProcessDefinitionId();
        for (String view : List.of("#/dashboard", "#/processes", "#/process-definition/" + definition + "/runtime",
                "#/process-instance/" + directive.getId() + "/runtime",
                "#/process-instance/" + directive.getId() + "/runtime?detailsTab=variables-tab",
                "#/process-instance/" + directive.getId() + "/runtime?detailsTab=user-tasks-tab",
                "#/decisions", "#/repository", "#/tasks")) {
            browser.open("/camunda/app/cockpit/default/" + view);
            browser.settle();
        }
    }

    private List<String> cspViolations() {
        List<String> violations = new ArrayList<>();
        for (String line : browser.console()) {
            if (line.contains("Content Security Policy") || line.contains("Content-Security-Policy")) {
                violations.add(line);
            }
        }
        return violations;
    }

    private String number(ProcessInstance instance) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getBusinessKey();
    }

    private static void write(String name, List<String> lines) throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", name), lines);
    }
}
