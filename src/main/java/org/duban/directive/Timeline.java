package org.duban.directive;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The directive's timeline: every event, appended in the transaction of the step that caused it.
 * Nothing here updates or deletes an event.
 */
@Component
public class Timeline {

    public record Entry(long id, String department, EventType type, String actor, OffsetDateTime at,
            Map<String, Object> details) {}

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    Timeline(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public void record(String number, String department, EventType type, String actor, Map<String, ?> details) {
        jdbc.update("INSERT INTO directive_event (directive_number, department, type, actor, occurred_at, details) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                number, department, type.name(), actor, OffsetDateTime.now(clock), write(details));
    }

    public List<Entry> of(String number) {
        return jdbc.query("SELECT id, department, type, actor, occurred_at, details FROM directive_event "
                        + "WHERE directive_number = ? ORDER BY id",
                (rs, row) -> new Entry(rs.getLong("id"), rs.getString("department"),
                        EventType.valueOf(rs.getString("type")), rs.getString("actor"),
                        rs.getObject("occurred_at", OffsetDateTime.class), read(rs.getString("details"))),
                number);
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
