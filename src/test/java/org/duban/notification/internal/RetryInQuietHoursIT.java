package org.duban.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.support.ProcessDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** A mail whose first attempt fails just before quiet hours is not retried in the middle of the night. */
@SpringBootTest(properties = {"duban.notifications.poll-interval=PT1H", "camunda.bpm.job-execution.enabled=false"})
@Tag("database")
class RetryInQuietHoursIT {

    @Autowired
    Outbox outbox;
    @Autowired
    NotificationProperties properties;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void routineMailWaitsForTheMorningWhileAnEscalationIsRetriedAtNight() {
        ProcessDriver.clock("2026-03-10T21:59:50+08:00");
        OffsetDateTime now = OffsetDateTime.parse("2026-03-10T21:59:50+08:00");
        DeliveryRules.Plan due = new DeliveryRules.Plan(Outbox.PENDING, now);
        long routine = outbox.insert(message("DISPATCHED"), due);
        long critical = outbox.insert(message("ESCALATED"), due);

        new OutboxSender(outbox, new StaticListableBeanFactory(Map.of("mail", failing())).getBeanProvider(JavaMailSender.class),
                properties).sendDue();

        // the first retry would come 30 s later, at 22:00:20
        assertThat(nextAttempt(routine)).isEqualTo(OffsetDateTime.parse("2026-03-11T07:00:00+08:00").toInstant());
        assertThat(nextAttempt(critical)).isEqualTo(OffsetDateTime.parse("2026-03-10T22:00:20+08:00").toInstant());
    }

    private static Outbox.NewMessage message(String kind) {
        return new Outbox.NewMessage(kind, "DB-RETRY-NIGHT", "kjj", Recipient.mailbox("kjj@zhengzhou.gov.cn"), "【督办】重试",
                "正文", "<p>正文</p>", null, null);
    }

    private java.time.Instant nextAttempt(long id) {
        return jdbc.queryForObject("SELECT next_attempt_at FROM notification_outbox WHERE id = ?", OffsetDateTime.class, id)
                .toInstant();
    }

    private static JavaMailSender failing() {
        return new JavaMailSenderImpl() {
            @Override
            public void send(jakarta.mail.internet.MimeMessage... messages) {
                throw new MailSendException("SMTP 服务器不可用");
            }
        };
    }
}
