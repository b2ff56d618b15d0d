package org.duban.dashboard.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Asks the overview's figures side by side: each is one read of its own (no transaction spans them), so the page
 * waits for the slowest rather than for their sum. A few threads for every request together
 * ({@code duban.dashboard.parallel-reads}, 3): a burst of overviews queues here instead of taking every connection
 * of the pool.
 */
@Component
class SideBySide {

    private final ExecutorService readers;

    SideBySide(@Value("${duban.dashboard.parallel-reads:3}") int threads) {
        AtomicInteger number = new AtomicInteger();
        readers = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, "overview-read-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    <T> CompletableFuture<T> ask(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, readers);
    }

    /** The answer, or the read's own exception (not wrapped). */
    static <T> T answer(CompletableFuture<T> asked) {
        try {
            return asked.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @PreDestroy
    void close() {
        readers.shutdownNow();
    }
}
