package com.rateup.webhooks.webhooks.control;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which addresses a webhook may not reach: everything that is not the public internet. IPv6
 * forms that carry an IPv4 address (mapped, compatible, 6to4, NAT64) are judged by that address.
 */
public enum AddressClass {
    PUBLIC, LOOPBACK, PRIVATE, LINK_LOCAL, CGNAT, UNIQUE_LOCAL, MULTICAST, UNSPECIFIED, BROADCAST, RESERVED;

    /** The class of the address; cloud metadata addresses fall in LINK_LOCAL, UNIQUE_LOCAL or CGNAT. */
    public static AddressClass of(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            return embeddedIpv4(v6.getAddress()).map(AddressClass::of).orElseGet(() -> ofIpv6(v6.getAddress()));
        }
        return ofIpv4(address.getAddress());
    }

    public boolean isPublic() {
        return this == PUBLIC;
    }

    private static AddressClass ofIpv4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        if (b0 == 0) {
            return UNSPECIFIED; // 0.0.0.0/8, "this network"
        }
        if (b0 == 127) {
            return LOOPBACK;
        }
        if (b0 == 10 || (b0 == 172 && b1 >= 16 && b1 <= 31) || (b0 == 192 && b1 == 168)) {
            return PRIVATE;
        }
        if (b0 == 169 && b1 == 254) {
            return LINK_LOCAL; // includes 169.254.169.254, the metadata service of most clouds
        }
        if (b0 == 100 && b1 >= 64 && b1 <= 127) {
            return CGNAT; // includes 100.100.100.200 (Alibaba Cloud metadata)
        }
        if (b0 >= 224 && b0 <= 239) {
            return MULTICAST;
        }
        if ((a[0] & 0xff) == 255 && (a[1] & 0xff) == 255 && (a[2] & 0xff) == 255 && (a[3] & 0xff) == 255) {
            return BROADCAST;
        }
        if (b0 >= 240 || (b0 == 192 && b1 == 0 && (a[2] & 0xff) == 0) || (b0 == 198 && (b1 == 18 || b1 == 19))) {
            return RESERVED; // 240/4, IETF protocol assignments 192.0.0/24, benchmarking 198.18/15
        }
        return PUBLIC;
    }

    private static AddressClass ofIpv6(byte[] a) {
        boolean zeroUpTo15 = true;
        for (int i = 0; i < 15; i++) {
            zeroUpTo15 &= a[i] == 0;
        }
        if (zeroUpTo15 && a[15] == 0) {
            return UNSPECIFIED;
        }
        if (zeroUpTo15 && a[15] == 1) {
            return LOOPBACK;
        }
        int b0 = a[0] & 0xff;
        if (b0 == 0xff) {
            return MULTICAST;
        }
        if (b0 == 0xfe && (a[1] & 0xc0) == 0x80) {
            return LINK_LOCAL; // fe80::/10
        }
        if (b0 == 0xfe && (a[1] & 0xc0) == 0xc0) {
            return PRIVATE; // fec0::/10, deprecated site-local
        }
        if ((b0 & 0xfe) == 0xfc) {
            return UNIQUE_LOCAL; // fc00::/7, includes fd00:ec2::254 (AWS metadata over IPv6)
        }
        return PUBLIC;
    }

    /** The IPv4 address inside ::ffff:a.b.c.d, ::a.b.c.d, 2002:aabb:ccdd::/48 (6to4) or 64:ff9b::/96 (NAT64). */
    static Optional<InetAddress> embeddedIpv4(byte[] a) {
        boolean zeroUpTo10 = true;
        for (int i = 0; i < 10; i++) {
            zeroUpTo10 &= a[i] == 0;
        }
        boolean mapped = zeroUpTo10 && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
        boolean compatible = zeroUpTo10 && a[10] == 0 && a[11] == 0 && !(a[12] == 0 && a[13] == 0 && a[14] == 0 && (a[15] & 0xfe) == 0);
        boolean nat64 = a[0] == 0 && a[1] == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b
                && a[4] == 0 && a[5] == 0 && a[6] == 0 && a[7] == 0 && a[8] == 0 && a[9] == 0 && a[10] == 0 && a[11] == 0;
        if (mapped || compatible || nat64) {
            return Optional.of(ipv4(a[12], a[13], a[14], a[15]));
        }
        if (a[0] == 0x20 && a[1] == 0x02) {
            return Optional.of(ipv4(a[2], a[3], a[4], a[5]));
        }
        return Optional.empty();
    }

    private static InetAddress ipv4(byte b0, byte b1, byte b2, byte b3) {
        try {
            return Inet4Address.getByAddress(new byte[] {b0, b1, b2, b3});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
