package org.duban.system;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, on every path and before anything stores it, text no database here keeps as sent ({@link StorableText}):
 * in query and form parameters, and anywhere in a JSON body (keys and string values), naming the field by its path
 * ({@code variables.title.value}, {@code coDepartments[1]}). Runs after the character-encoding filter, so parameters
 * are decoded as UTF-8, and buffers JSON bodies for the filters after it ({@link ReplayableBody}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class StorableTextFilter extends OncePerRequestFilter {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_PROBLEMS = 20;

    private final ProblemWriter problems;

    StorableTextFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest buffered = ReplayableBody.buffer(request);
        List<FieldProblem> found = new ArrayList<>();
        for (Map.Entry<String, String[]> parameter : parameters(buffered).entrySet()) {
            boolean storable = StorableText.isStorable(parameter.getKey());
            for (String value : parameter.getValue()) {
                storable &= value == null || StorableText.isStorable(value);
            }
            if (!storable) {
                found.add(new FieldProblem(StorableText.isStorable(parameter.getKey()) ? parameter.getKey() : "?",
                        StorableText.MESSAGE));
            }
        }
        byte[] body = ReplayableBody.bytes(buffered);
        if (body != null) {
            found.addAll(inJson(body));
        }
        if (!found.isEmpty()) {
            problems.write(response, ApiProblems.invalid(found.stream().limit(MAX_PROBLEMS).toList()));
            return;
        }
        chain.doFilter(buffered, response);
    }

    /**
     * Query and form parameters as the container decodes them; of a multipart request only the query string, as its
     * parts (files) are their handler's to read, within their own limits.
     */
    private static Map<String, String[]> parameters(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            return request.getParameterMap();
        }
        Map<String, String[]> query = new java.util.LinkedHashMap<>();
        if (request.getQueryString() != null) {
            for (String pair : request.getQueryString().split("&")) {
                int equals = pair.indexOf('=');
                try {
                    String name = java.net.URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals),
                            java.nio.charset.StandardCharsets.UTF_8);
                    String value = equals < 0 ? "" : java.net.URLDecoder.decode(pair.substring(equals + 1),
                            java.nio.charset.StandardCharsets.UTF_8);
                    query.merge(name, new String[] {value}, (a, b) -> java.util.stream.Stream.concat(
                            java.util.Arrays.stream(a), java.util.Arrays.stream(b)).toArray(String[]::new));
                } catch (IllegalArgumentException e) {
                    // malformed escapes: the container refuses or drops them itself
                }
            }
        }
        return query;
    }

    /** Every key and string value of the body that cannot be stored; a body that is not JSON is left to its reader. */
    static List<FieldProblem> inJson(byte[] body) {
        List<FieldProblem> found = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && !StorableText.isStorable(parser.currentName())) {
                    found.add(new FieldProblem(path(parser.getParsingContext()), StorableText.MESSAGE));
                } else if (token == JsonToken.VALUE_STRING && !StorableText.isStorable(parser.getText())) {
                    found.add(new FieldProblem(path(parser.getParsingContext()), StorableText.MESSAGE));
                }
            }
        } catch (IOException e) {
            // malformed JSON: the controller or the engine API answers it as such
        }
        return found;
    }

    /** {@code a.b[2].c}: where the string sits in the body; "" is the body itself. */
    private static String path(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add(0, "[" + c.getCurrentIndex() + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                String name = StorableText.isStorable(c.getCurrentName()) ? c.getCurrentName() : "?";
                parts.add(0, "." + name);
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }
}
