package org.duban.audit.internal;

import java.time.OffsetDateTime;

/**
 * One line of an audit trail: from Duban's own hash-chained events ({@code DUBAN}), from Camunda's
 * history and user operation log ({@code ENGINE}), or from the notification outbox ({@code MAIL}); with codes
 * for machines (type, actor, unit, structured details) and what people read (label, names, and the details as a
 * Chinese sentence, which is what the pages and exports show).
 */
record TrailEntry(OffsetDateTime at, String source, String type, String label, String actor, String actorName,
        String department, String departmentName, String directiveNumber, String text, Object details) {
}
