package org.duban.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.micrometer.core.instrument.MeterRegistry;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.duban.directive.EventType;
import org.duban.directive.EventDetails;
import org.duban.support.TimelineEvents;
import org.duban.support.Http;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When mail leaves, through a real SMTP server: quiet hours, the daily digest, one reminder a day.
 * The engine clock is set and moved by hand (frozen between moves); each test uses its own department.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.mail.host=127.0.0.1", "duban.notifications.poll-interval=PT0.2S",
        "camunda.bpm.job-execution.enabled=false"})
@Tag("database")
class NotificationDeliveryIT {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    private static final String DEADLINE = "2026-04-30";
    private static final EventDetails DEADLINE_DETAILS = new EventDetails.Signal(DEADLINE);
    private static final Duration QUIET_FOR = Duration.ofMillis(1500);

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MeterRegistry metrics;

    private final Mails mails = new Mails(smtp);

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void atNightRoutineAndOverdueMailWaitUntilSevenWhileAnEscalationGoesAtOnce() throws Exception {
        ProcessDriver.clock("2026-03-10T23:00:00+08:00");
        String number = issue("dfs");
        ProcessDriver.clock("2026-03-11T00:00:00+08:00");
        record(number, "dfs", EventType.TURNED_RED, DEADLINE_DETAILS);

        assertThat(jdbc.queryForList("SELECT next_attempt_at FROM notification_outbox WHERE directive_number = ? "
                + "AND status = 'HELD'", OffsetDateTime.class, number))
                .as("new work and red light, to the mailbox and the member, held until 07:00").hasSize(4)
                .allMatch(at -> at.isEqual(OffsetDateTime.parse("2026-03-11T07:00:00+08:00")));
        assertThat(metrics.get("duban.notifications.held").gauge().value()).isGreaterThanOrEqualTo(4);

        ProcessDriver.clock("2026-03-11T01:30:00+08:00");
        record(number, "dfs", EventType.ESCALATED, new EventDetails.Escalated(DEADLINE, "leader", null));
        await().atMost(Duration.ofSeconds(10)).until(() -> mails.to("leader@zhengzhou.gov.cn", number).size() == 1);
        assertThat(mails.subjectsTo("leader@zhengzhou.gov.cn", number)).singleElement().asString().startsWith("【升级督办】");

        ProcessDriver.clock("2026-03-11T06:59:59+08:00");
        await().during(QUIET_FOR).atMost(QUIET_FOR.plusSeconds(2)).until(() -> mails.to("dfs.staff@zhengzhou.gov.cn", number)
                .isEmpty() && mails.to("dfs@zhengzhou.gov.cn", number).isEmpty());

        ProcessDriver.clock("2026-03-11T07:00:00+08:00");
        for (String to : List.of("dfs.staff@zhengzhou.gov.cn", "dfs@zhengzhou.gov.cn")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> mails.to(to, number).size() == 2);
            assertThat(mails.subjectsTo(to, number)).as(to).satisfiesExactlyInAnyOrder(
                    s -> assertThat(s).startsWith("【督办】新的督办事项 " + number),
                    s -> assertThat(s).startsWith("【已逾期】督办事项 " + number));
        }
        assertThat(count(number, "SENT")).isEqualTo(5);
    }

    @Test
    void aWithdrawalAtNightGoesAtOnceAndCancelsWhatWasHeldForTheDirective() throws Exception {
        ProcessDriver.clock("2026-03-10T23:10:00+08:00");
        String number = issue("zdxq");
        assertThat(count(number, "HELD")).isEqualTo(2);

        ProcessDriver.clock("2026-03-10T23:30:00+08:00");
        Http.Response withdrawn = Http.basic(port, "leader", "demo")
                .post("/api/directives/" + number + "/withdrawal", "{\"reason\":\"情况已变化\"}");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> mails.to("zdxq.staff@zhengzhou.gov.cn", number).size() == 1
                && mails.to("zdxq@zhengzhou.gov.cn", number).size() == 1);
        assertThat(mails.subjectsTo("zdxq.staff@zhengzhou.gov.cn", number)).singleElement().asString()
                .startsWith("【已撤回】");
        assertThat(count(number, "CANCELLED")).as("the held dispatch mails").isEqualTo(2);

        ProcessDriver.clock("2026-03-11T07:00:00+08:00");
        await().during(QUIET_FOR).atMost(QUIET_FOR.plusSeconds(2))
                .until(() -> mails.to("zdxq.staff@zhengzhou.gov.cn", number).size() == 1);
    }

    @Test
    void aPersonOnTheDigestGetsOneMailWithEveryItemAndItsLinkAndNoSingleRoutineMails() throws Exception {
        Http kjj = Http.basic(port, "kjj", "demo");
        assertThat(kjj.put("/api/me/notification-preference", "{\"delivery\":\"digest\"}").status()).isEqualTo(200);
        try {
            ProcessDriver.clock("2026-03-11T09:00:00+08:00");
            String number = issue("kjj");
            record(number, "kjj", EventType.TURNED_YELLOW, DEADLINE_DETAILS);
            record(number, "kjj", EventType.REMINDED, DEADLINE_DETAILS);
            record(number, "kjj", EventType.TURNED_RED, DEADLINE_DETAILS);

            await().atMost(Duration.ofSeconds(10)).until(() -> mails.to("kjj@zhengzhou.gov.cn", number).size() == 4);
            await().atMost(Duration.ofSeconds(10)).until(() -> mails.to("kjj.staff@zhengzhou.gov.cn", number).size() == 1);
            assertThat(mails.subjectsTo("kjj.staff@zhengzhou.gov.cn", number)).as("overdue never waits for the digest")
                    .singleElement().asString().startsWith("【已逾期】");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE recipient = ? AND status = 'DIGEST'",
                    Integer.class, "kjj.staff@zhengzhou.gov.cn")).isEqualTo(3);

            ProcessDriver.clock("2026-03-12T07:59:00+08:00");
            await().during(QUIET_FOR).atMost(QUIET_FOR.plusSeconds(2))
                    .until(() -> mails.to("kjj.staff@zhengzhou.gov.cn", "【每日汇总】").isEmpty());

            ProcessDriver.clock("2026-03-12T08:00:00+08:00");
            await().atMost(Duration.ofSeconds(10)).until(() -> !mails.to("kjj.staff@zhengzhou.gov.cn", "【每日汇总】").isEmpty());
            await().during(QUIET_FOR).atMost(QUIET_FOR.plusSeconds(2))
                    .until(() -> mails.to("kjj.staff@zhengzhou.gov.cn", "【每日汇总】").size() == 1);
            MimeMessage digest = mails.to("kjj.staff@zhengzhou.gov.cn", "【每日汇总】").get(0);
            assertThat(digest.getSubject()).isEqualTo("【每日汇总】2026-03-12 督办通知 3 条");
            String text = Mails.text(digest);
            assertThat(text).contains("【督办】新的督办事项 " + number, "【即将到期】督办事项 " + number,
                    "【到期提醒】督办事项 " + number, "http://localhost:8080/camunda/app/tasklist/",
                    "http://localhost:8080/settings/notifications").doesNotContain("【已逾期】");
            assertThat(mails.to("kjj.staff@zhengzhou.gov.cn", number)).as("still only the red light on its own").hasSize(1);
            assertThat(jdbc.queryForList("SELECT status FROM notification_outbox WHERE recipient = ? AND digest_id IS NOT NULL",
                    String.class, "kjj.staff@zhengzhou.gov.cn")).hasSize(3).containsOnly("SENT");
        } finally {
            kjj.put("/api/me/notification-preference", "{\"delivery\":\"immediate\"}");
        }
    }

    @Test
    void theSameReminderTwiceInADayIsMailedOnceEvenConcurrentlyButAnUrgeByThePersonEveryTime() throws Exception {
        ProcessDriver.clock("2026-03-12T10:00:00+08:00");
        String number = issue("dsjj");
        record(number, "dsjj", EventType.TURNED_YELLOW, DEADLINE_DETAILS);
        record(number, "dsjj", EventType.TURNED_YELLOW, DEADLINE_DETAILS);
        recordConcurrently(number, "dsjj", EventType.REMINDED, 6);
        record(number, "dsjj", EventType.URGED, new EventDetails.Urged("manual", "请加快"));
        record(number, "dsjj", EventType.URGED, new EventDetails.Urged("manual", "请今天反馈"));
        record(number, "dsjj", EventType.URGED, new EventDetails.Urged("overdue", null));
        record(number, "dsjj", EventType.URGED, new EventDetails.Urged("overdue", null));

        String staff = "dsjj.staff@zhengzhou.gov.cn";
        await().atMost(Duration.ofSeconds(10)).until(() -> mails.to(staff, number).size() == 6);
        await().during(QUIET_FOR).atMost(QUIET_FOR.plusSeconds(2)).until(() -> mails.to(staff, number).size() == 6);
        assertThat(mails.subjectsTo(staff, number)).filteredOn(s -> s.startsWith("【即将到期】")).hasSize(1);
        assertThat(mails.subjectsTo(staff, number)).filteredOn(s -> s.startsWith("【到期提醒】")).hasSize(1);
        assertThat(mails.subjectsTo(staff, number)).as("two by the office, one automatic")
                .filteredOn(s -> s.startsWith("【催办】")).hasSize(3);
        assertThat(mails.to("dsjj@zhengzhou.gov.cn", number)).as("the mailbox likewise").hasSize(6);

        ProcessDriver.clock("2026-03-13T10:00:00+08:00");
        record(number, "dsjj", EventType.TURNED_YELLOW, DEADLINE_DETAILS);
        await().atMost(Duration.ofSeconds(10)).until(() -> mails.subjectsTo(staff, number).stream()
                .filter(s -> s.startsWith("【即将到期】")).count() == 2);
    }

    private String issue(String department) {
        ProcessInstance directive = new ProcessDriver(engine).issue("leader", department, "", DEADLINE, "none");
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(directive.getId())
                .singleResult().getBusinessKey();
    }

    /** As a supervision delegate does: the event enters the timeline in a transaction of its own. */
    private void record(String number, String department, EventType type, EventDetails details) {
        new TimelineEvents(context).record(number, department, type, null, details);
    }

    private void recordConcurrently(String number, String department, EventType type, int times) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    record(number, department, type, DEADLINE_DETAILS);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private int count(String number, String status) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE directive_number = ? AND status = ?",
                Integer.class, number, status);
    }
}
