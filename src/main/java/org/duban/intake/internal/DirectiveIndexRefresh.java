package org.duban.intake.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.duban.directive.DirectiveEvent;
import org.duban.directive.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps this node's index current. Built from the database at start-up. Every timeline entry of the directive
 * module is published as a {@link DirectiveEvent}: after the transaction of one that changes what the index holds
 * ({@link IndexedFacts}: issued, dispatched, reassigned, withdrawn, closed ...) commits, the directive is read again,
 * so its text, status and units are current at once on the node that handled the step. Other nodes' steps are not
 * heard here, so every node also reads, on a short schedule, the directives issued since its last read less a clock
 * skew (new directives anywhere appear within the interval; no event of the directive module is published across
 * nodes, and a shared search service is more than this needs), and rebuilds the whole index on a longer one (status
 * changes made on other nodes, within the hour by default).
 */
@Configuration
public class DirectiveIndexRefresh {

    private static final Logger log = LoggerFactory.getLogger(DirectiveIndexRefresh.class);

    private final DirectiveRows rows;
    private final DirectiveIndex index = new DirectiveIndex();
    private final java.time.Clock clock;
    private final java.time.Duration clockSkew;
    /** When this node last read new directives, by its own clock (the directive's issued_at uses the same Clock). */
    private volatile OffsetDateTime lastRead;
    private volatile boolean built;

    DirectiveIndexRefresh(DirectiveRows rows, java.time.Clock clock,
            @org.springframework.beans.factory.annotation.Value("${duban.intake.clock-skew:2m}") java.time.Duration clockSkew) {
        this.rows = rows;
        this.clock = clock;
        this.clockSkew = clockSkew;
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
        OffsetDateTime reading = OffsetDateTime.now(clock);
        DirectiveRows.Batch all = rows.issuedAfter(null);
        index.clear();
        index.upsert(all.directives());
        lastRead = reading;
        built = true;
        log.info("Intake index: {} directives in {} ms", all.directives().size(), (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Notes the directive, and reads it again once the step's transaction has committed: once per directive however
     * many events the step published (a dispatch to 2,000 units publishes 2,000). Never fails the step: a directive
     * missed here is read by the next scheduled refresh.
     */
    @EventListener
    void on(DirectiveEvent event) {
        if (!built || !IndexedFacts.changedBy(event.type())) {
            return;
        }
        if (event.type() == EventType.DISPATCHED && index.holdsDispatched(event.number())) {
            // a later batch of a large directive's delivery: the first went out with the status, and the units were
            // all known at issue (a directive to 1,173 units read its 1,173 units again after each of 25 batches)
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            reindex(Set.of(event.number()));
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> pending = (Set<String>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Set<String> numbers = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(this, numbers);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(DirectiveIndexRefresh.this);
                    if (status == STATUS_COMMITTED) {
                        reindex(numbers);
                    }
                }
            });
            pending = numbers;
        }
        pending.add(event.number());
    }

    private void reindex(Set<String> numbers) {
        try {
            List<IndexedDirective> read = new ArrayList<>();
            numbers.forEach(number -> read.addAll(rows.one(number)));
            index.upsert(read);
        } catch (RuntimeException e) {
            log.warn("Intake index: could not read {} again ({}); the scheduled refresh will", numbers, e.toString());
        }
    }

    @Scheduled(fixedDelayString = "${duban.intake.refresh-interval:30s}", initialDelayString = "${duban.intake.refresh-interval:30s}")
    synchronized void readNewDirectives() {
        if (!built) {
            return;
        }
        // from a little before the last read: another node's clock may be behind, and a directive committed just
        // after that read may carry an earlier issued_at (re-reading one is harmless)
        OffsetDateTime reading = OffsetDateTime.now(clock);
        DirectiveRows.Batch batch = rows.issuedAfter(lastRead.minus(clockSkew));
        if (!batch.directives().isEmpty()) {
            index.upsert(batch.directives());
        }
        lastRead = reading;
    }

    /** Every directive again, replacing each in place: searches never see a half-built index. */
    @Scheduled(fixedDelayString = "${duban.intake.rebuild-interval:1h}", initialDelayString = "${duban.intake.rebuild-interval:1h}")
    public synchronized void rebuild() {
        if (!built) {
            return;
        }
        OffsetDateTime reading = OffsetDateTime.now(clock);
        DirectiveRows.Batch all = rows.issuedAfter(null);
        index.upsert(all.directives());
        lastRead = reading;
    }
}
