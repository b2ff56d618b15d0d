package org.duban.system.decision;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The FEEL engine of Duban's decisions: Camunda's Scala FEEL, remembering what an expression gave for the values it
 * depends on. The Scala engine parses the expression and builds its table of built-in functions on every call; a
 * score asks some sixty cells (each rule's test, each table's input and output, the sheet) and spent most of its
 * time there, though a part's facts take few distinct values.
 * <p>
 * An expression's answer depends only on the values of the names it uses when every function it calls is a pure
 * built-in ({@link #PURE_FUNCTIONS}); a rule's test depends also on the input. Such an expression is remembered by
 * those values: {@code <= 0}, {@code [2..3]}, {@code "lead"}, {@code lateDays}, {@code qualityRating * 10}, the score
 * sheet's context. Anything else goes to the Scala engine every time: another function ({@code now()}, a custom
 * one), a name in backticks, a value that is not a number, string, boolean or null, a variable whose name is not a
 * plain word (FEEL names may hold spaces). The answer is always the Scala engine's own: the first time, and then
 * remembered; only numbers, strings, booleans, null and contexts of them are kept, and a context is handed out as a
 * copy.
 */
final class FeelMemo implements FeelEngine {

    /** Enough for every cell of every deployed decision with its usual values; emptied when full. */
    static final int CAPACITY = 20_000;
    static final Set<String> PURE_FUNCTIONS = Set.of("max", "min", "sum", "mean", "abs", "floor", "ceiling",
            "decimal", "modulo", "sqrt", "count", "not", "string", "number");
    private static final Set<String> WORDS = Set.of("true", "false", "null", "if", "then", "else", "and", "or");
    private static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "absent";
        }
    };

    /** How an expression can be remembered: not at all, or by the values of these names. */
    record Plan(boolean rememberable, List<String> names) {}

    private record Key(String input, String expression, List<Object> values) {}

    private final FeelEngine feel;
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();
    private final Map<Key, Optional<Object>> remembered = new ConcurrentHashMap<>();

    FeelMemo(FeelEngine feel) {
        this.feel = feel;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
        Key key = key(expression, null, variables);
        if (key == null) {
            return feel.evaluateSimpleExpression(expression, variables);
        }
        Optional<Object> known = remembered.get(key);
        if (known != null) {
            return (T) handedOut(known.orElse(null));
        }
        Object result = feel.evaluateSimpleExpression(expression, variables);
        Object kept = keepable(result);
        if (kept != null || result == null) {
            remember(key, kept);
        }
        return (T) result;
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
        Key key = key(expression, inputVariable, variables);
        if (key == null) {
            return feel.evaluateSimpleUnaryTests(expression, inputVariable, variables);
        }
        Optional<Object> known = remembered.get(key);
        if (known != null) {
            return (Boolean) known.get();
        }
        boolean result = feel.evaluateSimpleUnaryTests(expression, inputVariable, variables);
        remember(key, result);
        return result;
    }

    int size() {
        return remembered.size();
    }

    /** The values the answer depends on, or null when it cannot be remembered. */
    private Key key(String expression, String input, VariableContext variables) {
        Plan plan = plans.computeIfAbsent((input == null ? "e:" : "t:") + expression, k -> plan(expression, input != null));
        if (!plan.rememberable() || !plainNames(variables)) {
            return null;
        }
        List<Object> values = new ArrayList<>(2 * plan.names().size() + 2);
        if (input != null) {
            Object value = value(variables, input);
            if (value != ABSENT && !isScalar(value)) {
                return null;
            }
            values.add(value == null || value == ABSENT ? value : value.getClass());
            values.add(value);
        }
        for (String name : plan.names()) {
            Object value = value(variables, name);
            if (value != ABSENT && !isScalar(value)) {
                return null;
            }
            values.add(value == null || value == ABSENT ? value : value.getClass());
            values.add(value);
        }
        return new Key(input, expression, values);
    }

    private static Object value(VariableContext variables, String name) {
        if (!variables.containsVariable(name)) {
            return ABSENT;
        }
        TypedValue typed = variables.resolve(name);
        return typed == null ? null : typed.getValue();
    }

    /** A FEEL name with a space or a symbol would not be seen as one word here. */
    private static boolean plainNames(VariableContext variables) {
        for (String name : variables.keySet()) {
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == '_')) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Reads the text's words outside its string literals: a word before {@code (} must be a pure built-in, a word
     * before {@code :} is a context's key, literals and keywords are themselves, every other word is a name the
     * answer depends on. Backticks and unterminated strings are not read at all.
     */
    static Plan plan(String text, boolean test) {
        Set<String> names = new TreeSet<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    i += text.charAt(i) == '\\' ? 2 : 1;
                }
                if (i >= text.length()) {
                    return new Plan(false, List.of());
                }
                i++;
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                String word = text.substring(start, i);
                int next = i;
                while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
                    next++;
                }
                char after = next < text.length() ? text.charAt(next) : ' ';
                if (after == '(') {
                    if (!PURE_FUNCTIONS.contains(word)) {
                        return new Plan(false, List.of());
                    }
                } else if (after == ':' || WORDS.contains(word) || (test && word.equals("not"))) {
                    continue;
                } else {
                    names.add(word);
                }
            } else if (c == '`' || (c == '?' && !test)) {
                return new Plan(false, List.of());
            } else {
                i++;
            }
        }
        return new Plan(true, List.copyOf(names));
    }

    private void remember(Key key, Object result) {
        if (remembered.size() >= CAPACITY) {
            remembered.clear();
        }
        remembered.put(key, Optional.ofNullable(result));
    }

    /** What may be kept of an answer: a scalar as it is, a context of scalars as an unmodifiable copy; else null. */
    private static Object keepable(Object result) {
        if (result == null) {
            return null;
        }
        if (isScalar(result)) {
            return result;
        }
        if (result instanceof Map<?, ?> context) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : context.entrySet()) {
                if (!(entry.getKey() instanceof String) || !isScalar(entry.getValue())) {
                    return null;
                }
                copy.put(entry.getKey(), entry.getValue());
            }
            return Collections.unmodifiableMap(copy);
        }
        return null;
    }

    /** A kept context is handed out as a copy of its own: the caller may change what it gets. */
    private static Object handedOut(Object kept) {
        return kept instanceof Map<?, ?> context ? new LinkedHashMap<>(context) : kept;
    }

    private static boolean isScalar(Object value) {
        return value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Short || value instanceof Byte || value instanceof Double
                || value instanceof Float || value instanceof BigDecimal || value instanceof BigInteger;
    }
}
