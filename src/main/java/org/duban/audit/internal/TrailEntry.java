package org.duban.audit.internal;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One line of an audit trail: from Duban's own hash-chained events ({@code DUBAN}), from Camunda's
 * history and user operation log ({@code ENGINE}), or from the notification outbox ({@code MAIL}).
 */
record TrailEntry(OffsetDateTime at, String source, String type, String label, String actor, String department,
        String directiveNumber, Map<String, Object> details) {
}
