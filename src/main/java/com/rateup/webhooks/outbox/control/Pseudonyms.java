package com.rateup.webhooks.outbox.control;

import com.rateup.webhooks.responses.entity.SurveyResponse;
import com.rateup.webhooks.webhooks.control.SecretCipher;
import com.rateup.webhooks.webhooks.control.SecretKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code pseudonymise} policy's phone numbers: HMAC-SHA256 under a key of the team's own, derived
 * from {@code rateup.webhook.secret-key}. The same number gets the same pseudonym on every webhook of the
 * team (a receiver can join a respondent's responses), another team's pseudonym for it is unrelated, and
 * nobody without the key can tell a number from its pseudonym — not even by trying every phone number,
 * which a plain hash would allow. A new secret key gives every number a new pseudonym.
 */
@ApplicationScoped
public class Pseudonyms {

    static final String PREFIX = "psn_";
    /** 128 bits: collisions among a team's respondents are not a concern. */
    private static final int BYTES = 16;

    @Inject
    SecretKeys keys;

    private final Map<String, SecretKeySpec> teamKeys = new ConcurrentHashMap<>();

    /** The team's pseudonym for a phone number; {@code +14155552671} and {@code 14155552671} are one number. */
    public UnaryOperator<String> ofTeam(String teamId) {
        SecretKeySpec key = teamKeys.computeIfAbsent(teamId, id -> keyOf(keys.cipher(), id));
        return phone -> of(key, phone);
    }

    static SecretKeySpec keyOf(SecretCipher cipher, String teamId) {
        return new SecretKeySpec(cipher.derive("rateup-webhooks pseudonyms of team " + teamId), "HmacSHA256");
    }

    static String of(SecretKeySpec key, String phone) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] hash = mac.doFinal(SurveyResponse.digitsOf(phone).getBytes(StandardCharsets.US_ASCII));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
