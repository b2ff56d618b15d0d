package org.duban.security.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.duban.system.ApiProblems;
import org.duban.system.FieldProblem;
import org.duban.system.ProblemWriter;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writes a refusal in the shape its client reads: {@code application/problem+json} on {@code /engine-rest} (as on
 * {@code /api}); on the webapps' {@code /camunda/api} Camunda's own error shape, whose {@code message} Tasklist and
 * Cockpit show to the person, with the problem's fields beside it.
 */
@Component
class RefusalWriter {

    private final ProblemWriter problems;
    private final ObjectMapper json;

    RefusalWriter(ProblemWriter problems, ObjectMapper json) {
        this.problems = problems;
        this.json = json;
    }

    void write(HttpServletResponse response, boolean webapp, Refusal refusal) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        if (!webapp) {
            problems.write(response, ApiProblems.problem(refusal.status(), refusal.type(), refusal.title(),
                    refusal.detail(), refusal.errors().isEmpty() ? null : refusal.errors()));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ApiProblems.TYPE_PREFIX + refusal.type());
        body.put("title", refusal.title());
        body.put("status", refusal.status().value());
        body.put("message", refusal.message());
        if (!refusal.errors().isEmpty()) {
            body.put("errors", refusal.errors().stream().map(RefusalWriter::error).toList());
        }
        response.setStatus(refusal.status().value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }

    private static Map<String, String> error(FieldProblem problem) {
        return Map.of("field", problem.field(), "message", problem.message());
    }
}
