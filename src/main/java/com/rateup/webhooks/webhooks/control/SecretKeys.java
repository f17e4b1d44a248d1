package com.rateup.webhooks.webhooks.control;

import com.rateup.webhooks.platform.entity.PlatformSetting;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The key that encrypts webhook secrets at rest: {@code rateup.webhook.secret-key} (base64 of 32
 * random bytes). Without it the application refuses to start in production mode
 * ({@code rateup.mode=production}); otherwise it generates a development key, keeps it in the
 * database (so it is no protection there) and warns at every start.
 *
 * <p>Rotation: at start every stored value not sealed with the current key is re-encrypted with it,
 * opened with a key of {@code rateup.webhook.previous-secret-keys} or with the development key the
 * database still holds (which is then deleted: moving from development to production keeps the
 * secrets). A value no configured key opens keeps the application from starting, and nothing is
 * changed. Values are compared when written back, so instances starting together, or an admin
 * rotating a secret meanwhile, never lose a write.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // read-only after startup
public class SecretKeys {

    static final String KEY = WebhookConfig.SECRET_KEY;
    static final String DEVELOPMENT_KEY_SETTING = "webhook.secret-key.development";
    /** Every column {@link EncryptedSecret} seals (orm.xml). */
    private static final List<String> SEALED_COLUMNS = List.of("secret", "previous_secret", "authentication");
    private static final Logger LOG = Logger.getLogger(SecretKeys.class.getName());

    @Inject
    WebhookConfig config;

    @PersistenceContext
    EntityManager em;

    private SecretCipher cipher;

    @PostConstruct
    void init() {
        List<String> previousKeys = config.previousSecretKeys();
        List<byte[]> olderKeys = new ArrayList<>(previousKeys.stream().map(SecretKeys::decode).toList());
        Optional<byte[]> configuredKey = config.secretKey().map(SecretKeys::decode);
        PlatformSetting developmentKey = null;
        if (configuredKey.isPresent()) {
            developmentKey = em.find(PlatformSetting.class, DEVELOPMENT_KEY_SETTING);
            if (developmentKey != null) {
                olderKeys.add(Base64.getDecoder().decode(developmentKey.value()));
            }
        }
        cipher = new SecretCipher(configuredKey.orElseGet(this::developmentKey), olderKeys);
        int resealed = resealWithTheCurrentKey();
        if (resealed > 0) {
            LOG.warning("re-encrypted " + resealed + " stored webhook secrets and credentials with the current " + KEY);
        }
        if (developmentKey != null) {
            em.remove(developmentKey);
            LOG.warning("deleted the development key from the database: every stored secret is now sealed with " + KEY);
        }
        if (!previousKeys.isEmpty()) {
            LOG.info("every stored secret is sealed with the current " + KEY + "; rateup.webhook.previous-secret-keys"
                    + " can be removed once every instance runs with this key");
        }
    }

    /**
     * Re-encrypts with the current key every stored value another key sealed (or none: stored before
     * encryption existed), and counts them. A value no key opens throws ({@link SecretCipher#decrypt}):
     * a well-formed but wrong key would fail every response submitted to a survey with a webhook (the
     * intake reads the secrets its first attempt signs with), so the application does not start, says
     * why, and the transaction leaves every value as it was.
     */
    private int resealWithTheCurrentKey() {
        int resealed = 0;
        for (String column : SEALED_COLUMNS) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT id, " + column + " FROM webhook WHERE " + column + " IS NOT NULL")
                    .getResultList();
            for (Object[] row : rows) {
                String stored = (String) row[1];
                if (!cipher.sealedWithCurrentKey(stored)) {
                    resealed += em.createNativeQuery("UPDATE webhook SET " + column + " = ? WHERE id = ? AND " + column + " = ?")
                            .setParameter(1, cipher.encrypt(cipher.decrypt(stored)))
                            .setParameter(2, row[0])
                            .setParameter(3, stored)
                            .executeUpdate();
                }
            }
        }
        return resealed;
    }

    public SecretCipher cipher() {
        return cipher;
    }

    static byte[] decode(String base64) {
        try {
            byte[] key = Base64.getDecoder().decode(base64.strip());
            if (key.length == SecretCipher.KEY_BYTES) {
                return key;
            }
        } catch (IllegalArgumentException notBase64) {
            // the message below says what is expected
        }
        throw new IllegalStateException(KEY + " must be the base64 of " + SecretCipher.KEY_BYTES
                + " random bytes, e.g. from: openssl rand -base64 32");
    }

    private byte[] developmentKey() {
        if (config.productionMode()) {
            throw new IllegalStateException(KEY + " is not set: in production mode (rateup.mode=production) webhook secrets"
                    + " are encrypted with a key you provide. Generate one with: openssl rand -base64 32");
        }
        PlatformSetting setting = em.find(PlatformSetting.class, DEVELOPMENT_KEY_SETTING);
        if (setting == null) {
            byte[] key = new byte[SecretCipher.KEY_BYTES];
            new SecureRandom().nextBytes(key);
            setting = new PlatformSetting(DEVELOPMENT_KEY_SETTING, Base64.getEncoder().encodeToString(key));
            em.persist(setting);
        }
        LOG.warning(KEY + " is not set: webhook secrets are encrypted with a generated development key kept in the"
                + " database itself. Set it (openssl rand -base64 32) and rateup.mode=production for production.");
        return Base64.getDecoder().decode(setting.value());
    }
}
