package org.duban.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Several keys looked up together: within a transaction only those not asked yet, each once. */
class TransactionMemoTest {

    private final TransactionMemo memo = new TransactionMemo();
    private final List<List<String>> asked = new ArrayList<>();

    @AfterEach
    void end() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.getSynchronizations().forEach(s -> s.afterCompletion(0));
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    private Map<String, String> load(List<String> keys) {
        asked.add(keys);
        Map<String, String> found = new HashMap<>();
        // "nobody" has no row: the answer leaves it out
        keys.stream().filter(k -> !k.equals("nobody")).forEach(k -> found.put(k, k.toUpperCase()));
        return found;
    }

    @Test
    void withinATransactionOnlyTheKeysNotAskedYetAreLookedUpTogether() {
        TransactionSynchronizationManager.initSynchronization();
        assertThat(memo.get("a", () -> "A")).isEqualTo("A");
        Map<String, String> all = memo.getAll(List.of("b", "a", "nobody", "b"), this::load);
        assertThat(all).containsExactly(entry("b", "B"), entry("a", "A"), entry("nobody", null));
        assertThat(memo.getAll(List.of("nobody", "c", "a"), this::load)).containsEntry("c", "C").containsEntry("a", "A");
        assertThat(asked).containsExactly(List.of("b", "nobody"), List.of("c"));
        assertThat(memo.get("c", () -> "stale")).isEqualTo("C");
        assertThat(memo.<String>peek("c")).contains("C");
        assertThat(memo.<String>peek("never asked")).isEmpty();
        assertThat(asked).as("a peek looks nothing up").hasSize(2);
    }

    @Test
    void outsideATransactionEveryCallLooksUpAndNothingIsKept() {
        memo.getAll(List.of("a", "a", "b"), this::load);
        memo.getAll(List.of("a"), this::load);
        assertThat(memo.getAll(List.of(), this::load)).isEmpty();
        assertThat(asked).containsExactly(List.of("a", "b"), List.of("a"));
        assertThat(memo.<String>peek("a")).as("nothing kept outside a transaction").isEmpty();
    }
}
