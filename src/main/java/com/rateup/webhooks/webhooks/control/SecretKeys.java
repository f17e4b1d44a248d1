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
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The key that encrypts webhook secrets at rest: {@code rateup.webhook.secret-key} (base64 of 32
 * random bytes). Without it the application refuses to start in production mode
 * ({@code rateup.mode=production}); otherwise it generates a development key, keeps it in the
 * database (so it is no protection there) and warns at every start.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // read-only after startup
public class SecretKeys {

    static final String KEY = WebhookConfig.SECRET_KEY;
    static final String DEVELOPMENT_KEY_SETTING = "webhook.secret-key.development";
    private static final Logger LOG = Logger.getLogger(SecretKeys.class.getName());

    @Inject
    WebhookConfig config;

    @PersistenceContext
    EntityManager em;

    private SecretCipher cipher;

    @PostConstruct
    void init() {
        cipher = new SecretCipher(config.secretKey().map(SecretKeys::decode).orElseGet(this::developmentKey));
        refuseAKeyThatDoesNotOpenTheStoredSecrets();
    }

    /**
     * A well-formed key other than the one the stored secrets were sealed with would fail every
     * response submitted to a survey with a webhook (the intake reads the secrets its first attempt
     * signs with): the application does not start with it, and says why.
     */
    private void refuseAKeyThatDoesNotOpenTheStoredSecrets() {
        em.createNativeQuery("SELECT secret FROM webhook").setMaxResults(1).getResultStream()
                .findFirst()
                .ifPresent(stored -> cipher.decrypt((String) stored));
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
