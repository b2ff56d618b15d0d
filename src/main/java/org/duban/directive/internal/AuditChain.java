package org.duban.directive.internal;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;


import org.duban.directive.AuditRecord.BrokenRecord;
import org.duban.directive.AuditRecord.Verification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Duban's tamper-evident record: every event is appended with the SHA-256 of its content, the chain hash of
 * the record before it and its own chain hash ({@link AuditHash}). One locked head row orders appends across
 * nodes; under that lock only the inserts and one update of the head run (the head keeps the last id from the
 * insert itself), so the lock costs the same with ten records as with ten million. Verification walks the
 * chain and names the first record that does not match; a verification that finds the chain intact leaves a
 * checkpoint, and the next one may start there ({@link #verifySinceCheckpoint()}) while a full walk stays
 * available.
 */
@Component
public class AuditChain {

    /** An event waiting to be appended at its transaction's commit. */
    record Pending(String number, String unit, String type, String actor, OffsetDateTime at, String details) {}

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final EvidenceStore evidence;

    AuditChain(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, EvidenceStore evidence) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.evidence = evidence;
    }

    /** Appends in the caller's transaction; the head stays locked until it commits. */
    void append(List<Pending> events) {
        if (events.isEmpty()) {
            return;
        }
        String previous = jdbc.queryForObject("SELECT last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE", String.class);
        long lastId = 0;
        for (Pending e : events) {
            String content = AuditHash.content(e.number(), e.unit(), e.type(), e.actor(), e.at(), e.details());
            String chain = AuditHash.chain(previous, content);
            lastId = insert(e, content, previous, chain);
            previous = chain;
        }
        jdbc.update("UPDATE audit_chain_head SET last_hash = ?, last_event_id = ? WHERE id = 1", previous, lastId);
    }

    private long insert(Pending e, String content, String previous, String chain) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement s = connection.prepareStatement("INSERT INTO directive_event (directive_number, department, "
                    + "type, actor, occurred_at, details, content_hash, previous_hash, chain_hash) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            s.setString(1, e.number());
            s.setString(2, e.unit());
            s.setString(3, e.type());
            s.setString(4, e.actor());
            s.setObject(5, e.at());
            s.setString(6, e.details());
            s.setString(7, content);
            s.setString(8, previous);
            s.setString(9, chain);
            return s;
        }, key);
        return key.getKey().longValue();
    }

    /** Walks the whole chain from its first record. */
    public Verification verifyAll() {
        return verify(0, AuditHash.GENESIS, 0);
    }

    /**
     * Walks only what was appended after the newest checkpoint, starting from the chain hash it recorded (after
     * checking that its record still carries that hash). Without a checkpoint, the whole chain.
     */
    public Verification verifySinceCheckpoint() {
        List<Map<String, Object>> newest = jdbc.queryForList("SELECT last_event_id, last_hash, records FROM audit_checkpoint "
                + "ORDER BY last_event_id DESC FETCH FIRST 1 ROWS ONLY");
        if (newest.isEmpty()) {
            return verifyAll();
        }
        long id = ((Number) newest.get(0).get("last_event_id")).longValue();
        String hash = (String) newest.get(0).get("last_hash");
        long records = ((Number) newest.get(0).get("records")).longValue();
        List<String> stored = jdbc.queryForList("SELECT chain_hash FROM directive_event WHERE id = ?", String.class, id);
        if (stored.isEmpty() || !stored.get(0).equals(hash)) {
            return new Verification(false, 0, id, records, new BrokenRecord(id, null, null, null,
                    "校验点记录已被修改或删除，请做一次完整校验"));
        }
        return verify(id, hash, records);
    }

    private Verification verify(long afterId, String startHash, long recordsBefore) {
        Walk walk = transaction.execute(status -> {
            Walk w = new Walk(startHash);
            // streamed in pages by id: a million records never sit in memory at once
            long cursor = afterId;
            while (true) {
                long[] last = {cursor};
                int[] seen = {0};
                jdbc.query("SELECT id, directive_number, department, type, actor, occurred_at, details, content_hash, "
                        + "previous_hash, chain_hash FROM directive_event WHERE id > ? ORDER BY id FETCH FIRST 5000 ROWS ONLY",
                        rs -> {
                            seen[0]++;
                            last[0] = rs.getLong("id");
                            w.check(rs);
                        }, cursor);
                // the files a page's events name are read after the page, not inside its result set
                w.checkFiles(evidence);
                if (seen[0] == 0 || w.broken != null) {
                    break;
                }
                cursor = last[0];
            }
            return w;
        });
        if (walk.broken == null) {
            String head = jdbc.queryForObject("SELECT last_hash FROM audit_chain_head WHERE id = 1", String.class);
            if (!head.equals(walk.previous)) {
                walk.broken = new BrokenRecord(0, null, null, null, "链尾与链头登记不符（最后的记录被删除）");
            }
        }
        long records = recordsBefore + walk.checked;
        if (walk.broken == null && walk.lastId > 0) {
            jdbc.update("INSERT INTO audit_checkpoint (last_event_id, last_hash, records, verified_at) VALUES (?, ?, ?, ?)",
                    walk.lastId, walk.previous, records, OffsetDateTime.now(clock));
        }
        return new Verification(walk.broken == null, walk.checked, afterId, records, walk.broken);
    }

    /** An event whose details name 佐证材料: each file's stored bytes must still hash to what the event recorded. */
    private record WithFiles(long id, String number, String type, OffsetDateTime at, String details) {}

    /** The state of one walk along the chain. */
    private static final class Walk {
        String previous;
        long checked;
        long lastId;
        BrokenRecord broken;
        final List<WithFiles> withFiles = new java.util.ArrayList<>();

        /** The first event of the page whose file is gone, swapped or altered breaks the chain there. */
        void checkFiles(EvidenceStore evidence) {
            for (WithFiles event : withFiles) {
                if (broken != null && broken.id() < event.id()) {
                    break;
                }
                String reason = filesReason(event, evidence);
                if (reason != null) {
                    broken = new BrokenRecord(event.id(), event.number(), event.type(), event.at(), reason);
                    break;
                }
            }
            withFiles.clear();
        }

        private static String filesReason(WithFiles event, EvidenceStore evidence) {
            try {
                for (com.fasterxml.jackson.databind.JsonNode file : JSON.readTree(event.details()).path("files")) {
                    String name = file.path("name").asText();
                    java.util.Optional<EvidenceStore.StoredFile> stored = evidence.find(file.path("id").asLong());
                    if (stored.isEmpty() || !stored.get().number().equals(event.number())) {
                        return "佐证材料「" + name + "」已被删除或移走";
                    }
                    if (!file.path("sha256").asText().equals(evidence.hashOfStored(stored.get().id()).orElse(""))) {
                        return "佐证材料「" + name + "」与记录的哈希不符（文件被替换或修改）";
                    }
                }
                return null;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return "记录内容无法解析";
            }
        }

        Walk(String start) {
            this.previous = start;
        }

        void check(java.sql.ResultSet rs) throws java.sql.SQLException {
            if (broken != null) {
                return;
            }
            checked++;
            long id = rs.getLong("id");
            String number = rs.getString("directive_number");
            String type = rs.getString("type");
            OffsetDateTime at = rs.getObject("occurred_at", OffsetDateTime.class);
            String content = AuditHash.content(number, rs.getString("department"), type, rs.getString("actor"), at,
                    rs.getString("details"));
            String reason = null;
            if (!content.equals(rs.getString("content_hash"))) {
                reason = "内容与记录的哈希不符（记录被修改）";
            } else if (!previous.equals(rs.getString("previous_hash"))) {
                reason = "与前一条记录的链接断开（前序记录被删除、插入或修改）";
            } else if (!AuditHash.chain(previous, content).equals(rs.getString("chain_hash"))) {
                reason = "链哈希不符";
            }
            if (reason != null) {
                broken = new BrokenRecord(id, number, type, at, reason);
                return;
            }
            previous = rs.getString("chain_hash");
            lastId = id;
            String details = rs.getString("details");
            if (details != null && details.contains("\"sha256\"")) {
                withFiles.add(new WithFiles(id, number, type, at, details));
            }
        }
    }
}
