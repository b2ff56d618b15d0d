package org.duban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.camunda.bpm.engine.ProcessEngine;
import org.duban.support.CurrentEngineListener;
import org.duban.support.Http;
import org.duban.support.Nodes;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes on one database, no sticky routing: a person logs in on node A and goes on working on
 * node B with the same cookie, on our pages, {@code /api} and in Tasklist through the webapps' API,
 * including the webapps' own CSRF token and authentication kept in the session by A; logging out on B
 * ends the login on A too. Runs on H2 (one in-memory database shared by both nodes in this JVM) and on
 * PostgreSQL.
 */
@Tag("database")
class SharedSessionIT {

    private static final String[] QUIET = {"duban.notifications.poll-interval=PT1H",
            "camunda.bpm.job-execution.enabled=false", "logging.level.org.duban=warn"};

    @Test
    void aLoginOnOneNodeWorksOnTheOther() {
        try (Nodes nodes = Nodes.onFreshDatabase("sessions")) {
            ConfigurableApplicationContext a = nodes.start("node-a", QUIET);
            ConfigurableApplicationContext b = nodes.start("node-b", QUIET);
            int portA = Nodes.port(a);
            int portB = Nodes.port(b);
            String number = issueTo("kjj", a);
            // both engines are called "default" and Camunda's webapps find theirs in a static registry: in one JVM
            // both nodes' webapps use the engine registered last, which works on the same database all the same
            CurrentEngineListener.register(a.getBean(ProcessEngine.class));

            Http onA = Http.loggedIn(portA, "kjj", "demo");
            assertThat(onA.cookie("DUBAN_SESSION")).as("our cookie name, now Spring Session's").isNotNull();
            // the webapps authenticate the person on A and keep that, with their CSRF token, in the session
            assertThat(onA.get("/camunda/app/tasklist/default/").status()).isEqualTo(200);
            assertThat(onA.get("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"kjj\"");
            String webappsCsrf = onA.cookie("XSRF-TOKEN");
            assertThat(webappsCsrf).isNotNull();
            String pagesCsrf = onA.get("/settings/notifications").body()
                    .replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");

            Http onB = onA.at(portB);
            // our pages and API
            Http.Response home = onB.get("/");
            assertThat(home.status()).isEqualTo(200);
            assertThat(home.body()).contains("夏科技");
            assertThat(onB.get("/api/directives/" + number).status()).isEqualTo(200);
            assertThat(onB.postForm("/settings/notifications", "delivery=digest&_csrf=" + pagesCsrf).header("Location"))
                    .endsWith("/settings/notifications?saved");
            assertThat(new JdbcTemplate(a.getBean(javax.sql.DataSource.class)).queryForObject(
                    "SELECT delivery FROM notification_preference WHERE person_id = 'kjj'", String.class)).isEqualTo("digest");

            // Tasklist through the webapps' API: a write checked against the CSRF token A put in the session
            assertThat(onB.get("/camunda/app/tasklist/default/").status()).isEqualTo(200);
            Http.Response tasks = onB.get("/camunda/api/engine/engine/default/task?processInstanceBusinessKey=" + number);
            assertThat(tasks.status()).isEqualTo(200);
            String taskId = tasks.body().replaceAll("(?s)^\\[\\{\"id\":\"([^\"]+)\".*", "$1");
            Http.Response claim = onB.postWithHeader("/camunda/api/engine/engine/default/task/" + taskId + "/claim",
                    "{\"userId\":\"kjj\"}", "X-XSRF-TOKEN", webappsCsrf);
            assertThat(claim.status()).as(claim.body()).isEqualTo(204);
            assertThat(b.getBean(ProcessEngine.class).getTaskService().createTaskQuery().taskId(taskId).singleResult()
                    .getAssignee()).isEqualTo("kjj");

            // without the cookie node B knows nobody; after logging out on B, A does not know the person either
            assertThat(Http.anonymous(portB).get("/").redirectsToLogin()).isTrue();
            onB.postForm("/logout", "_csrf=" + pagesCsrf);
            assertThat(onA.get("/").redirectsToLogin()).isTrue();
        }
    }

    private static String issueTo(String department, ConfigurableApplicationContext node) {
        ProcessEngine engine = node.getBean(ProcessEngine.class);
        String deadline = LocalDate.now().plusMonths(2).toString();
        String instance = new ProcessDriver(engine).issue("leader", department, "", deadline, "none").getId();
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
                .getBusinessKey();
    }
}
