package com.rateup.webhooks.webhooks.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SsrfProtectionTest {

    private final SsrfProtection guard = new SsrfProtection();

    {
        guard.config = new WebhookConfig();
        guard.config.deniedNetworks = Optional.empty();
        guard.config.allowedNetworks = Optional.empty();
    }

    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(strings = {
        "http://127.0.0.1/hook", "http://127.1/hook", "http://2130706433/hook", "http://0x7f.1/hook", "http://localhost:8080/hook",
        "http://[::1]/hook", "http://[::ffff:127.0.0.1]/hook", "http://[::ffff:7f00:1]/hook", "http://10.1.2.3/hook",
        "http://192.168.0.10/hook", "http://172.20.0.1/hook", "http://169.254.169.254/latest/meta-data/",
        "http://100.100.100.200/hook", "http://[fd00:ec2::254]/hook", "http://[fe80::1]/hook", "http://0.0.0.0/hook",
        "http://[2002:7f00:1::]/hook", "http://[64:ff9b::7f00:1]/hook", "http://224.0.0.1/hook", "http://255.255.255.255/hook"
    })
    void refusesEndpointsOnTheServersOwnNetworks(String url) {
        assertThat(guard.refusal(URI.create(url))).isPresent();
    }

    @Test
    void acceptsPublicAddresses() {
        assertThat(guard.refusal(URI.create("https://8.8.8.8/hook"))).isEmpty();
        assertThat(guard.refusal(URI.create("http://[2001:4860:4860::8888]:8443/hook"))).isEmpty();
    }

    @Test
    void allowingPrivateNetworksLiftsTheRuleButNotTheHttpsRequirement() {
        guard.config.allowPrivateNetwork = true;
        assertThat(guard.refusal(URI.create("http://127.0.0.1:9000/hook"))).isEmpty();

        guard.config.requireHttps = true;
        assertThat(guard.refusal(URI.create("http://127.0.0.1:9000/hook"))).contains("must use https");
        assertThat(guard.refusal(URI.create("https://127.0.0.1:9000/hook"))).isEmpty();
    }

    @Test
    void aDeniedNetworkIsRefusedEvenWhenPrivateNetworksAreAllowedAndInEveryIpv6Form() {
        guard.config.deniedNetworks = Optional.of("203.0.113.0/24, 2001:db8::/32");
        guard.config.allowPrivateNetwork = true;
        assertThat(guard.refusal(URI.create("http://203.0.113.7/hook"))).get().asString()
                .contains("203.0.113.0/24").contains("rateup.delivery.denied-networks");
        for (String embedded : new String[] {"[::ffff:203.0.113.7]", "[2002:cb00:7107::]", "[64:ff9b::cb00:7107]"}) {
            assertThat(guard.refusal(URI.create("http://" + embedded + "/hook"))).as(embedded).get().asString().contains("203.0.113.0/24");
        }
        assertThat(guard.refusal(URI.create("http://[2001:db8::5]/hook"))).get().asString().contains("2001:db8::/32");
        assertThat(guard.refusal(URI.create("http://127.0.0.1:9000/hook"))).as("private networks stay allowed").isEmpty();
        assertThat(guard.refusal(URI.create("http://203.0.114.1/hook"))).as("next door").isEmpty();
    }

    @Test
    void anAllowedNetworkIsAnExceptionToThePrivateRangesOnly() {
        guard.config.allowedNetworks = Optional.of("10.20.0.0/16");
        assertThat(guard.refusal(URI.create("http://10.20.30.40/hook"))).isEmpty();
        assertThat(guard.refusal(URI.create("http://10.21.0.1/hook"))).get().asString().contains("private");
        SsrfProtection stricter = new SsrfProtection();
        stricter.config = new WebhookConfig();
        stricter.config.allowedNetworks = Optional.of("10.20.0.0/16");
        stricter.config.deniedNetworks = Optional.of("10.20.30.0/24");
        assertThat(stricter.refusal(URI.create("http://10.20.30.40/hook"))).as("denied wins").get().asString().contains("10.20.30.0/24");
    }

    @ParameterizedTest(name = "refuses the setting {0}")
    @ValueSource(strings = {"10.0.0.0/33", "example.com/24", "10.0.0/8", "2001:db8::/129", "10.0.0.0/x", "1.2.3.4/-1"})
    void aMalformedNetworkStopsTheStartNamingTheSettingAndTheEntry(String entry) {
        assertThatThrownBy(() -> Network.parseList("rateup.delivery.denied-networks", Optional.of("192.0.2.0/24," + entry)))
                .hasMessageContaining("rateup.delivery.denied-networks").hasMessageContaining("'" + entry + "'");
    }

    /** What the delivery clients' resolvers call for each connection (DNS rebinding, #32 part 1). */
    @Test
    void vettedAddressesAreAllOfTheNamesOrNoneWhenOneIsForbidden() throws Exception {
        assertThat(guard.vettedAddresses("8.8.8.8")).extracting(InetAddress::getHostAddress).containsExactly("8.8.8.8");
        assertThat(guard.vettedAddresses("[2001:4860:4860::8888]")).hasSize(1);
        assertThatThrownBy(() -> guard.vettedAddresses("localhost")).isInstanceOf(SsrfProtection.Refused.class)
                .hasMessageStartingWith("must not resolve to a loopback address");
        guard.config.allowPrivateNetwork = true;
        assertThat(guard.vettedAddresses("127.0.0.1")).hasSize(1);
        SsrfProtection denying = new SsrfProtection();
        denying.config = new WebhookConfig();
        denying.config.allowPrivateNetwork = true;
        denying.config.allowedNetworks = Optional.empty();
        denying.config.deniedNetworks = Optional.of("127.0.0.0/8");
        assertThatThrownBy(() -> denying.vettedAddresses("127.0.0.1")).isInstanceOf(SsrfProtection.Refused.class)
                .hasMessageContaining("rateup.delivery.denied-networks");
        assertThatThrownBy(() -> denying.vettedAddresses("no-such-host.invalid")).isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(SsrfProtection.Refused.class);
    }

    @Test
    void unresolvableHostIsRefused() {
        assertThat(guard.refusal(URI.create("https://no-such-host.invalid/hook"))).contains("host does not resolve");
    }
}
