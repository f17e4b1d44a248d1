package com.rateup.webhooks.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps webhooks off the server's own networks (SSRF): an endpoint must resolve to public
 * addresses only, checked when it is saved and again before every POST (DNS can change).
 * {@code rateup.delivery.allow-private-network=true} lifts the rule for tests and local demos.
 *
 * <p>Not yet closed: the JDK resolver caches lookups for 30 s, and the POST resolves the host
 * again through that cache, so a record that changes between check and connect within an
 * expiring cache entry is not caught (DNS rebinding; see the security issue).
 */
@ApplicationScoped
public class SsrfProtection {

    @Inject
    WebhookConfig config;

    /** Why the server must not POST to this URL, or empty when it may. */
    public Optional<String> refusal(URI url) {
        if (config.requireHttps() && !"https".equalsIgnoreCase(url.getScheme())) {
            return Optional.of("must use https");
        }
        if (url.getHost() == null) {
            return Optional.of("has no valid host"); // e.g. 127.1 or 0x7f.1: java.net.URI does not take them as hosts
        }
        if (config.allowPrivateNetwork()) {
            return Optional.empty();
        }
        String host = url.getHost().replaceAll("^\\[|\\]$", "").toLowerCase(Locale.ROOT);
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                AddressClass addressClass = AddressClass.of(address);
                if (!addressClass.isPublic()) {
                    return Optional.of("must not resolve to a " + addressClass.name().toLowerCase(Locale.ROOT).replace('_', '-')
                            + " address (" + address.getHostAddress() + ")");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("host does not resolve");
        }
    }
}
