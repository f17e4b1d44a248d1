package com.rateup.webhooks.webhooks.control;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Webhook secrets are encrypted in the database ({@link SecretCipher}) and plain only in memory. */
@Converter
public class EncryptedSecret implements AttributeConverter<String, String> {

    @Override
    public String convertToDatabaseColumn(String secret) {
        return cipher().encrypt(secret);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return cipher().decrypt(stored);
    }

    private volatile SecretCipher cipher;

    // looked up once, not injected: the persistence provider creates converters, not CDI; and a CDI lookup per
    // row costs more than the decryption
    private SecretCipher cipher() {
        SecretCipher known = cipher;
        if (known == null) {
            known = CDI.current().select(SecretKeys.class).get().cipher();
            cipher = known;
        }
        return known;
    }
}
