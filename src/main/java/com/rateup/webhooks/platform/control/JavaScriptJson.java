package com.rateup.webhooks.platform.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON exactly as JavaScript's {@code JSON.stringify} does, because receivers verify the
 * signature over {@code JSON.stringify(JSON.parse(body))}. JSON-B and JSON-P get strings right
 * but write numbers the Java way ({@code 1.0}, {@code 1.0E21}, {@code 19.90}); this writer
 * follows ECMAScript's {@code Number::toString} and {@code QuoteJSONString} instead, and orders
 * object keys the way JavaScript does (array-index keys first, ascending).
 */
public final class JavaScriptJson {

    private static final long MAX_ARRAY_INDEX = 4_294_967_294L;

    private JavaScriptJson() {
    }

    public static String stringify(JsonValue value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(JsonValue value, StringBuilder out) {
        switch (value.getValueType()) {
            case NULL -> out.append("null");
            case TRUE -> out.append("true");
            case FALSE -> out.append("false");
            case STRING -> quote(((JsonString) value).getString(), out);
            case NUMBER -> out.append(number(((JsonNumber) value).doubleValue()));
            case ARRAY -> writeArray((JsonArray) value, out);
            case OBJECT -> writeObject((JsonObject) value, out);
        }
    }

    private static void writeArray(JsonArray array, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < array.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(array.get(i), out);
        }
        out.append(']');
    }

    private static void writeObject(JsonObject object, StringBuilder out) {
        List<Map.Entry<String, JsonValue>> indexKeys = new ArrayList<>();
        List<Map.Entry<String, JsonValue>> otherKeys = new ArrayList<>();
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            (isArrayIndex(entry.getKey()) ? indexKeys : otherKeys).add(entry);
        }
        indexKeys.sort((a, b) -> Long.compare(Long.parseLong(a.getKey()), Long.parseLong(b.getKey())));
        indexKeys.addAll(otherKeys);
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonValue> entry : indexKeys) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(entry.getKey(), out);
            out.append(':');
            write(entry.getValue(), out);
        }
        out.append('}');
    }

    private static boolean isArrayIndex(String key) {
        if (key.isEmpty() || key.length() > 10 || (key.length() > 1 && key.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) < '0' || key.charAt(i) > '9') {
                return false;
            }
        }
        return Long.parseLong(key) <= MAX_ARRAY_INDEX;
    }

    /** ECMAScript QuoteJSONString. */
    static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1));
                    boolean pairedLow = Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
                    if (c < 0x20 || (Character.isSurrogate(c) && !pairedHigh && !pairedLow)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** ECMAScript Number::toString for finite numbers; JSON.stringify writes non-finite ones as null. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "null";
        }
        if (value == 0) {
            return "0";
        }
        if (value < 0) {
            return "-" + number(-value);
        }
        BigDecimal shortest = shortestRoundTrip(value).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale();
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int exponent = n - 1;
        String sign = exponent < 0 ? "-" : "+";
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return mantissa + "e" + sign + Math.abs(exponent);
    }

    /** The decimal with the fewest significant digits that reads back as the same double. */
    private static BigDecimal shortestRoundTrip(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == value) {
                return candidate;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }
}
