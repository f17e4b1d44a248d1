package com.rateup.webhooks.webhooks.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void encryptsToAFreshCiphertextEachTimeThatDecryptsToTheSecret() {
        SecretCipher cipher = new SecretCipher(key());

        String first = cipher.encrypt(SECRET);
        String second = cipher.encrypt(SECRET);

        assertThat(first).startsWith("v1:").doesNotContain("whsec_").doesNotContain(SECRET.substring(6)).isNotEqualTo(second);
        assertThat(first.length()).isLessThanOrEqualTo(200); // the column
        assertThat(cipher.decrypt(first)).isEqualTo(SECRET);
        assertThat(cipher.decrypt(second)).isEqualTo(SECRET);
    }

    @Test
    void anotherKeyOrAnAlteredValueFailsWithoutRevealingAnything() {
        String sealed = new SecretCipher(key()).encrypt(SECRET);
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String altered = "v1:" + Base64.getEncoder().encodeToString(bytes);
        SecretCipher other = new SecretCipher(key());

        assertThatThrownBy(() -> other.decrypt(sealed)).hasMessageContaining("cannot be decrypted").hasNoCause();
        assertThatThrownBy(() -> new SecretCipher(key()).decrypt(altered)).hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> other.decrypt("v1:not base64!")).hasMessageContaining("cannot be decrypted");
    }

    @Test
    void olderKeysOpenWhatTheySealedAndTheCurrentKeySealsEverythingNew() {
        byte[] old = key();
        byte[] current = key();
        String sealedWithOld = new SecretCipher(old).encrypt(SECRET);
        SecretCipher rotating = new SecretCipher(current, java.util.List.of(key(), old));

        assertThat(rotating.decrypt(sealedWithOld)).isEqualTo(SECRET);
        assertThat(rotating.sealedWithCurrentKey(sealedWithOld)).isFalse();
        assertThat(rotating.sealedWithCurrentKey(SECRET)).isFalse(); // stored before encryption
        String resealed = rotating.encrypt(SECRET);
        assertThat(rotating.sealedWithCurrentKey(resealed)).isTrue();
        assertThat(new SecretCipher(current).decrypt(resealed)).isEqualTo(SECRET);
        assertThatThrownBy(() -> new SecretCipher(old).decrypt(resealed)).hasMessageContaining("previous-secret-keys");
    }

    @Test
    void previousKeysAreACommaSeparatedList() {
        WebhookConfig config = new WebhookConfig();
        config.previousSecretKeys = java.util.Optional.of(" a= ,, b= ");
        assertThat(config.previousSecretKeys()).containsExactly("a=", "b=");
        config.previousSecretKeys = java.util.Optional.empty();
        assertThat(config.previousSecretKeys()).isEmpty();
    }

    @Test
    void aSecretStoredBeforeEncryptionIsReadAsItIs() {
        assertThat(new SecretCipher(key()).decrypt(SECRET)).isEqualTo(SECRET);
        assertThat(new SecretCipher(key()).decrypt(null)).isNull();
    }

    @Test
    void theConfiguredKeyMustBe32Base64Bytes() {
        assertThat(SecretKeys.decode(Base64.getEncoder().encodeToString(key()))).hasSize(32);
        assertThatThrownBy(() -> SecretKeys.decode("c2hvcnQ=")).hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> SecretKeys.decode("%%%")).hasMessageContaining("base64 of 32");
        assertThatThrownBy(() -> new SecretCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void productionModeWithoutAKeyRefusesToStart() {
        SecretKeys keys = new SecretKeys();
        keys.config = new WebhookConfig();
        keys.config.secretKey = java.util.Optional.empty();
        keys.config.previousSecretKeys = java.util.Optional.empty();
        keys.config.mode = "production";

        assertThatThrownBy(keys::init).hasMessageContaining("rateup.webhook.secret-key is not set").hasMessageContaining("production mode");
    }
}
