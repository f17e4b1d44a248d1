package com.rateup.webhooks.webhooks.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts webhook secrets for the database with AES-256-GCM: {@code v1:} + base64 of a random
 * 12-byte nonce followed by the ciphertext and its 16-byte tag. A value without the prefix is a
 * secret stored before encryption existed; it is read as it is and encrypted when next written.
 * Values are always sealed with the current key; older keys (a key rotation in progress) only open
 * what was sealed with them.
 */
public final class SecretCipher {

    static final String PREFIX = "v1:";
    static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final List<SecretKeySpec> olderKeys;

    public SecretCipher(byte[] key) {
        this(key, List.of());
    }

    public SecretCipher(byte[] key, List<byte[]> olderKeys) {
        this.key = aesKey(key);
        this.olderKeys = olderKeys.stream().map(SecretCipher::aesKey).toList();
    }

    private static SecretKeySpec aesKey(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the key must be " + KEY_BYTES + " bytes, not " + key.length);
        }
        return new SecretKeySpec(key, "AES");
    }

    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The secret, opened with the current key or an older one; fails without revealing anything when no
     * key opens it (sealed with a key not configured, or altered).
     */
    public String decrypt(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        String opened = open(stored, key);
        for (int i = 0; opened == null && i < olderKeys.size(); i++) {
            opened = open(stored, olderKeys.get(i));
        }
        if (opened == null) {
            throw new IllegalStateException("a stored webhook secret cannot be decrypted: wrong rateup.webhook.secret-key"
                    + " (or the key it was sealed with is not among rateup.webhook.previous-secret-keys), or the value was altered");
        }
        return opened;
    }

    /** Whether the value is sealed with the current key: anything else is re-encrypted at start ({@link SecretKeys}). */
    public boolean sealedWithCurrentKey(String stored) {
        return stored.startsWith(PREFIX) && open(stored, key) != null;
    }

    private static String open(String stored, SecretKeySpec candidate) {
        try {
            byte[] sealed = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, candidate, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException notThisKeyOrAltered) {
            return null;
        }
    }

    /**
     * A key for another purpose, derived from this one (HMAC-SHA256 of the purpose): it is as secret as
     * this key and changes with it, and no derived key tells anything of another.
     */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
