package org.duban.intake.internal;

import java.time.OffsetDateTime;

import org.duban.directive.DirectiveEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps this node's index current. Built from the database at start-up. Every timeline entry of the directive
 * module is published as a {@link DirectiveEvent} (issued, dispatched, withdrawn, closed ...): after its
 * transaction commits the directive is read again, so its text, status and units are current at once on the node
 * that handled the step. Other nodes' steps are not heard here, so every node also reads, on a short schedule, the
 * directives issued after the latest it has seen (new directives anywhere appear within the interval), and rebuilds
 * the whole index on a longer one (status changes made on other nodes).
 */
@Configuration
class DirectiveIndexRefresh {

    private static final Logger log = LoggerFactory.getLogger(DirectiveIndexRefresh.class);

    private final DirectiveRows rows;
    private final DirectiveIndex index = new DirectiveIndex();
    private volatile OffsetDateTime latestSeen;
    private volatile boolean built;

    DirectiveIndexRefresh(DirectiveRows rows) {
        this.rows = rows;
    }

    @Bean(destroyMethod = "close")
    DirectiveIndex directiveIndex() {
        return index;
    }

    @Bean
    Similarity similarity() {
        return new Similarity(index);
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void build() {
        long start = System.nanoTime();
        DirectiveRows.Batch all = rows.issuedAfter(null);
        index.clear();
        index.upsert(all.directives());
        latestSeen = all.latestIssue();
        built = true;
        log.info("Intake index: {} directives in {} ms", all.directives().size(), (System.nanoTime() - start) / 1_000_000);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(DirectiveEvent event) {
        if (built) {
            index.upsert(rows.one(event.number()));
        }
    }

    @Scheduled(fixedDelayString = "${duban.intake.refresh-interval:30s}", initialDelayString = "${duban.intake.refresh-interval:30s}")
    synchronized void readNewDirectives() {
        if (!built) {
            return;
        }
        DirectiveRows.Batch batch = rows.issuedAfter(latestSeen);
        if (!batch.directives().isEmpty()) {
            index.upsert(batch.directives());
            latestSeen = batch.latestIssue();
        }
    }

    @Scheduled(fixedDelayString = "${duban.intake.rebuild-interval:15m}", initialDelayString = "${duban.intake.rebuild-interval:15m}")
    void rebuild() {
        build();
    }
}
