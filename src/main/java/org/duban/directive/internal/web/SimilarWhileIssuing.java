package org.duban.directive.internal.web;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.duban.directive.SimilarDirective;
import org.duban.directive.SimilarDirectives;
import org.duban.system.CurrentUser;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The answer to {@code POST /api/directives} lists the directives the new one may repeat (自动查重). The search reads
 * only the request's text, not the directive being issued (which it leaves out of the answer), so it runs beside the
 * issuing transaction instead of after it: looked for after the issue, it took as long as issuing itself (a search
 * of the index with its reopen after the issue's own write; a JFR profile of the closed-loop benchmark), and on two
 * cores the answer now waits for the longer of the two. When both of its threads are busy the request thread
 * searches first itself. The duplicates are advice: a search that fails leaves the list empty, never the issue.
 */
@lombok.extern.slf4j.Slf4j
@Component
class SimilarWhileIssuing implements DisposableBean {

    private final ObjectProvider<SimilarDirectives> similar;
    private final ThreadPoolExecutor searches = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(8), task -> {
                Thread thread = new Thread(task, "similar-while-issuing");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.CallerRunsPolicy());

    SimilarWhileIssuing(ObjectProvider<SimilarDirectives> similar) {
        this.similar = similar;
    }

    /** The search for the request's text, started now. */
    CompletableFuture<List<SimilarDirective>> start(String title, String instruction, CurrentUser user) {
        SimilarDirectives finder = similar.getIfAvailable();
        if (finder == null || title == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        return CompletableFuture.supplyAsync(() -> finder.similarTo(title, instruction, user, null), searches);
    }

    /** What it found, less the directive issued (the index may hold it already) and the one it follows up. */
    List<SimilarDirective> found(CompletableFuture<List<SimilarDirective>> search, String issued, String followUpOf) {
        try {
            return search.join().stream().filter(m -> !m.number().equals(issued) && !m.number().equals(followUpOf))
                    .toList();
        } catch (RuntimeException e) {
            log.warn("Similar directives of {} not looked up ({}): answered without them", issued, e.toString());
            return List.of();
        }
    }

    @Override
    public void destroy() {
        searches.shutdownNow();
    }
}
