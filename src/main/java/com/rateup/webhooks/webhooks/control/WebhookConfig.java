package com.rateup.webhooks.webhooks.control;

import com.rateup.webhooks.platform.control.DurationSetting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Every setting of the webhooks component, with its default (README, Configuration). */
@ApplicationScoped
public class WebhookConfig {

    static final String SECRET_KEY = "rateup.webhook.secret-key";

    static final DurationSetting SECRET_GRACE = new DurationSetting("rateup.webhook.secret-grace", "rateup.webhook.secret-grace-hours",
            ChronoUnit.HOURS, Duration.ofHours(24));

    /** Named for the deliveries it guards; the rule is the webhooks' (their URLs are checked when saved too). */
    @Inject
    @ConfigProperty(name = "rateup.delivery.allow-private-network", defaultValue = "false")
    boolean allowPrivateNetwork;

    @Inject
    @ConfigProperty(name = "rateup.delivery.require-https", defaultValue = "false")
    boolean requireHttps;

    static final String DENIED_NETWORKS = "rateup.delivery.denied-networks";
    static final String ALLOWED_NETWORKS = "rateup.delivery.allowed-networks";

    /** The operator's own forbidden ranges: refused even with {@code allow-private-network}. */
    @Inject
    @ConfigProperty(name = DENIED_NETWORKS)
    Optional<String> deniedNetworks;

    /** Exceptions to the built-in non-public ranges (one partner's private network). */
    @Inject
    @ConfigProperty(name = ALLOWED_NETWORKS)
    Optional<String> allowedNetworks;

    private List<Network> denied;
    private List<Network> allowed;

    @Inject
    @ConfigProperty(name = SECRET_KEY)
    Optional<String> secretKey;

    /** Keys the stored secrets may still be sealed with (a rotation in progress): read with, never written with. */
    @Inject
    @ConfigProperty(name = "rateup.webhook.previous-secret-keys")
    Optional<String> previousSecretKeys;

    @Inject
    @ConfigProperty(name = "rateup.mode", defaultValue = "development")
    String mode;

    /** Team webhooks (not a survey's own one): bounds how many deliveries one response makes. */
    @Inject
    @ConfigProperty(name = "rateup.team.max-webhooks", defaultValue = "20")
    int maxTeamWebhooks;

    @Inject
    Config config;

    public int maxTeamWebhooks() {
        return maxTeamWebhooks;
    }

    public boolean allowPrivateNetwork() {
        return allowPrivateNetwork;
    }

    public boolean requireHttps() {
        return requireHttps;
    }

    /** Read at startup: a malformed network stops the deployment with the key and the entry in the message. */
    void readAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        deniedNetworks();
        allowedNetworks();
    }

    public List<Network> deniedNetworks() {
        if (denied == null) {
            denied = Network.parseList(DENIED_NETWORKS, deniedNetworks);
        }
        return denied;
    }

    public List<Network> allowedNetworks() {
        if (allowed == null) {
            allowed = Network.parseList(ALLOWED_NETWORKS, allowedNetworks);
        }
        return allowed;
    }

    /** The key that encrypts secrets at rest, when one is configured. */
    public Optional<String> secretKey() {
        return secretKey.filter(key -> !key.isBlank());
    }

    public List<String> previousSecretKeys() {
        return previousSecretKeys.stream().flatMap(keys -> Arrays.stream(keys.split(","))).map(String::strip)
                .filter(key -> !key.isEmpty()).toList();
    }

    public boolean productionMode() {
        return "production".equalsIgnoreCase(mode);
    }

    /** How long a rotated-out secret keeps signing the Standard Webhooks header. */
    public Duration secretGrace() {
        return SECRET_GRACE.from(config);
    }
}
