package com.rateup.webhooks.outbox.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EgressProxySettingTest {

    private static DeliveryPolicy with(String proxy) {
        DeliveryPolicy policy = new DeliveryPolicy();
        policy.proxy = Optional.ofNullable(proxy);
        return policy;
    }

    @Test
    void aProxyIsHttpHostAndPortAndUnsetMeansNone() {
        assertThat(with("http://egress-proxy:3128").proxy()).contains(URI.create("http://egress-proxy:3128"));
        assertThat(with(" http://10.0.0.5:3128/ ").proxy()).contains(URI.create("http://10.0.0.5:3128/"));
        assertThat(with(null).proxy()).isEmpty();
        assertThat(with("").proxy()).isEmpty();
    }

    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(strings = {"https://proxy:3128", "http://proxy", "proxy:3128", "http://user:pw@proxy:3128", "http://proxy:3128/path", "socks5://proxy:1080"})
    void anythingElseStopsTheStartNamingTheKey(String value) {
        assertThatThrownBy(() -> with(value).proxy()).hasMessageContaining("rateup.delivery.proxy must be http://host:port")
                .hasMessageContaining(value);
    }
}
