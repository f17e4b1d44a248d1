package com.rateup.webhooks.egress.control;

import com.rateup.webhooks.outbox.control.DeliveryPolicy;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * MicroProfile Fault Tolerance reads the {@code @Timeout} of {@link WebhookPoster#post} from a key of
 * its own, in milliseconds. This source gives that key the delivery timeout as the application
 * resolves it ({@code rateup.delivery.timeout}, ISO-8601, or its alias {@code rateup.delivery.timeout-ms}),
 * so the timeout is configured, and defaulted, in one place ({@link DeliveryPolicy#TIMEOUT}) — plus a second:
 * the attempt's own deadline ({@link AttemptDeadlines}) ends it at the timeout; {@code @Timeout} is the
 * backstop behind it, and its interrupt should not be what ends an attempt (H2 closes a file database that an
 * interrupted thread touches), nor should a client being built or a token being fetched use up the budget.
 * Registered in META-INF/services; its ordinal is the default one (100), so setting the
 * Fault Tolerance key itself still overrides it.
 */
public class AttemptTimeoutSource implements ConfigSource {

    static final String KEY = WebhookPoster.class.getName() + "/post/Timeout/value";
    static final long BACKSTOP_MS = 1000;

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public String getValue(String propertyName) {
        if (!KEY.equals(propertyName)) {
            return null;
        }
        // read when asked, not when the configuration is built: the other sources answer for the delivery keys
        return Long.toString(DeliveryPolicy.TIMEOUT.from(ConfigProvider.getConfig()).toMillis() + BACKSTOP_MS);
    }

    @Override
    public String getName() {
        return "rateup delivery timeout for Fault Tolerance";
    }
}
