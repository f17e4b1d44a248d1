package com.rateup.webhooks.teams.control;

import jakarta.annotation.PostConstruct;
import com.rateup.webhooks.platform.entity.PlatformSetting;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The platform administrator's credentials: {@code rateup.admin.password} when configured;
 * otherwise a password generated at the first start, logged that once, and kept only as a
 * PBKDF2 hash in the database so it survives restarts.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // the hash changes at most once, on an upgrade: a volatile field suffices
public class AdminCredentials {

    private static final Logger LOG = Logger.getLogger(AdminCredentials.class.getName());
    private static final String SETTING = "admin.password-hash";

    @Inject
    TeamConfig config;

    @Inject
    Passwords passwords;

    @PersistenceContext
    EntityManager em;

    private volatile String storedHash;

    @PostConstruct
    void init() {
        if (config.adminPassword().isPresent()) {
            return;
        }
        PlatformSetting setting = em.find(PlatformSetting.class, SETTING);
        if (setting == null) {
            String generated = generatePassword();
            setting = new PlatformSetting(SETTING, passwords.hash(generated));
            em.persist(setting);
            LOG.warning("Generated the administrator password (shown once): user '" + config.adminUsername() + "', password '"
                    + generated + "'. Set rateup.admin.password to choose your own.");
        }
        storedHash = setting.value();
    }

    public boolean isAdministrator(String givenUser) {
        return MessageDigest.isEqual(bytes(config.adminUsername()), bytes(givenUser));
    }

    public boolean matches(String givenUser, String givenPassword) {
        boolean userMatches = MessageDigest.isEqual(bytes(config.adminUsername()), bytes(givenUser));
        boolean passwordMatches = config.adminPassword()
                .map(p -> MessageDigest.isEqual(bytes(p), bytes(givenPassword)))
                .orElseGet(() -> passwords.verify(givenPassword, storedHash));
        if (userMatches && passwordMatches && storedHash != null && Passwords.outdated(storedHash)) {
            rehash(givenPassword);
        }
        return userMatches & passwordMatches;
    }

    /** In the caller's transaction (a singleton EJB method requires one). */
    private void rehash(String password) {
        String stronger = passwords.hash(password);
        em.find(PlatformSetting.class, SETTING).replace(stronger);
        storedHash = stronger;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String generatePassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
