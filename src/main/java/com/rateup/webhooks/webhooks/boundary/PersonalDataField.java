package com.rateup.webhooks.webhooks.boundary;

import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.webhooks.entity.PersonalData;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code personalData} of every webhook's JSON (#34): {@code {"phone":"send"|"mask"|"pseudonymise"|"omit",
 * "freeText":"send"|"omit"}}. Absent keeps the webhook's policy, and so does a member left out: a save that
 * names only the phone cannot start sending free text again by accident.
 */
final class PersonalDataField {

    static final String DESCRIPTION = "What it may see of the respondent: phone send (as given), mask (all but the last two digits"
            + " replaced by *), pseudonymise (a keyed hash, the same for a number across the team's webhooks, unlinkable across teams)"
            + " or omit (null); freeText (answers to Text questions) send or omit (null). A member left out keeps the webhook's;"
            + " default send/send";

    private static final Set<String> MEMBERS = Set.of("phone", "freeText");

    private PersonalDataField() {
    }

    /** Null when absent: the webhook keeps its policy. */
    static PersonalData parse(JsonValue given) {
        if (given == null) {
            return null;
        }
        if (!(given instanceof JsonObject object)) {
            throw invalid("expects an object like {\"phone\":\"mask\",\"freeText\":\"omit\"}");
        }
        object.keySet().stream().filter(key -> !MEMBERS.contains(key)).findFirst()
                .ifPresent(unknown -> {
                    throw invalid("unknown member '" + unknown + "'; known: phone, freeText");
                });
        return new PersonalData(
                member(object, "phone", PersonalData.Phone::ofWireName, PersonalData.Phone.values(), PersonalData.Phone::wireName),
                member(object, "freeText", PersonalData.FreeText::ofWireName, PersonalData.FreeText.values(), PersonalData.FreeText::wireName));
    }

    static JsonObject of(Webhook webhook) {
        PersonalData policy = webhook.personalData();
        return Json.createObjectBuilder()
                .add("phone", policy.phone().wireName())
                .add("freeText", policy.freeText().wireName())
                .build();
    }

    private static <T> T member(JsonObject object, String name, Function<String, Optional<T>> ofWireName, T[] known, Function<T, String> wireName) {
        JsonValue value = object.get(name);
        if (value == null) {
            return null;
        }
        String allowed = Arrays.stream(known).map(wireName).collect(Collectors.joining(", "));
        if (!(value instanceof JsonString text)) {
            throw invalid(name + " must be one of " + allowed);
        }
        return ofWireName.apply(text.getString()).orElseThrow(() -> invalid(name + ": unknown policy '" + text.getString() + "'; known: " + allowed));
    }

    private static RuntimeException invalid(String problem) {
        return Problems.badRequest("validation failed", "personalData: " + problem);
    }
}
