package com.rateup.webhooks.webhooks.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SsrfProtectionTest {

    private final SsrfProtection guard = new SsrfProtection();

    {
        guard.config = new WebhookConfig();
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
    void unresolvableHostIsRefused() {
        assertThat(guard.refusal(URI.create("https://no-such-host.invalid/hook"))).contains("host does not resolve");
    }
}
