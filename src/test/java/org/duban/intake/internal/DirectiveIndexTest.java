package org.duban.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.lucene.search.IndexSearcher;
import org.duban.directive.DirectiveStatus;
import org.junit.jupiter.api.Test;

/** Every search sees every directive written before it, however many searches start at the same moment. */
class DirectiveIndexTest {

    @Test
    void searchesStartedTogetherAfterAWriteAllSeeIt() throws Exception {
        ExecutorService searchers = Executors.newFixedThreadPool(3);
        try (DirectiveIndex index = new DirectiveIndex()) {
            for (int written = 1; written <= 150; written++) {
                index.upsert(List.of(new IndexedDirective(String.format("DB-2026-%04d", written), "背街小巷环境整治" + written,
                        "对背街小巷开展集中整治。", "cgj", DirectiveStatus.IN_PROGRESS, LocalDate.of(2026, 12, 1),
                        Set.of("cgj"), true)));
                CyclicBarrier together = new CyclicBarrier(3);
                List<Future<Integer>> seen = new ArrayList<>();
                for (int s = 0; s < 3; s++) {
                    seen.add(searchers.submit(() -> {
                        together.await();
                        IndexSearcher searcher = index.acquire();
                        try {
                            return searcher.getIndexReader().numDocs();
                        } finally {
                            index.release(searcher);
                        }
                    }));
                }
                for (Future<Integer> one : seen) {
                    assertThat(one.get()).as("directives seen by a search after write %d", written).isEqualTo(written);
                }
            }
        } finally {
            searchers.shutdownNow();
        }
    }
}
