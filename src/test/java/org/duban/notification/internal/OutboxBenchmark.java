package org.duban.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Not a test: a benchmark, run with {@code ./mvnw -Pbench test -Dtest=OutboxBenchmark} (PostgreSQL). Mails a
 * second one node sends to a local SMTP sink (GreenMail), through the outbox as it was (one SMTP
 * connection per message, one round of 50 every 2 s poll) and as it is (rounds back to back over kept
 * connections, two sender threads), in the same run and database; each mail counted once at the sink.
 * Writes {@code target/bench/outbox.txt}. Sizes: {@code -Dbench.mails.old=300 -Dbench.mails.new=3000}.
 */
@SpringBootTest(properties = {"duban.notifications.poll-interval=PT1H", "camunda.bpm.job-execution.enabled=false",
        "spring.mail.host=127.0.0.1", "logging.level.root=warn", "logging.level.org.duban=warn"})
class OutboxBenchmark {

    private static final int OLD_MAILS = Integer.getInteger("bench.mails.old", 300);
    private static final int NEW_MAILS = Integer.getInteger("bench.mails.new", 3000);
    private static final Duration POLL = Duration.ofSeconds(2);

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired
    Outbox outbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NotificationProperties properties;
    @Autowired
    MailRenderer renderer;
    @Autowired
    JavaMailSender mail;
    @Autowired
    Clock clock;

    @Test
    void mails_per_second_old_and_new() throws Exception {
        NotificationProperties settings = new NotificationProperties(properties.publicUrl(), properties.from(), 50,
                30, 3600, new QuietHours(java.time.LocalTime.MIDNIGHT, java.time.LocalTime.MIDNIGHT),
                properties.digestTime(), "bench-node", 2);
        // warm-up: JIT, pools and the SMTP sink see a few of each before anything is timed
        queue("BENCH-WARM", 100);
        new OneConnectionPerMessage(outbox, jdbc, mail, settings).sendRound();
        new OutboxSender(outbox, provider(), settings).drain();

        double old = measure("BENCH-OLD", OLD_MAILS, new OneConnectionPerMessage(outbox, jdbc, mail, settings)::sendRound);
        OutboxSender sender = new OutboxSender(outbox, provider(), settings);
        double now;
        try {
            now = measure("BENCH-NEW", NEW_MAILS, sender::drain);
        } finally {
            sender.destroy();
        }

        String report = String.format("""
                Outbox throughput, one node, PostgreSQL, local SMTP sink (GreenMail), poll every %d s, rounds of 50
                  old path (one SMTP connection per message, one round per poll):  %6.1f mails/s  (%d mails)
                  new path (rounds back to back, kept connections, %d threads):     %6.1f mails/s  (%d mails)
                  ratio new/old: %.1f×; every mail received exactly once
                """, POLL.toSeconds(), old, OLD_MAILS, settings.senderThreads(), now, NEW_MAILS, now / old);
        System.out.println(report);
        Path out = Path.of("target", "bench", "outbox.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        assertThat(now).as("mails a second on the new path").isGreaterThanOrEqualTo(50);
    }

    /** Queues {@code count} realistic messages, then lets {@code poll} run on a 2 s fixed delay until all are sent. */
    private double measure(String tag, int count, Runnable poll) throws Exception {
        queue(tag, count);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        try {
            scheduler.scheduleWithFixedDelay(poll, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM notification_outbox WHERE directive_number = ? AND status = 'SENT'",
                    Integer.class, tag) == count);
        } finally {
            scheduler.shutdownNow();
            scheduler.awaitTermination(1, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertReceivedOnce(tag, count);
        return count / seconds;
    }

    private void queue(String tag, int count) {
        MailRenderer.Mail rendered = renderer.render("DISPATCHED", tag, "推进政务服务一网通办", "请于 2026-12-31 前办结。",
                properties.publicUrl() + "/camunda/app/tasklist/");
        DeliveryRules.Plan now = new DeliveryRules.Plan(Outbox.PENDING, OffsetDateTime.now(clock));
        for (int i = 0; i < count; i++) {
            Recipient to = new Recipient("person" + (i % 200) + "@zhengzhou.gov.cn", "person" + (i % 200));
            outbox.insert(new Outbox.NewMessage("DISPATCHED", tag, "kjj", to, rendered.subject(), rendered.text(),
                    rendered.html(), null, null), now);
        }
    }

    private void assertReceivedOnce(String tag, int count) throws Exception {
        List<String> ids = jdbc.queryForList("SELECT CAST(id AS VARCHAR(20)) FROM notification_outbox WHERE directive_number = ?",
                String.class, tag);
        java.util.Set<String> ours = new java.util.HashSet<>(ids);
        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage received : smtp.getReceivedMessages()) {
            String id = received.getHeader(OutboxSender.NOTIFICATION_ID_HEADER)[0];
            if (ours.contains(id)) {
                copies.merge(id, 1, Integer::sum);
            }
        }
        assertThat(copies).hasSize(count);
        assertThat(copies.values()).allMatch(n -> n == 1);
    }

    private org.springframework.beans.factory.ObjectProvider<JavaMailSender> provider() {
        return new StaticListableBeanFactory(Map.of("mail", mail)).getBeanProvider(JavaMailSender.class);
    }

    /** The sender as it was before the throughput work, kept here as the baseline: SQL and SMTP use as then. */
    private static final class OneConnectionPerMessage {

        private final Outbox outbox;
        private final JdbcTemplate jdbc;
        private final JavaMailSender mail;
        private final NotificationProperties properties;

        OneConnectionPerMessage(Outbox outbox, JdbcTemplate jdbc, JavaMailSender mail, NotificationProperties properties) {
            this.outbox = outbox;
            this.jdbc = jdbc;
            this.mail = mail;
            this.properties = properties;
        }

        void sendRound() {
            String node = properties.nodeId();
            for (Outbox.Message message : claimOneByOne(node)) {
                if (!outbox.stillMine(message.id(), node, OutboxSender.LEASE_SECONDS)) {
                    continue;
                }
                try {
                    MimeMessage mime = mail.createMimeMessage();
                    MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
                    helper.setFrom(properties.from());
                    helper.setTo(message.recipient());
                    helper.setSubject(message.subject());
                    helper.setText(message.text(), message.html());
                    mime.setHeader(OutboxSender.NOTIFICATION_ID_HEADER, String.valueOf(message.id()));
                    mail.send(mime);
                    outbox.delivered(message, node, Outbox.SENT);
                } catch (Exception e) {
                    outbox.failed(message.id(), node, String.valueOf(e.getMessage()), 30, null);
                }
            }
        }

        /** The old claim: one conditional update and one select per row. */
        private List<Outbox.Message> claimOneByOne(String node) {
            OffsetDateTime now = OffsetDateTime.now();
            String due = "status IN ('PENDING', 'HELD') AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)";
            List<Long> candidates = jdbc.queryForList("SELECT id FROM notification_outbox WHERE " + due
                    + " ORDER BY id FETCH FIRST " + properties.batchSize() + " ROWS ONLY", Long.class, now, now);
            return candidates.stream()
                    .filter(id -> jdbc.update("UPDATE notification_outbox SET claimed_by = ?, claimed_until = ? WHERE id = ? AND "
                            + due, node, now.plusSeconds(OutboxSender.LEASE_SECONDS), id, now, now) == 1)
                    .map(id -> jdbc.queryForObject("SELECT id, kind, recipient, subject, text_body, html_body, attempts "
                            + "FROM notification_outbox WHERE id = ?", (rs, row) -> new Outbox.Message(rs.getLong(1),
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getInt(7)), id))
                    .toList();
        }
    }
}
