package com.rateup.webhooks.surveys.entity;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * The question types and the answers each accepts. {@code null} is accepted by every type: the
 * respondent skipped the question.
 */
public enum QuestionType {
    Rating, Smiley, NPS, Text, Choice, MultiChoice, YesNo, Number;

    public static final Set<String> SMILEY_LABELS = Set.of("Very unhappy", "Unhappy", "Neutral", "Happy", "Very happy");
    public static final int MAX_TEXT_LENGTH = 4000;
    public static final int MAX_LABEL_LENGTH = 500;
    public static final int MAX_CHOICES = 50;

    /** Why the value is not an answer to a question of this type, or empty when it is. */
    public Optional<String> problemWith(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        return switch (this) {
            case Rating -> integerIn(value, 1, 5);
            case NPS -> integerIn(value, 0, 10);
            case Smiley -> value instanceof JsonString s && SMILEY_LABELS.contains(s.getString())
                    ? Optional.empty()
                    : Optional.of("must be one of " + String.join(", ", SMILEY_LABELS.stream().sorted().toList()));
            case Text -> text(value, MAX_TEXT_LENGTH);
            case Choice -> text(value, MAX_LABEL_LENGTH);
            case MultiChoice -> labels(value);
            case YesNo -> value == JsonValue.TRUE || value == JsonValue.FALSE
                    || value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE
                    ? Optional.empty()
                    : Optional.of("must be true or false");
            case Number -> finiteNumber(value);
        };
    }

    private static Optional<String> integerIn(JsonValue value, int min, int max) {
        String expected = "must be an integer from " + min + " to " + max;
        if (!(value instanceof JsonNumber number)) {
            return Optional.of(expected);
        }
        BigDecimal decimal = number.bigDecimalValue();
        boolean integral = decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0;
        return integral && decimal.compareTo(BigDecimal.valueOf(min)) >= 0 && decimal.compareTo(BigDecimal.valueOf(max)) <= 0
                ? Optional.empty()
                : Optional.of(expected);
    }

    private static Optional<String> finiteNumber(JsonValue value) {
        if (!(value instanceof JsonNumber number)) {
            return Optional.of("must be a number");
        }
        return Double.isFinite(number.doubleValue()) ? Optional.empty() : Optional.of("must be a finite number");
    }

    private static Optional<String> text(JsonValue value, int maxLength) {
        if (!(value instanceof JsonString string)) {
            return Optional.of("must be a string");
        }
        return wellFormed(string.getString(), maxLength);
    }

    private static Optional<String> labels(JsonValue value) {
        if (!(value instanceof JsonArray array)) {
            return Optional.of("must be an array of strings");
        }
        if (array.size() > MAX_CHOICES) {
            return Optional.of("must have at most " + MAX_CHOICES + " labels");
        }
        for (JsonValue item : array) {
            Optional<String> problem = item instanceof JsonString label
                    ? wellFormed(label.getString(), MAX_LABEL_LENGTH)
                    : Optional.of("must be an array of strings");
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /**
     * Strings must be valid Unicode: a lone surrogate cannot be written as UTF-8, so the signed
     * bytes would differ from what the receiver re-serialises.
     */
    private static Optional<String> wellFormed(String text, int maxLength) {
        if (text.codePointCount(0, text.length()) > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must not contain unpaired surrogate characters");
            }
        }
        return Optional.empty();
    }
}
