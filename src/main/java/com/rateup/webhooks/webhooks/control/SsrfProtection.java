package com.rateup.webhooks.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps webhooks off the server's own networks (SSRF): an endpoint must resolve to public addresses
 * only, checked when it is saved and again before every POST (DNS can change), and to none in the
 * operator's {@code rateup.delivery.denied-networks}. {@code rateup.delivery.allowed-networks} makes
 * exceptions to the non-public ranges; {@code allow-private-network=true} lifts that rule for tests and
 * local demos, but never the denied networks. A name is refused if any of its addresses is.
 *
 * <p>Not yet closed: the POST resolves the host again (the JDK caches lookups for 30 s), so a record
 * that changes between check and connect is not caught (DNS rebinding, #32).
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
        List<Network> denied = config.deniedNetworks();
        if (config.allowPrivateNetwork() && denied.isEmpty()) {
            return Optional.empty();
        }
        String host = url.getHost().replaceAll("^\\[|\\]$", "").toLowerCase(Locale.ROOT);
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                Optional<String> refusal = refusal(address, denied);
                if (refusal.isPresent()) {
                    return refusal;
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("host does not resolve");
        }
    }

    private Optional<String> refusal(InetAddress address, List<Network> denied) {
        for (Network network : denied) {
            if (network.contains(address)) {
                return Optional.of("must not resolve to an address in " + network + " (" + address.getHostAddress() + "), a network the operator denies"
                        + " (" + WebhookConfig.DENIED_NETWORKS + ")");
            }
        }
        AddressClass addressClass = AddressClass.of(address);
        if (addressClass.isPublic() || config.allowPrivateNetwork()
                || config.allowedNetworks().stream().anyMatch(network -> network.contains(address))) {
            return Optional.empty();
        }
        return Optional.of("must not resolve to a " + addressClass.name().toLowerCase(Locale.ROOT).replace('_', '-')
                + " address (" + address.getHostAddress() + ")");
    }
}
