package org.duban.system;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values a transaction has looked up, kept until it ends or its owner forgets them: one step of a process asks
 * for the same rows many times (its listener, its delegate, each expression of the model), and each ask was a
 * query. Nothing is kept across transactions, so nothing goes stale between steps or nodes; outside a
 * transaction nothing is kept at all. Each owner has its own memo.
 */
public final class TransactionMemo {

    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> load) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return load.get();
        }
        Map<String, Object> values = values();
        if (values.containsKey(key)) {
            return (T) values.get(key);
        }
        T value = load.get();
        values.put(key, value);
        return value;
    }

    /**
     * The values of several keys, in their order: those not kept yet are looked up together ({@code load} answers
     * the value of each key it is given; a key it leaves out is kept as null).
     */
    @SuppressWarnings("unchecked")
    public <T> Map<String, T> getAll(Collection<String> keys, Function<List<String>, Map<String, T>> load) {
        List<String> distinct = keys.stream().distinct().toList();
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return distinct.isEmpty() ? Map.of() : load.apply(distinct);
        }
        Map<String, Object> values = values();
        List<String> missing = distinct.stream().filter(key -> !values.containsKey(key)).toList();
        if (!missing.isEmpty()) {
            Map<String, T> loaded = load.apply(missing);
            missing.forEach(key -> values.put(key, loaded.get(key)));
        }
        Map<String, T> all = new LinkedHashMap<>();
        distinct.forEach(key -> all.put(key, (T) values.get(key)));
        return all;
    }

    /** The value kept under {@code key}, if this transaction looked it up and kept it; nothing is looked up. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> peek(String key) {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.getResource(this) instanceof Map<?, ?> values) {
            return Optional.ofNullable((T) values.get(key));
        }
        return Optional.empty();
    }

    /** Keeps a value the transaction knows without looking it up (a row it has just written). */
    public void put(String key, Object value) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            values().put(key, value);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> values() {
        Map<String, Object> values = (Map<String, Object>) TransactionSynchronizationManager.getResource(this);
        if (values == null) {
            Map<String, Object> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TransactionMemo.this);
                }
            });
            values = fresh;
        }
        return values;
    }

    /** Forgets the one value kept under {@code key}. */
    public void forgetExactly(String key) {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.getResource(this) instanceof Map<?, ?> values) {
            values.remove(key);
        }
    }

    /** Forgets what this transaction looked up (after a write that may have changed it). */
    public void forget() {
        forget("");
    }

    /** Forgets what this transaction looked up under keys beginning with {@code prefix}. */
    public void forget(String prefix) {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.getResource(this) instanceof Map<?, ?> values) {
            values.keySet().removeIf(key -> ((String) key).startsWith(prefix));
        }
    }
}
