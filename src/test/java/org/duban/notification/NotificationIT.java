package org.duban.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.micrometer.core.instrument.MeterRegistry;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.directive.DirectiveVariables;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Mail through a real SMTP server in the JVM: the right people get it, and nothing is lost while SMTP is down. */
@SpringBootTest(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3025",
        "duban.notifications.poll-interval=PT0.3S", "duban.notifications.first-retry-seconds=1",
        "duban.notifications.max-backoff-seconds=2", "camunda.bpm.job-execution.enabled=false"})
@Tag("database")
class NotificationIT {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry metrics;

    @BeforeEach
    void duringOfficeHours() {
        ProcessDriver.officeHoursToday();
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void eachStepReachesItsPeople() throws Exception {
        ProcessDriver driver = new ProcessDriver(engine);
        // a draft refused by the leader: the drafter hears of it
        ProcessInstance draft = driver.issue("supervisor", "kjj", "", later(), "none");
        String draftNumber = number(draft);
        driver.complete("leader", draft, Map.of(DirectiveVariables.APPROVED, false,
                DirectiveVariables.APPROVAL_COMMENT, "不属于本级督办范围"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !to("supervisor@zhengzhou.gov.cn", draftNumber).isEmpty());
        assertThat(to("supervisor@zhengzhou.gov.cn", draftNumber)).extracting(MimeMessage::getSubject)
                .singleElement().asString().startsWith("【未同意交办】");
        assertThat(to("kjj.staff@zhengzhou.gov.cn", draftNumber)).as("never dispatched").isEmpty();

        // extension asked for, approved, asked again, refused; a sign urge
        String number = number(driver.issue("leader", "zdxq", "", later(), "none"));
        ProcessInstance work = driver.departmentWork(number, "zdxq");
        // its signing deadline has just passed when the part's clock fires
        jdbc.update("UPDATE directive_department SET sign_due_at = ? WHERE directive_number = ? AND department = 'zdxq'",
                java.sql.Timestamp.from(ClockUtil.getCurrentTime().toInstant().minusSeconds(60)), number);
        driver.fire(driver.timer(work, "Timer_Supervision"));
        driver.sign("zdxq", work);
        LocalDate deadline = LocalDate.parse(later());
        driver.complete("zdxq", work, Map.of(DirectiveVariables.OUTCOME, DirectiveVariables.OUTCOME_EXTEND,
                DirectiveVariables.REQUESTED_DEADLINE, deadline.plusDays(7).toString(),
                DirectiveVariables.EXTENSION_REASON, "需协调省级部门"));
        driver.complete("supervisor", work, Map.of(DirectiveVariables.EXTENSION_APPROVED, true,
                DirectiveVariables.DECISION_COMMENT, "同意"));
        driver.complete("zdxq", work, Map.of(DirectiveVariables.OUTCOME, DirectiveVariables.OUTCOME_EXTEND,
                DirectiveVariables.REQUESTED_DEADLINE, deadline.plusDays(14).toString(),
                DirectiveVariables.EXTENSION_REASON, "仍需协调"));
        driver.complete("supervisor", work, Map.of(DirectiveVariables.EXTENSION_APPROVED, false,
                DirectiveVariables.DECISION_COMMENT, "请按期完成"));

        await().atMost(Duration.ofSeconds(20)).until(() -> to("zdxq.staff@zhengzhou.gov.cn", number).size() >= 4
                && to("supervisor@zhengzhou.gov.cn", number).size() >= 2);
        assertThat(to("zdxq.staff@zhengzhou.gov.cn", number)).extracting(MimeMessage::getSubject)
                .map(subject -> subject.substring(0, subject.indexOf('】') + 1))
                .containsExactlyInAnyOrder("【督办】", "【催办】", "【延期已同意】", "【延期未同意】");
        assertThat(to("zdxq@zhengzhou.gov.cn", number)).as("the department mailbox too").hasSize(4);
        assertThat(to("supervisor@zhengzhou.gov.cn", number)).extracting(MimeMessage::getSubject)
                .map(subject -> subject.substring(0, subject.indexOf('】') + 1))
                .containsExactly("【待审批延期】", "【待审批延期】");
        assertThat(to("leader@zhengzhou.gov.cn", number)).as("nothing for the leader yet").isEmpty();
        MimeMessage refused = to("zdxq.staff@zhengzhou.gov.cn", number).stream()
                .filter(mail -> subject(mail).startsWith("【延期未同意】")).findFirst().orElseThrow();
        assertThat(Mails.text(refused)).as("the decision comment").contains("请按期完成");
    }

    @Test
    void theDepartmentsHearOfTheirNewWorkInChinese() throws Exception {
        ProcessDriver driver = new ProcessDriver(engine);
        String number = number(driver.issue("leader", "kjj", "zdxq", later(), "none"));

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox "
                + "WHERE directive_number = ? AND status = 'PENDING'", Integer.class, number) == 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> received(number).size() == jdbc.queryForObject(
                "SELECT COUNT(*) FROM notification_outbox WHERE directive_number = ?", Integer.class, number));
        MimeMessage mail = to("kjj.staff@zhengzhou.gov.cn", number).get(0);
        assertThat(mail.getSubject()).startsWith("【督办】新的督办事项 " + number);
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("text/plain").contains("text/html");
        assertThat(to("kjj@zhengzhou.gov.cn", number)).as("the department mailbox").hasSize(1);
        assertThat(to("zdxq.staff@zhengzhou.gov.cn", number)).as("the co-department").hasSize(1);
        assertThat(to("dfs.staff@zhengzhou.gov.cn", number)).as("not involved").isEmpty();
    }

    @Test
    void whileSmtpIsDownTheDirectiveStillClosesAndEveryMailArrivesExactlyOnceAfterwards() throws Exception {
        smtp.stop();
        ProcessDriver driver = new ProcessDriver(engine);
        String number = number(driver.issue("leader", "dfs", "", later(), "none"));
        ProcessInstance work = driver.departmentWork(number, "dfs");
        driver.sign("dfs", work);
        driver.submit("dfs", work);
        driver.returnForRework(work);
        driver.submit("dfs", work);
        driver.accept(work, 5);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CLOSED".equals(
                jdbc.queryForObject("SELECT status FROM directive WHERE number = ?", String.class, number)));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM notification_outbox WHERE directive_number = ? AND last_error IS NOT NULL",
                Integer.class, number) > 0);
        int queued = jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE directive_number = ?",
                Integer.class, number);
        assertThat(queued).as("dispatch, submissions, return, score").isGreaterThanOrEqualTo(8);
        assertThat(metrics.get("duban.notifications.pending").gauge().value()).isGreaterThanOrEqualTo(queued);
        assertThat(metrics.get("duban.notifications.failing").gauge().value()).isPositive();

        smtp.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM notification_outbox WHERE directive_number = ? AND status = 'SENT'",
                Integer.class, number) == queued);
        await().atMost(Duration.ofSeconds(10)).until(() -> received(number).size() == queued);
        Set<String> delivered = new HashSet<>();
        for (MimeMessage mail : received(number)) {
            assertThat(delivered.add(mail.getHeader("X-Duban-Notification")[0])).as("each message once").isTrue();
        }
        assertThat(delivered).containsExactlyInAnyOrderElementsOf(jdbc.queryForList(
                "SELECT CAST(id AS VARCHAR(20)) FROM notification_outbox WHERE directive_number = ?", String.class, number));
        assertThat(received(number)).extracting(MimeMessage::getSubject)
                .anyMatch(s -> s.startsWith("【退回重办】")).anyMatch(s -> s.startsWith("【已办结】"))
                .anyMatch(s -> s.startsWith("【待审核】"));
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<MimeMessage> received(String number) throws Exception {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            if (mail.getSubject().contains(number)) {
                mails.add(mail);
            }
        }
        return mails;
    }

    private List<MimeMessage> to(String address, String number) throws Exception {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage mail : received(number)) {
            if (mail.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
                mails.add(mail);
            }
        }
        return mails;
    }

    private String number(ProcessInstance directive) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(directive.getId())
                .singleResult().getBusinessKey();
    }

    private static String later() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString();
    }
}
