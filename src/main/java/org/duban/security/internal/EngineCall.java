package org.duban.security.internal;

import java.util.Locale;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;

/**
 * One request to an engine API, in the form the allow-list reads: which API root, the HTTP method, and the path
 * within that root as the JAX-RS resources match it (decoded, without the named-engine prefix and trailing slashes),
 * so that {@code /engine-rest/engine/default/task/1/complete}, {@code /engine-rest/task/1/complete/} and
 * {@code /camunda/api/engine/engine/default/task/1/complete} are the same call.
 *
 * @param path for {@link Root#ENGINE} calls the resource path ({@code /task/1/complete}, {@code ""} for the list
 *             of engines); for {@link Root#WEBAPP} calls the path below {@code /camunda/api}
 *             ({@code /cockpit/plugin/base/default/process-instance})
 */
record EngineCall(Root root, boolean webapp, String method, String path) {

    enum Root {
        /** The engine's REST API, at {@code /engine-rest} or as the webapps' {@code /camunda/api/engine}. */
        ENGINE,
        /** The webapps' own APIs: {@code /camunda/api/admin|cockpit|tasklist|welcome/...}. */
        WEBAPP
    }

    static final String ENGINE_REST = "/engine-rest";
    static final String WEBAPP_API = "/camunda/api";
    private static final String WEBAPP_ENGINE = WEBAPP_API + "/engine";

    /** The call, or null when the request is not for an engine API. */
    static EngineCall of(HttpServletRequest request) {
        String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if ("HEAD".equals(method)) {
            method = "GET"; // JAX-RS answers HEAD with the GET resource
        }
        if (within(path, ENGINE_REST)) {
            return new EngineCall(Root.ENGINE, false, method, withoutEngineName(trim(path.substring(ENGINE_REST.length()))));
        }
        if (within(path, WEBAPP_ENGINE)) {
            return new EngineCall(Root.ENGINE, true, method, withoutEngineName(trim(path.substring(WEBAPP_ENGINE.length()))));
        }
        if (within(path, WEBAPP_API)) {
            return new EngineCall(Root.WEBAPP, true, method, trim(path.substring(WEBAPP_API.length())));
        }
        return null;
    }

    boolean is(String method, String path) {
        return this.method.equals(method) && this.path.equals(path);
    }

    /** The path's segments: {@code /task/1/complete} → [task, 1, complete]. */
    String[] segments() {
        return path.isEmpty() ? new String[0] : path.substring(1).split("/", -1);
    }

    private static boolean within(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }

    private static String trim(String path) {
        String trimmed = path;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    /** {@code /engine/default/task} → {@code /task}; {@code /engine} (the list of engines) → {@code ""}. */
    private static String withoutEngineName(String path) {
        if (path.equals("/engine")) {
            return "";
        }
        if (path.startsWith("/engine/")) {
            int next = path.indexOf('/', "/engine/".length());
            return next < 0 ? "/engine-root" : path.substring(next);
        }
        return path;
    }
}
