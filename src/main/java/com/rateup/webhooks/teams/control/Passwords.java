package com.rateup.webhooks.teams.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/** The platform's password hash: PBKDF2 with HMAC-SHA256, 210,000 iterations (OWASP 2023). */
@ApplicationScoped
public class Passwords {

    @Inject
    Pbkdf2PasswordHash hash;

    /** Verified when the user is unknown, so that the answer takes as long as for a known one. */
    private String decoy;

    @PostConstruct
    void init() {
        hash.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "210000"));
        decoy = hash.generate("decoy".toCharArray());
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean verify(String password, String storedHash) {
        return hash.verify(password.toCharArray(), storedHash);
    }

    /** Spends the time of a verification and fails. */
    public boolean verifyNothing(String password) {
        hash.verify(password.toCharArray(), decoy);
        return false;
    }
}
