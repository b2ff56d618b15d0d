package org.duban.notification.internal;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.duban.system.SqlLists;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The notification outbox: written with the step that causes a message, drained by {@link OutboxSender}. */
@Component
class Outbox {

    static final String PENDING = "PENDING";
    /** Routine mail written in quiet hours; due at their end. */
    static final String HELD = "HELD";
    /** Waiting for the recipient's daily digest. */
    static final String DIGEST = "DIGEST";
    /** Folded into a digest message ({@code digest_id}) that is not sent yet; then SENT or LOGGED with it. */
    static final String DIGESTED = "DIGESTED";
    /** Held or waiting for a digest when its directive was withdrawn; never sent. */
    static final String CANCELLED = "CANCELLED";
    static final String SENT = "SENT";
    /** Kept in the outbox and the log only: no SMTP server is configured. */
    static final String LOGGED = "LOGGED";
    static final List<String> STATUSES = List.of(PENDING, HELD, DIGEST, DIGESTED, CANCELLED, SENT, LOGGED);

    static final String DIGEST_KIND = "DIGEST";

    record NewMessage(String kind, String number, String department, Recipient recipient, String subject, String text,
            String html, String link, String dedupeKey) {}

    record Message(long id, String kind, String recipient, String subject, String text, String html, int attempts) {}

    private static final String COLUMNS = "kind, directive_number, department, recipient, person_id, subject, text_body, "
            + "html_body, link, dedupe_key, status, next_attempt_at, created_at";
    private static final String INSERT = "INSERT INTO notification_outbox (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DUE = "status IN ('PENDING', 'HELD') AND next_attempt_at <= ? "
            + "AND (claimed_until IS NULL OR claimed_until < ?)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    Outbox(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    /**
     * Queues a message, or nothing if one with the same dedupe key exists. The insert skips a visible
     * duplicate; a concurrent one (not committed yet) trips the unique index instead, which is caught
     * inside a savepoint so the step's transaction goes on (PostgreSQL would abort it otherwise).
     *
     * @return whether the message was queued
     */
    boolean enqueue(NewMessage m, DeliveryRules.Plan plan) {
        if (m.dedupeKey() == null) {
            insert(m, plan);
            return true;
        }
        try {
            return Boolean.TRUE.equals(savepoint.execute(status -> jdbc.update("INSERT INTO notification_outbox (" + COLUMNS
                            + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS "
                            + "(SELECT 1 FROM notification_outbox WHERE dedupe_key = ?)",
                    append(values(m, plan), m.dedupeKey())) == 1));
        } catch (DuplicateKeyException sameReminderQueuedConcurrently) {
            return false;
        }
    }

    /** A message with the plan it goes out by. */
    record Queued(NewMessage message, DeliveryRules.Plan plan) {}

    /**
     * Queues the messages one event causes: those that may go twice (no dedupe key) in one round trip, each
     * reminder on its own as {@link #enqueue} does. A dispatch to a few units writes a dozen messages; one
     * statement each was a tenth of the dispatch step.
     */
    void enqueueAll(List<Queued> messages) {
        List<Object[]> plain = new ArrayList<>();
        for (Queued q : messages) {
            if (q.message().dedupeKey() == null) {
                plain.add(values(q.message(), q.plan()));
            } else {
                enqueue(q.message(), q.plan());
            }
        }
        if (plain.size() == 1) {
            // the common single message keeps its plain insert
            jdbc.update(INSERT, plain.get(0));
        } else if (!plain.isEmpty()) {
            jdbc.batchUpdate(INSERT, plain);
        }
    }

    private static Object[] append(Object[] values, Object last) {
        Object[] all = Arrays.copyOf(values, values.length + 1);
        all[values.length] = last;
        return all;
    }

    /** Queues a message and answers its id. */
    long insert(NewMessage m, DeliveryRules.Plan plan) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        Object[] values = values(m, plan);
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(INSERT, new String[] {"id"});
            for (int i = 0; i < values.length; i++) {
                StatementCreatorUtils.setParameterValue(statement, i + 1, SqlTypeValue.TYPE_UNKNOWN, values[i]);
            }
            return statement;
        }, key);
        return key.getKey().longValue();
    }

    private Object[] values(NewMessage m, DeliveryRules.Plan plan) {
        return new Object[] {m.kind(), m.number(), m.department(), m.recipient().address(), m.recipient().personId(),
                m.subject(), m.text(), m.html(), m.link(), m.dedupeKey(), plan.status(), plan.notBefore(), now()};
    }

    /**
     * Leases up to {@code limit} due messages to this node. {@code FOR UPDATE SKIP LOCKED} (PostgreSQL
     * and H2) hands concurrent nodes disjoint rows without waiting; the conditional update keeps a row
     * with one node even where the lock would not.
     */
    List<Message> claimDue(String node, int limit, long leaseSeconds) {
        OffsetDateTime now = now();
        return transaction.execute(status -> {
            List<Long> candidates = jdbc.queryForList("SELECT id FROM notification_outbox WHERE " + DUE
                    + " ORDER BY id FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED", Long.class, now, now);
            if (candidates.isEmpty()) {
                return List.of();
            }
            OffsetDateTime until = now.plusSeconds(leaseSeconds);
            // one round trip for the whole batch; each row still counts on its own
            int[] updated = jdbc.batchUpdate("UPDATE notification_outbox SET claimed_by = ?, claimed_until = ? WHERE id = ? AND "
                    + DUE, candidates.stream().map(id -> new Object[] {node, until, id, now, now}).toList());
            List<Long> claimed = new ArrayList<>();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] == 1 || updated[i] == Statement.SUCCESS_NO_INFO) {
                    claimed.add(candidates.get(i));
                }
            }
            if (claimed.isEmpty()) {
                return List.of();
            }
            String marks = SqlLists.marks(claimed.size());
            List<Object> arguments = new ArrayList<>(claimed);
            arguments.add(node);
            return jdbc.query("SELECT id, kind, recipient, subject, text_body, html_body, attempts FROM notification_outbox "
                            + "WHERE id IN (" + marks + ") AND claimed_by = ? ORDER BY id",
                    (rs, row) -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getInt(7)), arguments.toArray());
        });
    }

    /**
     * Renews this node's lease right before the message is handed to SMTP. False when another node
     * took the row over (our lease ran out in a slow batch) or it was cancelled: then we must not send.
     */
    boolean stillMine(long id, String node, long leaseSeconds) {
        return jdbc.update("UPDATE notification_outbox SET claimed_until = ? WHERE id = ? AND claimed_by = ? "
                + "AND status IN ('PENDING', 'HELD')", now().plusSeconds(leaseSeconds), id, node) == 1;
    }

    void delivered(Message message, String node, String status) {
        OffsetDateTime now = now();
        jdbc.update("UPDATE notification_outbox SET status = ?, sent_at = ?, claimed_until = NULL, attempts = attempts + 1 "
                + "WHERE id = ? AND claimed_by = ?", status, now, message.id(), node);
        if (DIGEST_KIND.equals(message.kind())) {
            jdbc.update("UPDATE notification_outbox SET status = ?, sent_at = ? WHERE digest_id = ? AND status = ?",
                    status, now, message.id(), DIGESTED);
        }
    }

    /**
     * Puts a failed message back for another attempt after {@code retryInSeconds}; a retry that would
     * fall into {@code quiet} hours waits for their end ({@code quiet} null: it may go at night).
     */
    void failed(long id, String node, String error, long retryInSeconds, QuietHours quiet) {
        OffsetDateTime retry = now().plusSeconds(retryInSeconds);
        if (quiet != null && quiet.contains(retry)) {
            retry = quiet.endAfter(retry);
        }
        jdbc.update("UPDATE notification_outbox SET status = ?, attempts = attempts + 1, last_error = ?, claimed_until = NULL, "
                        + "next_attempt_at = ? WHERE id = ? AND claimed_by = ?",
                PENDING, error.length() > 2000 ? error.substring(0, 2000) : error, retry, id, node);
    }

    /** A withdrawn directive's mail that has not left yet would only ask people to act on nothing. */
    int cancelWaiting(String number, String reason) {
        return jdbc.update("UPDATE notification_outbox SET status = ?, last_error = ? WHERE directive_number = ? "
                + "AND status IN ('HELD', 'DIGEST')", CANCELLED, reason, number);
    }

    /** Due messages not yet sent: how many, how many of them failed last time, and since when the oldest is due. */
    record Backlog(long due, long failing, OffsetDateTime oldestDueAt) {}

    Backlog backlog() {
        OffsetDateTime now = now();
        return jdbc.queryForObject("SELECT COUNT(*), COUNT(last_error), MIN(next_attempt_at) FROM notification_outbox "
                + "WHERE status IN ('PENDING', 'HELD') AND next_attempt_at <= ?", (rs, row) -> new Backlog(rs.getLong(1),
                rs.getLong(2), rs.getObject(3, OffsetDateTime.class)), now);
    }

    long count(String status, boolean withErrors) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE status = ?"
                + (withErrors ? " AND last_error IS NOT NULL" : ""), Long.class, status);
    }

    List<Map<String, Object>> list(String status, boolean failingOnly, int limit) {
        String select = "SELECT id, kind, directive_number, department, recipient, person_id, subject, status, attempts, "
                + "next_attempt_at, last_error, digest_id, created_at, sent_at FROM notification_outbox";
        String where = status == null ? "" : " WHERE status = ?" + (failingOnly ? " AND last_error IS NOT NULL" : "");
        String sql = select + where + " ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY";
        List<Map<String, Object>> rows = status == null ? jdbc.queryForList(sql) : jdbc.queryForList(sql, status);
        return rows.stream().map(Outbox::camelCase).toList();
    }

    /** directive_number → directiveNumber, whatever case the database gives its column names in (H2: upper). */
    private static Map<String, Object> camelCase(Map<String, Object> row) {
        Map<String, Object> named = new java.util.LinkedHashMap<>();
        row.forEach((column, value) -> {
            StringBuilder name = new StringBuilder();
            boolean up = false;
            for (char ch : column.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
                if (ch == '_') {
                    up = true;
                } else {
                    name.append(up ? Character.toUpperCase(ch) : ch);
                    up = false;
                }
            }
            named.put(name.toString(), value);
        });
        return named;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
