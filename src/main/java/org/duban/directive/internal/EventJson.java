package org.duban.directive.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.duban.directive.EventDetails;
import org.duban.directive.EventType;
import org.springframework.stereotype.Component;

/**
 * How an event's details are kept in the hash-chained record: JSON of the typed record its type calls for. The
 * stored text is what the chain hashes, so reading it back never has to reproduce it.
 */
@Component
class EventJson {

    private final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    String write(EventDetails details) {
        if (details == null || details instanceof EventDetails.None) {
            return null;
        }
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    EventDetails read(EventType type, boolean ofPart, String text) {
        if (text == null || text.isBlank()) {
            return new EventDetails.None();
        }
        try {
            return json.readValue(text, typeOf(type, ofPart));
        } catch (JsonProcessingException e) {
            return new EventDetails.None();
        }
    }

    static Class<? extends EventDetails> typeOf(EventType type, boolean ofPart) {
        return switch (type) {
            case ISSUED -> EventDetails.Issued.class;
            case APPROVED, REFUSED, REASSIGNMENT_REFUSED -> EventDetails.Decision.class;
            case DISPATCHED -> EventDetails.Dispatched.class;
            case SIGNED -> EventDetails.Signed.class;
            case RETURNED -> EventDetails.Returned.class;
            case REASSIGNED -> EventDetails.Reassigned.class;
            case PROGRESS_REPORTED -> EventDetails.Progress.class;
            case URGED -> EventDetails.Urged.class;
            case EXTENSION_REQUESTED -> EventDetails.ExtensionRequested.class;
            case EXTENSION_APPROVED, EXTENSION_REFUSED -> EventDetails.ExtensionDecided.class;
            case SUBMITTED -> EventDetails.Submitted.class;
            case ACCEPTED, RETURNED_FOR_REWORK -> EventDetails.Reviewed.class;
            case TURNED_YELLOW, REMINDED, TURNED_RED -> EventDetails.Signal.class;
            case ESCALATED -> EventDetails.Escalated.class;
            case SCORED -> ofPart ? EventDetails.PartScored.class : EventDetails.DirectiveScored.class;
            case WITHDRAWN -> EventDetails.Withdrawn.class;
            case PASSED_DOWN -> EventDetails.PassedDown.class;
            case SUB_PART_WITHDRAWN -> EventDetails.SubPartWithdrawn.class;
            case CLOSED -> EventDetails.None.class;
            case RESCHEDULED -> EventDetails.Rescheduled.class;
            case RISK_FLAGGED -> EventDetails.RiskFlagged.class;
            case RISK_HANDLED -> EventDetails.RiskHandled.class;
        };
    }
}
