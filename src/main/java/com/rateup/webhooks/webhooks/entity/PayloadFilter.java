package com.rateup.webhooks.webhooks.entity;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A webhook's filter on what it receives: a JSON object in MongoDB's query syntax (as Outpost's and
 * Convoy's filters), evaluated against the payload exactly as it is sent. A field is named by its path
 * ({@code "language"}, {@code "survey.tag"}); a path through an array looks into each element, and a
 * condition on an array holds when it holds for the array or any element, as in MongoDB. Operators:
 * {@code $eq $ne $gt $gte $lt $lte $in $nin $exists $not $elemMatch} on a field, {@code $and $or $nor}
 * on filters. Numbers compare as numbers, strings as strings, other pairs never.
 *
 * <p>Bounded by construction: at most {@link #MAX_BYTES} of JSON and {@link #MAX_DEPTH} levels, no
 * regular expressions (a pattern can take exponential time on a crafted answer), so evaluating one costs
 * time in proportion to the filter times the payload. A filter that breaks a rule is refused whole, with
 * the path of what is wrong ({@link Invalid}); it is never half applied.
 */
public final class PayloadFilter {

    public static final int MAX_BYTES = 4096;
    public static final int MAX_DEPTH = 8;

    private static final Set<String> COMBINERS = Set.of("$and", "$or", "$nor");

    private final String text;
    private final Predicate<JsonObject> matcher;

    private PayloadFilter(String text, Predicate<JsonObject> matcher) {
        this.text = text;
        this.matcher = matcher;
    }

    /** The filter of {@code json}; empty for {@code {}}, which matches everything (no filter). */
    public static Optional<PayloadFilter> of(JsonObject json) {
        String text = json.toString();
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new Invalid("filter", "is longer than " + MAX_BYTES + " bytes");
        }
        checkDepth(json, "filter", 1);
        return json.isEmpty() ? Optional.empty() : Optional.of(new PayloadFilter(text, document(json, "filter")));
    }

    /** A filter as stored (it was checked when it was saved); empty for none. */
    public static Optional<PayloadFilter> ofStored(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            return of(reader.readObject());
        }
    }

    public boolean matches(JsonObject payload) {
        return matcher.test(payload);
    }

    /** {@code payload}: the JSON text as it is sent. */
    public boolean matches(String payload) {
        try (var reader = Json.createReader(new StringReader(payload))) {
            return matches(reader.readObject());
        }
    }

    /** The filter as it was saved, compact. */
    public String text() {
        return text;
    }

    public JsonObject json() {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static void checkDepth(JsonValue value, String path, int depth) {
        if (value instanceof JsonObject object) {
            if (depth > MAX_DEPTH) {
                throw new Invalid(path, "is nested deeper than " + MAX_DEPTH + " levels");
            }
            object.forEach((key, member) -> checkDepth(member, path + "." + key, depth + 1));
        } else if (value instanceof JsonArray array) {
            if (depth > MAX_DEPTH) {
                throw new Invalid(path, "is nested deeper than " + MAX_DEPTH + " levels");
            }
            for (int i = 0; i < array.size(); i++) {
                checkDepth(array.get(i), path + "[" + i + "]", depth + 1);
            }
        }
    }

    /** A filter on a document: every entry holds. */
    private static Predicate<JsonObject> document(JsonObject filter, String path) {
        List<Predicate<JsonObject>> all = new ArrayList<>();
        for (Map.Entry<String, JsonValue> entry : filter.entrySet()) {
            String key = entry.getKey();
            String at = path + "." + key;
            if (key.startsWith("$")) {
                if (!COMBINERS.contains(key)) {
                    throw new Invalid(at, "is not an operator on filters (use $and, $or or $nor; field operators go under a field)");
                }
                List<Predicate<JsonObject>> parts = filters(entry.getValue(), at);
                all.add(switch (key) {
                    case "$and" -> document -> parts.stream().allMatch(part -> part.test(document));
                    case "$or" -> document -> parts.stream().anyMatch(part -> part.test(document));
                    default -> document -> parts.stream().noneMatch(part -> part.test(document));
                });
            } else {
                if (key.isEmpty()) {
                    throw new Invalid(at, "names no field");
                }
                String[] fieldPath = key.split("\\.", -1);
                Predicate<List<JsonValue>> condition = condition(entry.getValue(), at);
                all.add(document -> condition.test(resolve(document, fieldPath)));
            }
        }
        return document -> all.stream().allMatch(part -> part.test(document));
    }

    private static List<Predicate<JsonObject>> filters(JsonValue operand, String path) {
        if (!(operand instanceof JsonArray array) || array.isEmpty()) {
            throw new Invalid(path, "expects a non-empty array of filters");
        }
        List<Predicate<JsonObject>> parts = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonObject part)) {
                throw new Invalid(path + "[" + i + "]", "expects a filter (an object)");
            }
            parts.add(document(part, path + "[" + i + "]"));
        }
        return parts;
    }

    /** A condition on a field's values: an object of operators, or a value it must equal. */
    private static Predicate<List<JsonValue>> condition(JsonValue value, String path) {
        if (value instanceof JsonObject object && object.keySet().stream().anyMatch(key -> key.startsWith("$"))) {
            if (!object.keySet().stream().allMatch(key -> key.startsWith("$"))) {
                throw new Invalid(path, "mixes operators and fields");
            }
            List<Predicate<List<JsonValue>>> all = new ArrayList<>();
            object.forEach((operator, operand) -> all.add(operator(operator, operand, path + "." + operator)));
            return values -> all.stream().allMatch(part -> part.test(values));
        }
        return values -> equalsAny(values, value);
    }

    private static Predicate<List<JsonValue>> operator(String operator, JsonValue operand, String path) {
        return switch (operator) {
            case "$eq" -> values -> equalsAny(values, operand);
            case "$ne" -> values -> !equalsAny(values, operand);
            case "$gt" -> compared(operand, path, order -> order > 0);
            case "$gte" -> compared(operand, path, order -> order >= 0);
            case "$lt" -> compared(operand, path, order -> order < 0);
            case "$lte" -> compared(operand, path, order -> order <= 0);
            case "$in" -> {
                List<JsonValue> options = options(operand, path);
                yield values -> options.stream().anyMatch(option -> equalsAny(values, option));
            }
            case "$nin" -> {
                List<JsonValue> options = options(operand, path);
                yield values -> options.stream().noneMatch(option -> equalsAny(values, option));
            }
            case "$exists" -> {
                if (operand.getValueType() != JsonValue.ValueType.TRUE && operand.getValueType() != JsonValue.ValueType.FALSE) {
                    throw new Invalid(path, "expects true or false");
                }
                boolean exists = operand == JsonValue.TRUE;
                yield values -> !values.isEmpty() == exists;
            }
            case "$not" -> {
                if (!(operand instanceof JsonObject object) || object.isEmpty() || !object.keySet().stream().allMatch(key -> key.startsWith("$"))) {
                    throw new Invalid(path, "expects an object of operators");
                }
                Predicate<List<JsonValue>> negated = condition(operand, path);
                yield values -> !negated.test(values);
            }
            case "$elemMatch" -> elementMatch(operand, path);
            default -> throw new Invalid(path, "is not a known operator ($eq $ne $gt $gte $lt $lte $in $nin $exists $not $elemMatch; "
                    + "no $regex: patterns are not bounded in time)");
        };
    }

    private static Predicate<List<JsonValue>> compared(JsonValue operand, String path, Predicate<Integer> order) {
        if (!(operand instanceof JsonNumber) && !(operand instanceof JsonString)) {
            throw new Invalid(path, "expects a number or a string");
        }
        return values -> expanded(values).stream().anyMatch(value -> {
            Integer compared = compare(value, operand);
            return compared != null && order.test(compared);
        });
    }

    private static List<JsonValue> options(JsonValue operand, String path) {
        if (!(operand instanceof JsonArray array)) {
            throw new Invalid(path, "expects an array of values");
        }
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonObject object && object.keySet().stream().anyMatch(key -> key.startsWith("$"))) {
                throw new Invalid(path + "[" + i + "]", "expects a value, not operators");
            }
        }
        return array;
    }

    /** An array field with an element that satisfies every condition given: operators on scalars, or a filter on objects. */
    private static Predicate<List<JsonValue>> elementMatch(JsonValue operand, String path) {
        if (!(operand instanceof JsonObject object) || object.isEmpty()) {
            throw new Invalid(path, "expects a non-empty object: a filter on the elements, or operators");
        }
        Predicate<JsonValue> element;
        if (object.keySet().stream().allMatch(key -> key.startsWith("$") && !COMBINERS.contains(key))) {
            Predicate<List<JsonValue>> onElement = condition(object, path);
            element = value -> onElement.test(List.of(value));
        } else {
            Predicate<JsonObject> onObject = document(object, path);
            element = value -> value instanceof JsonObject elementObject && onObject.test(elementObject);
        }
        return values -> values.stream().anyMatch(value -> value instanceof JsonArray array && array.stream().anyMatch(element));
    }

    /** The values at a path, looking into each element of an array on the way; none when it is missing. */
    static List<JsonValue> resolve(JsonValue document, String[] path) {
        List<JsonValue> found = new ArrayList<>();
        resolve(document, path, 0, found);
        return found;
    }

    private static void resolve(JsonValue value, String[] path, int step, List<JsonValue> found) {
        if (step == path.length) {
            found.add(value);
        } else if (value instanceof JsonObject object) {
            if (object.containsKey(path[step])) {
                resolve(object.get(path[step]), path, step + 1, found);
            }
        } else if (value instanceof JsonArray array) {
            for (JsonValue element : array) {
                if (element instanceof JsonObject) {
                    resolve(element, path, step, found);
                }
            }
        }
    }

    /** The values and, for an array, its elements: a condition on an array holds when it holds for any element. */
    private static List<JsonValue> expanded(List<JsonValue> values) {
        List<JsonValue> all = new ArrayList<>(values);
        values.stream().filter(JsonArray.class::isInstance).forEach(array -> all.addAll(array.asJsonArray()));
        return all;
    }

    /** {@code null} also matches a missing field, as in MongoDB. */
    private static boolean equalsAny(List<JsonValue> values, JsonValue expected) {
        if (values.isEmpty()) {
            return expected == JsonValue.NULL;
        }
        return expanded(values).stream().anyMatch(value -> same(value, expected));
    }

    private static boolean same(JsonValue value, JsonValue expected) {
        if (value instanceof JsonNumber number && expected instanceof JsonNumber other) {
            return number.bigDecimalValue().compareTo(other.bigDecimalValue()) == 0;
        }
        return value.equals(expected);
    }

    private static Integer compare(JsonValue value, JsonValue bound) {
        if (value instanceof JsonNumber number && bound instanceof JsonNumber other) {
            return number.bigDecimalValue().compareTo(other.bigDecimalValue());
        }
        if (value instanceof JsonString string && bound instanceof JsonString other) {
            return string.getString().compareTo(other.getString());
        }
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PayloadFilter filter && filter.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** A filter that breaks a rule; {@code path} names what ({@code filter.responses.$elemMatch.response.$lte}). */
    public static final class Invalid extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final String path;

        public Invalid(String path, String problem) {
            super(path + " " + problem);
            this.path = path;
        }

        public String path() {
            return path;
        }
    }
}
