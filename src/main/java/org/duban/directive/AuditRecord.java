package org.duban.directive;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Duban's own tamper-evident record of every directive, for auditors: the events in the order they were
 * chained, what one person did, each part's score with the facts and components it was computed from, and the
 * verification of the hash chain.
 */
public interface AuditRecord {

    record Event(long id, String number, String unit, EventType type, String actor, OffsetDateTime at,
            EventDetails details) {}

    boolean exists(String number);

    List<Event> eventsOf(String number);

    List<Event> eventsBy(String actor, OffsetDateTime from, OffsetDateTime to);

    /** The unit whose part a process instance runs; empty for a directive's own instance. */
    Optional<String> unitOfInstance(String processInstanceId);

    /** How one part's score came about, as recorded when it was scored. */
    record Score(String unit, OffsetDateTime at, BigDecimal score, BigDecimal weight, List<Fact> inputs,
            List<Component> components) {}

    /** A fact the decision was evaluated on, with the decision table's Chinese label for it. */
    record Fact(String key, String label, Object value) {}

    /** A component's points with the decision table's Chinese label for it. */
    record Component(String key, String label, int points) {}

    List<Score> scoresOf(String number);

    record BrokenRecord(long id, String directiveNumber, String type, OffsetDateTime at, String reason) {}

    /**
     * @param fromRecord  the record after which this verification started (0: the whole chain)
     * @param records     how many records the chain holds up to where it was checked
     */
    record Verification(boolean intact, long checked, long fromRecord, long records, BrokenRecord firstBroken) {}

    /** Walks the whole chain. */
    Verification verifyAll();

    /** Walks what was appended since the newest verification that found the chain intact. */
    Verification verifySinceCheckpoint();
}
