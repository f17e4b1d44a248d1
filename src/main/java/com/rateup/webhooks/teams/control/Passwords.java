package com.rateup.webhooks.teams.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * The platform's password hash: PBKDF2 with HMAC-SHA256 and 600,000 iterations, OWASP's figure for
 * SHA-256 (Password Storage Cheat Sheet). A hash made with fewer (earlier versions: 210,000) still verifies,
 * and is replaced at the next successful login ({@link #outdated}).
 */
@ApplicationScoped
public class Passwords {

    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    static final int ITERATIONS = 600_000;

    @Inject
    Pbkdf2PasswordHash hash;

    /** Verified when the user is unknown, so that the answer takes as long as for a known one. */
    private String decoy;

    @PostConstruct
    void init() {
        hash.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", ALGORITHM,
                "Pbkdf2PasswordHash.Iterations", Integer.toString(ITERATIONS)));
        decoy = hash.generate("decoy".toCharArray());
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean verify(String password, String storedHash) {
        return hash.verify(password.toCharArray(), storedHash);
    }

    /** Whether a stored hash ({@code algorithm:iterations:salt:hash}) is weaker than what {@link #hash} makes now. */
    public static boolean outdated(String storedHash) {
        String[] parts = storedHash.split(":");
        return parts.length != 4 || !parts[0].equals(ALGORITHM) || !parts[1].matches("\\d{1,9}") || Integer.parseInt(parts[1]) < ITERATIONS;
    }

    /** Spends the time of a verification and fails. */
    public boolean verifyNothing(String password) {
        hash.verify(password.toCharArray(), decoy);
        return false;
    }
}
