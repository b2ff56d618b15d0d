package org.duban.directive.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.duban.directive.Light;
import org.duban.directive.PartRole;
import org.duban.directive.PartStatus;

/** One unit's part of a directive as its row in {@code directive_department} keeps it. */
public record PartRow(String number, String unit, PartRole role, String parentUnit, int position, PartStatus status,
        LocalDate originalDeadline, LocalDate deadline, LocalDate yellowFrom, OffsetDateTime deliveredAt,
        OffsetDateTime signDueAt, OffsetDateTime signedAt, OffsetDateTime submittedAt, LocalDate submittedOn,
        OffsetDateTime doneAt, LocalDate doneOn, int urgeCount, int extensionCount, int reworkCount, int returnCount,
        boolean escalated, Integer signLateDays, Integer lateDays, Integer qualityRating, BigDecimal score,
        BigDecimal weight, String scoreComponents, LocalDate lastProgressOn, String returnReason, LocalDate requestedDeadline, String extensionReason,
        String processInstanceId, Light light, String instruction, String reportCycle,
        boolean evidenceVerified) {

    /** A part passed down (or targeted) below another unit's part of the same directive. */
    public boolean isSubPart() {
        return parentUnit != null;
    }

    /**
     * Its unit has received it: its department-work process runs (or ran). Until then the part shows no light and
     * counts as not yet delivered (未送达) on the directive's page.
     */
    public boolean isDelivered() {
        return processInstanceId != null || deliveredAt != null;
    }

    /** The row about to be delivered, with the deadline its unit signs by. */
    PartRow toSignBy(OffsetDateTime signDue) {
        return delivered(processInstanceId, deliveredAt, signDue, light);
    }

    /** The row as its delivery leaves it ({@link PartStore#delivered}): bound to its instance, lit, the signing clock set. */
    PartRow delivered(String instance, OffsetDateTime at, OffsetDateTime signDue, Light shown) {
        return new PartRow(number, unit, role, parentUnit, position, status, originalDeadline, deadline, yellowFrom, at,
                signDue, signedAt, submittedAt, submittedOn, doneAt, doneOn, urgeCount, extensionCount, reworkCount,
                returnCount, escalated, signLateDays, lateDays, qualityRating, score, weight, scoreComponents,
                lastProgressOn, returnReason, requestedDeadline, extensionReason, instance, shown, instruction, reportCycle,
                evidenceVerified);
    }

    /** Not yet accepted nor cancelled: still work to do. */
    public boolean isOpen() {
        return status != PartStatus.DONE && status != PartStatus.CANCELLED;
    }
}
