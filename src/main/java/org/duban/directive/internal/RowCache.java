package org.duban.directive.internal;

import java.util.function.Supplier;

import org.duban.system.TransactionMemo;
import org.springframework.stereotype.Component;

/**
 * The directive and part rows a transaction has read, until it ends or writes. One step of a part reads the same
 * two rows many times — its listener, its delegate, each expression of the model (candidate group, due date,
 * priority, a gateway's condition), the task's brief — and each read was a query: about a quarter of all the
 * statements of a closed loop. A write through a store forgets what was read of its table (keys begin with the
 * kind of row: "directive…", "part…"), so a read after a write sees the write.
 */
@Component
class RowCache {

    private final TransactionMemo memo = new TransactionMemo();

    <T> T get(String key, Supplier<T> load) {
        return memo.get(key, load);
    }

    /** What the transaction has read and still holds under {@code key}, without reading anything. */
    <T> java.util.Optional<T> peek(String key) {
        return memo.peek(key);
    }

    /** A row the transaction has just written, as written: read again, it would be the same. */
    void remember(String key, Object row) {
        memo.put(key, row);
    }

    /** A write that changed one row forgets the lists holding it, and keeps the row as written ({@link #remember}). */
    void forgetExactly(String key) {
        memo.forgetExactly(key);
    }

    /** Called by every write of a store: what was read of its rows may have changed. */
    void forget(String kind) {
        memo.forget(kind);
    }
}
