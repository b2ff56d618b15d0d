package org.duban.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
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
import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Two nodes on one database drain one outbox at the same time, each with its own connection pool,
 * node id and SMTP client, two sending threads each: every message arrives exactly once. Runs on H2
 * and, in the {@code database} execution, on PostgreSQL. The application's own sender is idle here
 * (no SMTP configured, polling hourly), so only the two nodes send.
 */
@SpringBootTest(properties = {"duban.notifications.poll-interval=PT1H", "camunda.bpm.job-execution.enabled=false"})
@Tag("database")
class TwoNodeSendingIT {

    private static final int MESSAGES = 240;

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    Environment environment;
    @Autowired
    NotificationProperties properties;
    @Autowired
    Clock clock;

    record Node(String id, HikariDataSource pool, Outbox outbox, OutboxSender sender) {}

    @Test
    void everyMessageArrivesExactlyOnceAndBothNodesSend() throws Exception {
        Node a = node("node-a");
        Node b = node("node-b");
        try {
            List<Long> ids = new ArrayList<>();
            DeliveryRules.Plan now = new DeliveryRules.Plan(Outbox.PENDING, OffsetDateTime.now(clock));
            for (int i = 0; i < MESSAGES; i++) {
                Recipient to = new Recipient("person" + (i % 12) + "@zhengzhou.gov.cn", "person" + (i % 12));
                ids.add(a.outbox().insert(new Outbox.NewMessage("DISPATCHED", "DB-TWO-NODES", "kjj", to,
                        "【督办】双节点测试 " + i, "正文 " + i, "<p>正文 " + i + "</p>", null, null), now));
            }

            drainConcurrently(List.of(a, b, a, b));

            // the context may have queued mail of its own (the day's report); only this test's messages count
            List<String> ours = ids.stream().map(String::valueOf).toList();
            await().atMost(Duration.ofSeconds(20)).until(() -> copies(ours).values().stream().mapToInt(n -> n).sum() >= MESSAGES);
            Map<String, Integer> copies = copies(ours);
            assertThat(copies.values().stream().mapToInt(n -> n).sum()).isEqualTo(MESSAGES);
            assertThat(copies).as("one copy of each").allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
            assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(ours);

            JdbcTemplate jdbc = new JdbcTemplate(a.pool());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE status = 'SENT' AND attempts = 1 "
                    + "AND directive_number = 'DB-TWO-NODES'", Integer.class)).isEqualTo(MESSAGES);
            Map<String, Integer> byNode = new HashMap<>();
            jdbc.query("SELECT claimed_by, COUNT(*) FROM notification_outbox WHERE directive_number = 'DB-TWO-NODES' "
                    + "GROUP BY claimed_by",
                    rs -> { byNode.put(rs.getString(1), rs.getInt(2)); });
            assertThat(byNode.keySet()).as("both nodes took part").containsExactlyInAnyOrder("node-a", "node-b");
        } finally {
            a.pool().close();
            b.pool().close();
        }
    }

    /** Copies received of each of these outbox messages, by the id the sender stamps on every mail. */
    private static Map<String, Integer> copies(List<String> ids) throws Exception {
        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            String id = mail.getHeader(OutboxSender.NOTIFICATION_ID_HEADER)[0];
            if (ids.contains(id)) {
                copies.merge(id, 1, Integer::sum);
            }
        }
        return copies;
    }

    /** One thread per entry, all starting together, each sending rounds until nothing is due. */
    private static void drainConcurrently(List<Node> threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (Node node : threads) {
                JdbcTemplate jdbc = new JdbcTemplate(node.pool());
                done.add(pool.submit(() -> {
                    start.await();
                    while (jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE status = 'PENDING'",
                            Integer.class) > 0) {
                        node.sender().sendDue();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Node node(String id) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(environment.getRequiredProperty("spring.datasource.url"));
        pool.setUsername(environment.getProperty("spring.datasource.username"));
        pool.setPassword(environment.getProperty("spring.datasource.password"));
        pool.setMaximumPoolSize(4);
        pool.setPoolName(id);
        Outbox outbox = new Outbox(new JdbcTemplate(pool), new JdbcTransactionManager(pool), clock);
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(smtp.getSmtp().getPort());
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mail", mail));
        NotificationProperties small = new NotificationProperties(properties.publicUrl(), properties.from(), 7, 1, 2,
                properties.quietHours(), properties.digestTime(), id);
        return new Node(id, pool, outbox, new OutboxSender(outbox, beans.getBeanProvider(JavaMailSender.class), small));
    }
}
