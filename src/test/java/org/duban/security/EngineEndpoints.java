package org.duban.security;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.camunda.bpm.engine.rest.impl.CamundaRestResources;

/**
 * Every endpoint of Camunda's engine REST API, read from its JAX-RS annotations (root resources and the
 * sub-resources their locators return), so that the attack suite tries each write the engine offers, including
 * ones a later Camunda version adds.
 */
final class EngineEndpoints {

    record Endpoint(String method, String path) implements Comparable<Endpoint> {

        boolean isWrite() {
            return method.equals("POST") || method.equals("PUT") || method.equals("DELETE");
        }

        @Override
        public int compareTo(Endpoint other) {
            return (path + " " + method).compareTo(other.path + " " + other.method);
        }
    }

    private EngineEndpoints() {
    }

    /** The endpoints of the default engine, e.g. {@code POST /task/{id}/complete}. */
    static List<Endpoint> all() {
        Set<Endpoint> found = new TreeSet<>();
        for (Class<?> root : CamundaRestResources.getResourceClasses()) {
            Path path = annotation(root, Path.class);
            if (path != null && !path.value().startsWith("/engine")) {
                walk(trim(path.value()), root, 0, found);
            }
        }
        return new ArrayList<>(found);
    }

    private static void walk(String prefix, Class<?> resource, int depth, Set<Endpoint> found) {
        if (depth > 8) {
            return;
        }
        for (Method method : resource.getMethods()) {
            if (method.getDeclaringClass() == Object.class) {
                continue;
            }
            Path path = annotation(method, Path.class);
            String full = prefix + (path == null ? "" : "/" + trim(path.value()));
            String http = httpMethod(method);
            if (http != null) {
                found.add(new Endpoint(http, full));
            } else if (path != null) {
                walk(full, method.getReturnType(), depth + 1, found);
            }
        }
    }

    private static String httpMethod(Method method) {
        for (Class<? extends Annotation> type : List.of(GET.class, POST.class, PUT.class, DELETE.class, OPTIONS.class)) {
            if (annotation(method, type) != null) {
                return type.getSimpleName();
            }
        }
        return null;
    }

    private static String trim(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    /** JAX-RS annotations sit on the resource interfaces; look there too. */
    private static <A extends Annotation> A annotation(Method method, Class<A> type) {
        A direct = method.getAnnotation(type);
        if (direct != null) {
            return direct;
        }
        for (Class<?> owner : hierarchy(method.getDeclaringClass())) {
            try {
                A inherited = owner.getMethod(method.getName(), method.getParameterTypes()).getAnnotation(type);
                if (inherited != null) {
                    return inherited;
                }
            } catch (NoSuchMethodException e) {
                // not declared there
            }
        }
        return null;
    }

    private static <A extends Annotation> A annotation(Class<?> type, Class<A> annotation) {
        for (Class<?> owner : hierarchy(type)) {
            if (owner.getAnnotation(annotation) != null) {
                return owner.getAnnotation(annotation);
            }
        }
        return null;
    }

    private static List<Class<?>> hierarchy(Class<?> type) {
        List<Class<?>> all = new ArrayList<>();
        Deque<Class<?>> queue = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            queue.add(c);
        }
        while (!queue.isEmpty()) {
            Class<?> next = queue.poll();
            if (!all.contains(next)) {
                all.add(next);
                queue.addAll(List.of(next.getInterfaces()));
            }
        }
        return all;
    }
}
