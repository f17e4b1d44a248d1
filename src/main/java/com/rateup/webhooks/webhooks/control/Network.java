package com.rateup.webhooks.webhooks.control;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One network of an operator's rule ({@code rateup.delivery.denied-networks}, {@code allowed-networks}):
 * CIDR notation, IPv4 or IPv6; a bare address is a network of one. An IPv4 network also holds the IPv6
 * forms that carry one of its addresses (mapped, compatible, 6to4, NAT64), as {@link AddressClass} judges them.
 */
public record Network(String text, byte[] prefix, int bits) {

    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    /** The networks of a comma-separated list; a malformed entry fails with the setting's name and the entry. */
    static List<Network> parseList(String setting, Optional<String> list) {
        List<Network> networks = new ArrayList<>();
        for (String entry : list.orElse("").split(",")) {
            if (!entry.isBlank()) {
                networks.add(parse(setting, entry.strip()));
            }
        }
        return List.copyOf(networks);
    }

    static Network parse(String setting, String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        // only literals: a host name here would be resolved (DNS) at startup, and mean nothing later
        if (!LITERAL.matcher(address).matches() || (address.indexOf(':') < 0 && address.chars().filter(c -> c == '.').count() != 3)) {
            throw invalid(setting, text, "not an IPv4 or IPv6 address");
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw invalid(setting, text, "not an IPv4 or IPv6 address");
        }
        int bits = bytes.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw invalid(setting, text, "the prefix length is not a number");
            }
            if (bits < 0 || bits > bytes.length * 8) {
                throw invalid(setting, text, "the prefix length must be 0 to " + bytes.length * 8);
            }
        }
        return new Network(text, bytes, bits);
    }

    /** Whether the address is in this network, directly or as an IPv4 address inside an IPv6 form. */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != prefix.length && address instanceof Inet6Address v6 && prefix.length == 4) {
            candidate = AddressClass.embeddedIpv4(v6.getAddress()).map(InetAddress::getAddress).orElse(null);
        }
        if (candidate == null || candidate.length != prefix.length) {
            return false;
        }
        for (int bit = 0; bit < bits; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((candidate[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException invalid(String setting, String entry, String problem) {
        return new IllegalArgumentException(setting + ": '" + entry + "': " + problem
                + "; expected CIDR networks such as 203.0.113.0/24 or 2001:db8::/32, separated by commas");
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Network network && network.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
