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
 * <p>The POST itself connects only to the addresses checked for it ({@link #vettedAddresses}, the resolver of
 * the delivery clients): a name that answers differently to the check and to the connection (DNS rebinding)
 * cannot lead it elsewhere.
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
        if (config.allowPrivateNetwork() && config.deniedNetworks().isEmpty()) {
            return Optional.empty(); // not even a lookup: a name that does not resolve yet may be saved in tests and demos
        }
        try {
            vettedAddresses(url.getHost()); // [an IPv6 literal] included
            return Optional.empty();
        } catch (Refused e) {
            return Optional.of(e.getMessage());
        } catch (UnknownHostException e) {
            return Optional.of("host does not resolve");
        }
    }

    /**
     * Resolves {@code host} once for a connection: all its addresses, or {@link Refused} if any of them is
     * forbidden (one bad address is enough: a client may try them all).
     */
    public InetAddress[] vettedAddresses(String host) throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(host);
        List<Network> denied = config.deniedNetworks();
        if (config.allowPrivateNetwork() && denied.isEmpty()) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = refusal(address, denied);
            if (refusal.isPresent()) {
                throw new Refused(refusal.get());
            }
        }
        return addresses;
    }

    /** A name that resolves, but to an address no delivery may connect to; the message says which rule. */
    public static final class Refused extends UnknownHostException {

        private static final long serialVersionUID = 1L;

        Refused(String rule) {
            super(rule);
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
