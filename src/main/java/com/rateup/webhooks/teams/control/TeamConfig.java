package com.rateup.webhooks.teams.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Every setting of the teams component (who gets in), with its default (README, Configuration). */
@ApplicationScoped
public class TeamConfig {

    @Inject
    @ConfigProperty(name = "rateup.admin.username", defaultValue = "admin")
    String adminUsername;

    /** Unset: generated at the first start and logged once. */
    @Inject
    @ConfigProperty(name = "rateup.admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "rateup.login.max-failures", defaultValue = "5")
    int loginMaxFailures;

    @Inject
    @ConfigProperty(name = "rateup.login.lockout", defaultValue = "PT30S")
    Duration loginLockout;

    public String adminUsername() {
        return adminUsername;
    }

    public Optional<String> adminPassword() {
        return adminPassword.filter(password -> !password.isBlank());
    }

    public int loginMaxFailures() {
        return loginMaxFailures;
    }

    public Duration loginLockout() {
        return loginLockout;
    }
}
