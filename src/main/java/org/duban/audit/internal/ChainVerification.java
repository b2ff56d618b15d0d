package org.duban.audit.internal;

import java.time.OffsetDateTime;

import org.duban.directive.AuditHash;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Walks Duban's audit records in the order they were chained and names the first one whose
 * content, link to its predecessor or chain hash does not match.
 */
@Component
class ChainVerification {

    record BrokenRecord(long id, String directiveNumber, String type, OffsetDateTime at, String reason) {}

    record Result(boolean intact, long checked, BrokenRecord firstBroken) {}

    private final JdbcTemplate jdbc;

    ChainVerification(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Result verify() {
        String[] previous = {AuditHash.GENESIS};
        long[] checked = {0};
        BrokenRecord[] broken = {null};
        jdbc.query("SELECT id, directive_number, department, type, actor, occurred_at, details, content_hash, "
                + "previous_hash, chain_hash FROM directive_event ORDER BY id", rs -> {
            if (broken[0] != null) {
                return;
            }
            checked[0]++;
            long id = rs.getLong("id");
            String number = rs.getString("directive_number");
            String type = rs.getString("type");
            OffsetDateTime at = rs.getObject("occurred_at", OffsetDateTime.class);
            String content = AuditHash.content(number, rs.getString("department"), type, rs.getString("actor"), at,
                    rs.getString("details"));
            String reason = null;
            if (!content.equals(rs.getString("content_hash"))) {
                reason = "内容与记录的哈希不符（记录被修改）";
            } else if (!previous[0].equals(rs.getString("previous_hash"))) {
                reason = "与前一条记录的链接断开（前序记录被删除、插入或修改）";
            } else if (!AuditHash.chain(previous[0], content).equals(rs.getString("chain_hash"))) {
                reason = "链哈希不符";
            }
            if (reason != null) {
                broken[0] = new BrokenRecord(id, number, type, at, reason);
            }
            previous[0] = rs.getString("chain_hash");
        });
        if (broken[0] == null) {
            String head = jdbc.queryForObject("SELECT last_hash FROM audit_chain_head WHERE id = 1", String.class);
            if (!head.equals(previous[0])) {
                broken[0] = new BrokenRecord(0, null, null, null, "链尾与链头登记不符（最后的记录被删除）");
            }
        }
        return new Result(broken[0] == null, checked[0], broken[0]);
    }
}
