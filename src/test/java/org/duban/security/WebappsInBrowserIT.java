package org.duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.duban.calendar.WorkCalendar;
import org.duban.directive.DirectiveVariables;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist and Cockpit driven in a real headless Chromium as each role, every request they make recorded: the engine
 * API guard must let through what the webapps need (no refusal while a person uses them), and the webapps must load
 * under their Content-Security-Policy. The record is written to {@code target/webapp-requests.txt}.
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
        browser.close();
    }

    @Test
    void everyRoleUsesTasklistAndCockpit() throws IOException {
        ProcessInstance toSign = driver.issue("leader", "kjj", "zdxq", deadline, "weekly");
        ProcessInstance toHandle = driver.issue("leader", "kjj", "", deadline, "none");
        driver.sign("kjj", driver.departmentWork(number(toHandle), "kjj"));
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
        driver.issue("supervisor", "kjj", "", deadline, "none");

        for (String user : List.of("kjj", "leader", "supervisor", "auditor")) {
            browser.logIn(user);
            tasklist(user);
            if (!user.equals("kjj")) {
                cockpit(toSign);
            }
            browser.open("/camunda/app/welcome/default/");
            browser.settle();
        }

        List<RecordingBrowser.Exchange> api = browser.exchanges().stream()
                .filter(e -> e.path().startsWith("/camunda/api/") || e.path().startsWith("/engine-rest/")).toList();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "webapp-requests.txt"), api.stream()
                .map(e -> e.role() + " " + e.status() + " " + e.method() + " " + e.url().replaceFirst("^https?://[^/]+", "")
                        + (e.body() == null ? "" : "  " + e.body().replace('\n', ' ')))
                .collect(Collectors.toList()));
        Files.write(Path.of("target", "webapp-console.txt"), browser.console());
        assertThat(api).isNotEmpty();
    }

    private void tasklist(String user) {
        browser.open("/camunda/app/tasklist/default/");
        browser.settle();
        List<String> filters = engine.getFilterService().createFilterQuery().list().stream().map(f -> f.getId()).toList();
        for (String filter : filters) {
            browser.open("/camunda/app/tasklist/default/#/?filter=" + filter);
            browser.settle();
        }
        List<Task> visible = driver.as(user, () -> engine.getTaskService().createTaskQuery().list());
        for (Task task : visible) {
            for (String tab : List.of("form", "history", "diagram", "description")) {
                browser.open("/camunda/app/tasklist/default/#/?task=" + task.getId() + "&detailsTab=" + tab);
                browser.settle();
            }
        }
    }

    private void cockpit(ProcessInstance directive) {
        String definition = directive.getProcessDefinitionId();
        ProcessInstance work = driver.departmentWork(number(directive), "kjj");
        for (String view : List.of("#/dashboard", "#/processes", "#/process-definition/" + definition + "/runtime",
                "#/process-instance/" + directive.getId() + "/runtime",
                "#/process-instance/" + directive.getId() + "/runtime?detailsTab=variables-tab",
                "#/process-instance/" + directive.getId() + "/runtime?detailsTab=called-process-instances-tab",
                "#/process-instance/" + work.getId() + "/runtime?detailsTab=user-tasks-tab",
                "#/process-instance/" + work.getId() + "/runtime?detailsTab=incidents-tab",
                "#/process-instance/" + work.getId() + "/runtime?detailsTab=job-definitions-tab",
                "#/decisions", "#/repository", "#/tasks", "#/batch")) {
            browser.open("/camunda/app/cockpit/default/" + view);
            browser.settle();
        }
    }

    private String number(ProcessInstance instance) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getBusinessKey();
    }
}
