package org.duban.directive.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.duban.directive.DirectiveEvent;
import org.duban.directive.EventDetails;
import org.duban.directive.EventType;
import org.duban.system.SqlLists;
import org.duban.system.TransactionMemo;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The directive's timeline and Duban's audit record: every event, appended to the hash chain at the commit of
 * the step that caused it ({@link AuditChain}), and published as a {@link DirectiveEvent} in that step's
 * transaction, so that what listeners write (mails) commits or rolls back with the step. No code updates or
 * deletes an event.
 */
@Component
public class Timeline {

    public record Entry(long id, String number, String unit, EventType type, String actor, OffsetDateTime at,
            EventDetails details) {}

    private final JdbcTemplate jdbc;
    private final AuditChain chain;
    private final EventJson json;
    private final Audiences audiences;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    /** The stored events of a unit's part this transaction has read ({@link #ofUnit}). */
    private final TransactionMemo read = new TransactionMemo();

    Timeline(JdbcTemplate jdbc, AuditChain chain, EventJson json, Audiences audiences, Clock clock,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.json = json;
        this.audiences = audiences;
        this.clock = clock;
        this.events = events;
    }

    /** An event of the directive as a whole. */
    public void record(DirectiveRow directive, EventType type, String actor, EventDetails details) {
        record(directive, null, type, actor, details, audiences.of(type, directive, null, details));
    }

    /** An event of one unit's part. */
    public void record(PartContext context, EventType type, String actor, EventDetails details) {
        record(context.directive(), context.part(), type, actor, details,
                audiences.of(type, context.directive(), context.part(), details));
    }

    /** An event with an audience the caller decides (a delivery concerns exactly the units it reached). */
    public void record(DirectiveRow directive, PartRow part, EventType type, String actor, EventDetails details,
            DirectiveEvent.Audience audience) {
        // millisecond precision survives every database's timestamp type, so the hash can be recomputed
        OffsetDateTime at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        String unit = part == null ? null : part.unit();
        AuditChain.Pending event = new AuditChain.Pending(directive.number(), unit, type.name(), actor, at,
                json.write(details));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            pendingInThisTransaction().add(event);
        } else {
            chain.append(List.of(event));
        }
        events.publishEvent(new DirectiveEvent(directive.number(), directive.title(), type, unit,
                part == null ? null : part.role(), actor, at, details, audience));
    }

    @SuppressWarnings("unchecked")
    private List<AuditChain.Pending> pendingInThisTransaction() {
        List<AuditChain.Pending> pending = (List<AuditChain.Pending>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<AuditChain.Pending> events = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, events);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    // chained last, just before commit: the head is locked only for the inserts and the commit
                    chain.append(events);
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

    /**
     * The directive's events in order, with those of the current transaction that are still waiting to be chained
     * at its commit (a step reads what the steps before it in the same transaction recorded).
     */
    public List<Entry> of(String number) {
        return withPending(jdbc.query("SELECT id, directive_number, department, type, actor, occurred_at, details "
                + "FROM directive_event WHERE directive_number = ? ORDER BY id", this::entry, number), number, e -> true);
    }

    /**
     * The events of one unit's part (and every reassignment, which names the unit in its details), with those not yet
     * appended: what a unit's task brief reads, without the rest of a directive to a thousand units.
     */
    public List<Entry> ofUnit(String number, String unit) {
        List<Entry> stored = read.get(unitKey(number, unit), () -> jdbc.query("SELECT id, directive_number, department, "
                + "type, actor, occurred_at, details FROM directive_event WHERE directive_number = ? AND (department = ? "
                + "OR type = ?) ORDER BY id", this::entry, number, unit, EventType.REASSIGNED.name()));
        return withPending(stored, number, e -> unit.equals(e.unit()) || EventType.REASSIGNED.name().equals(e.type()));
    }

    /**
     * Reads the stored events of several units' parts at once, kept for the rest of the transaction as
     * {@link #ofUnit} would read them: a delivery's batch writes the brief of each of its parts' tasks, and each brief
     * asks for its unit's events (one query for the batch, not one for each of its fifty parts). What is stored does
     * not change within a transaction: its own events are appended at its commit.
     */
    void readAhead(String number, List<String> units) {
        if (units.isEmpty()) {
            return;
        }
        List<Object> arguments = new ArrayList<>(List.of(number, EventType.REASSIGNED.name()));
        arguments.addAll(units);
        List<Entry> stored = jdbc.query("SELECT id, directive_number, department, type, actor, occurred_at, details "
                + "FROM directive_event WHERE directive_number = ? AND (type = ? OR department IN ("
                + SqlLists.marks(units.size()) + ")) ORDER BY id", this::entry,
                arguments.toArray());
        for (String unit : units) {
            read.put(unitKey(number, unit), stored.stream()
                    .filter(e -> unit.equals(e.unit()) || e.type() == EventType.REASSIGNED).toList());
        }
    }

    private static String unitKey(String number, String unit) {
        return "events " + number + " " + unit;
    }

    /** Stored events followed by this transaction's events of the directive not yet appended (a step reads its own). */
    private List<Entry> withPending(List<Entry> stored, String number, java.util.function.Predicate<AuditChain.Pending> which) {
        List<Entry> entries = new ArrayList<>(stored);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            @SuppressWarnings("unchecked")
            List<AuditChain.Pending> pending = (List<AuditChain.Pending>) TransactionSynchronizationManager.getResource(this);
            if (pending != null) {
                pending.stream().filter(e -> e.number().equals(number)).filter(which).forEach(e -> {
                    EventType type = EventType.valueOf(e.type());
                    entries.add(new Entry(0, e.number(), e.unit(), type, e.actor(), e.at(),
                            json.read(type, e.unit() != null, e.details())));
                });
            }
        }
        return entries;
    }

    /** What one person did in a period, over all directives. */
    public List<Entry> byActor(String actor, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.query("SELECT id, directive_number, department, type, actor, occurred_at, details FROM directive_event "
                + "WHERE actor = ? AND occurred_at >= ? AND occurred_at < ? ORDER BY id", this::entry, actor, from, to);
    }

    private Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        EventType type = EventType.valueOf(rs.getString("type"));
        String unit = rs.getString("department");
        return new Entry(rs.getLong("id"), rs.getString("directive_number"), unit, type, rs.getString("actor"),
                rs.getObject("occurred_at", OffsetDateTime.class), json.read(type, unit != null, rs.getString("details")));
    }
}
