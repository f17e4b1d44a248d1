package com.rateup.webhooks.webhooks.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressClassTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        // IPv4, and the odd spellings Java's resolver accepts
        "127.0.0.1, LOOPBACK", "127.1, LOOPBACK", "2130706433, LOOPBACK", "127.255.255.254, LOOPBACK",
        "10.0.0.1, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE", "192.168.1.1, PRIVATE",
        "169.254.169.254, LINK_LOCAL", "169.254.0.1, LINK_LOCAL",
        "100.64.0.1, CGNAT", "100.100.100.200, CGNAT", "100.127.255.255, CGNAT",
        "224.0.0.1, MULTICAST", "239.255.255.250, MULTICAST",
        "0.0.0.0, UNSPECIFIED", "0.1.2.3, UNSPECIFIED", "255.255.255.255, BROADCAST",
        "240.0.0.1, RESERVED", "192.0.0.8, RESERVED", "198.18.0.1, RESERVED",
        "8.8.8.8, PUBLIC", "1.1.1.1, PUBLIC", "172.15.255.255, PUBLIC", "172.32.0.1, PUBLIC", "100.63.255.255, PUBLIC",
        "100.128.0.1, PUBLIC", "192.169.0.1, PUBLIC", "93.184.216.34, PUBLIC",
        // IPv6
        "::1, LOOPBACK", "::, UNSPECIFIED", "fe80::1, LINK_LOCAL", "fc00::1, UNIQUE_LOCAL", "fd00:ec2::254, UNIQUE_LOCAL",
        "ff02::1, MULTICAST", "fec0::1, PRIVATE", "2001:4860:4860::8888, PUBLIC", "2606:4700:4700::1111, PUBLIC",
        // IPv6 forms carrying IPv4
        "::ffff:127.0.0.1, LOOPBACK", "::ffff:7f00:1, LOOPBACK", "::ffff:169.254.169.254, LINK_LOCAL", "::ffff:8.8.8.8, PUBLIC",
        "::127.0.0.1, LOOPBACK", "::10.0.0.1, PRIVATE",
        "2002:7f00:1::, LOOPBACK", "2002:a9fe:a9fe::1, LINK_LOCAL", "2002:808:808::1, PUBLIC",
        "64:ff9b::7f00:1, LOOPBACK", "64:ff9b::a00:1, PRIVATE", "64:ff9b::808:808, PUBLIC"
    })
    void classifies(String address, AddressClass expected) throws Exception {
        assertThat(AddressClass.of(InetAddress.getByName(address))).isEqualTo(expected);
    }
}
