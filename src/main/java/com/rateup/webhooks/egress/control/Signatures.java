package com.rateup.webhooks.egress.control;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The two signatures a delivery carries. */
public final class Signatures {

    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final String WHSEC = "whsec_";

    private Signatures() {
    }

    /** {@code x-rateup-signature}: base64 HMAC-SHA256 of the body, keyed with the secret string's UTF-8 bytes. */
    public static String rateup(String secret, byte[] body) {
        return Base64.getEncoder().encodeToString(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    /**
     * Standard Webhooks {@code webhook-signature}: {@code v1,<base64>} over {@code id.timestamp.body},
     * keyed with the base64-decoded part of each {@code whsec_} secret, space-separated.
     */
    public static String standard(List<String> secrets, String id, long timestamp, byte[] body) {
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return secrets.stream()
                .map(secret -> "v1," + Base64.getEncoder().encodeToString(hmac(keyOf(secret), signed)))
                .collect(Collectors.joining(" "));
    }

    private static byte[] keyOf(String secret) {
        return Base64.getDecoder().decode(secret.startsWith(WHSEC) ? secret.substring(WHSEC.length()) : secret);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is in every Java runtime", e);
        }
    }
}
