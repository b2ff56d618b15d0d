package org.duban.directive;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The directive's timeline and Duban's audit trail: every event, appended in the transaction of the
 * step that caused it, and hash-chained (see {@link AuditHash}). No code updates or deletes an event.
 */
@Component
public class Timeline {

    public record Entry(long id, String number, String department, EventType type, String actor, OffsetDateTime at,
            Map<String, Object> details) {}

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Timeline(JdbcTemplate jdbc, ObjectMapper json, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Appends an event to the hash chain. Inside a transaction the event is written just before
     * commit, with every other event of that transaction: the chain head row is locked only for
     * those inserts and the commit, and events are chained (and numbered) in the order their
     * transactions commit, whichever node writes them.
     */
    public void record(String number, String department, EventType type, String actor, Map<String, ?> details) {
        // millisecond precision survives every database's timestamp type, so the hash can be recomputed
        Pending event = new Pending(number, department, type.name(), actor,
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS), write(details));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            pendingInThisTransaction().add(event);
        } else {
            chain(List.of(event));
        }
        // listeners (notifications) run now, in this transaction: what they write commits or rolls back with the step
        events.publishEvent(new DirectiveEventRecorded(number, department, type, actor,
                details == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details))));
    }

    private record Pending(String number, String department, String type, String actor, OffsetDateTime at, String details) {}

    @SuppressWarnings("unchecked")
    private List<Pending> pendingInThisTransaction() {
        List<Pending> pending = (List<Pending>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<Pending> events = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, events);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    chain(events);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(Timeline.this);
                }
            });
            pending = events;
        }
        return pending;
    }

    private void chain(List<Pending> events) {
        if (events.isEmpty()) {
            return;
        }
        String previous = jdbc.queryForObject("SELECT last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE", String.class);
        for (Pending e : events) {
            String content = AuditHash.content(e.number(), e.department(), e.type(), e.actor(), e.at(), e.details());
            String chain = AuditHash.chain(previous, content);
            jdbc.update("INSERT INTO directive_event (directive_number, department, type, actor, occurred_at, details, "
                            + "content_hash, previous_hash, chain_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    e.number(), e.department(), e.type(), e.actor(), e.at(), e.details(), content, previous, chain);
            previous = chain;
        }
        jdbc.update("UPDATE audit_chain_head SET last_hash = ?, last_event_id = "
                + "(SELECT MAX(id) FROM directive_event WHERE chain_hash = ?) WHERE id = 1", previous, previous);
    }

    public List<Entry> of(String number) {
        return jdbc.query("SELECT * FROM directive_event WHERE directive_number = ? ORDER BY id", this::entry, number);
    }

    /** What one person did in a period, over all directives. */
    public List<Entry> byActor(String actor, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.query("SELECT * FROM directive_event WHERE actor = ? AND occurred_at >= ? AND occurred_at < ? ORDER BY id",
                this::entry, actor, from, to);
    }

    private Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Entry(rs.getLong("id"), rs.getString("directive_number"), rs.getString("department"),
                EventType.valueOf(rs.getString("type")), rs.getString("actor"),
                rs.getObject("occurred_at", OffsetDateTime.class), read(rs.getString("details")));
    }

    private String write(Map<String, ?> details) {
        try {
            return details == null || details.isEmpty() ? null : json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Map<String, Object> read(String details) {
        try {
            return details == null ? Map.of() : json.readValue(details, MAP);
        } catch (JsonProcessingException e) {
            return new LinkedHashMap<>(Map.of("raw", details));
        }
    }
}
