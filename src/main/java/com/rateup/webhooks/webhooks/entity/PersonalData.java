package com.rateup.webhooks.webhooks.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What a webhook may see of the respondent (its {@code personalData}): the phone number sent as it
 * is, masked, as the team's pseudonym, or not at all; free-text answers sent or not. Whatever is left
 * out keeps its key with {@code null}, so a receiver written for the seed's payload still parses it.
 * A null member, only in a save, keeps what the webhook has. A webhook starts with both sent (the
 * seed's payload; {@code Webhook}'s field initialisers).
 */
public record PersonalData(Phone phone, FreeText freeText) {

    /** The members this one names, the others of {@code current}. */
    public PersonalData over(PersonalData current) {
        return new PersonalData(phone != null ? phone : current.phone, freeText != null ? freeText : current.freeText);
    }

    /** The phone number as this policy sends it; {@code pseudonym} is the team's keyed hash of a number. */
    public String phoneAsSent(String number, UnaryOperator<String> pseudonym) {
        if (number == null) {
            return null;
        }
        return switch (phone) {
            case SEND -> number;
            case MASK -> masked(number);
            case PSEUDONYMISE -> pseudonym.apply(number);
            case OMIT -> null;
        };
    }

    public boolean sendsFreeText() {
        return freeText == FreeText.SEND;
    }

    /** Every digit but the last two replaced: {@code +14155552671} → {@code +*********71}. */
    static String masked(String number) {
        StringBuilder masked = new StringBuilder(number);
        int digitsLeft = (int) number.chars().filter(Character::isDigit).count();
        for (int i = 0; i < masked.length() && digitsLeft > 2; i++) {
            if (Character.isDigit(masked.charAt(i))) {
                masked.setCharAt(i, '*');
                digitsLeft--;
            }
        }
        return masked.toString();
    }

    public enum Phone {
        SEND, MASK, PSEUDONYMISE, OMIT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Phone> ofWireName(String name) {
            return Arrays.stream(values()).filter(value -> value.wireName().equals(name)).findFirst();
        }
    }

    public enum FreeText {
        SEND, OMIT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<FreeText> ofWireName(String name) {
            return Arrays.stream(values()).filter(value -> value.wireName().equals(name)).findFirst();
        }
    }
}
