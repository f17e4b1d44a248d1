package com.rateup.webhooks.teams.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing, per user name, for the admin pages and the administrator's Basic
 * credentials alike: after {@code rateup.login.max-failures} failures in a row, the name is locked
 * for {@code rateup.login.lockout}, doubling with every further failure up to 15 minutes. While
 * locked, even the right password is refused. In memory, per instance.
 */
@ApplicationScoped
public class LoginThrottle {

    static final Duration LONGEST_LOCKOUT = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 10_000;

    @Inject
    TeamConfig config;

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    /** How much longer the name is locked, if it is. */
    public Optional<Duration> lockedFor(String username, Instant now) {
        Failures entry = failures.get(key(username));
        if (entry == null || entry.lockedUntil == null || !now.isBefore(entry.lockedUntil)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, entry.lockedUntil));
    }

    public void failed(String username, Instant now) {
        String key = key(username);
        if (failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(entry -> entry.last.plus(LONGEST_LOCKOUT).isBefore(now));
            if (failures.size() >= MAX_TRACKED && !failures.containsKey(key)) {
                return; // memory stays bounded under a flood of made-up names; names already tracked stay locked
            }
        }
        failures.compute(key, (name, entry) -> {
            Failures updated = entry == null || entry.last.plus(LONGEST_LOCKOUT).isBefore(now) ? new Failures() : entry;
            updated.count++;
            updated.last = now;
            int beyond = updated.count - config.loginMaxFailures();
            if (beyond >= 0) {
                Duration lock = config.loginLockout().multipliedBy(1L << Math.min(beyond, 20));
                updated.lockedUntil = now.plus(lock.compareTo(LONGEST_LOCKOUT) > 0 ? LONGEST_LOCKOUT : lock);
            }
            return updated;
        });
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static final class Failures {
        int count;
        Instant last;
        Instant lockedUntil;
    }
}
