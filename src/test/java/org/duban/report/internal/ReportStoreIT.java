package org.duban.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.duban.report.ReportPeriod;
import org.duban.support.DubanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Two nodes writing the same report at the same moment: one keeps it, the other's step carries on unharmed. */
@DubanIntegrationTest
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
class ReportStoreIT {

    @Autowired
    ReportStore store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aConcurrentSecondInsertIsANoOpAndLeavesItsTransactionUsable() throws Exception {
        ReportPeriod period = ReportPeriod.daily(LocalDate.parse("2026-05-12"), LocalDate.parse("2026-05-11"));
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch firstInserted = new CountDownLatch(1);

        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> tx.execute(status -> {
            boolean kept = store.insertOnce(period, "{\"node\":1}", null, "node-1");
            firstInserted.countDown();
            // hold the first node's transaction open while the second one inserts
            sleep(500);
            return kept;
        }));
        assertThat(firstInserted.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> tx.execute(status -> {
            // the first node's row is not committed yet: this node does not see it and inserts too
            boolean kept = store.insertOnce(period, "{\"node\":2}", null, "node-2");
            return kept + " " + jdbc.queryForObject("SELECT COUNT(*) FROM report WHERE period_key = '2026-05-12'",
                    Integer.class);
        }));

        assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(30, TimeUnit.SECONDS)).as("refused, and its transaction still answers").isEqualTo("false 1");
        assertThat(jdbc.queryForObject("SELECT content FROM report WHERE kind = 'daily' AND period_key = '2026-05-12'",
                String.class)).isEqualTo("{\"node\":1}");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
