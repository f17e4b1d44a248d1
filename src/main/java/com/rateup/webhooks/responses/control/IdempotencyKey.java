package com.rateup.webhooks.responses.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The {@code Idempotency-Key} of a submission, scoped to its survey: two surveys may see the same key.
 * Its {@link #id} is what is stored, a hash; the key travels no further than this.
 */
public record IdempotencyKey(String id) {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 255;

    /**
     * Empty without the header; {@link IllegalArgumentException}, with what is wrong, unless it is 1 to
     * {@value #MAX_LENGTH} printable ASCII characters. Taken as it comes: a quoted value (the IETF draft
     * writes the key as a structured-field string) and the same value unquoted are two keys.
     */
    public static Optional<IdempotencyKey> of(String surveyId, String header) {
        if (header == null) {
            return Optional.empty();
        }
        if (header.isEmpty() || header.length() > MAX_LENGTH || !header.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw new IllegalArgumentException(HEADER + ": must be 1 to " + MAX_LENGTH + " printable ASCII characters");
        }
        return Optional.of(new IdempotencyKey(sha256(surveyId + "\n" + header)));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
