package com.rateup.webhooks.webhooks.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointAuthenticationTest {

    private static final EndpointAuthentication.OAuth2 OAUTH2 = new EndpointAuthentication.OAuth2(URI.create("https://auth.example.com/token"),
            "client", "client-secret", "deliveries");

    @Test
    void whatIsStoredReadsBackTheSameAndTheViewHasNoCredential() {
        for (EndpointAuthentication authentication : new EndpointAuthentication[] {
            EndpointAuthentication.NONE, new EndpointAuthentication.Basic("user", "pass-word"), OAUTH2,
            new EndpointAuthentication.Headers(Map.of("X-Api-Key", "key-value")),
            new EndpointAuthentication.Mtls("-----BEGIN CERTIFICATE-----x-----END CERTIFICATE-----", "-----BEGIN PRIVATE KEY-----k-----END PRIVATE KEY-----")}) {
            assertThat(EndpointAuthentication.ofStored(authentication.stored().toString())).isEqualTo(authentication);
            assertThat(authentication.view().toString()).doesNotContain("pass-word", "client-secret", "key-value", "PRIVATE KEY");
        }
        assertThat(EndpointAuthentication.ofStored(null)).isEqualTo(EndpointAuthentication.NONE);
    }

    @Test
    void aCredentialLeftOutKeepsTheStoredOneOfTheSameTypeOnly() {
        var basic = new EndpointAuthentication.Basic("user", "secret");
        assertThat(new EndpointAuthentication.Basic("renamed", null).keeping(basic)).isEqualTo(new EndpointAuthentication.Basic("renamed", "secret"));
        assertThat(new EndpointAuthentication.Basic("user", null).keeping(OAUTH2).missing()).isEqualTo("password");
        assertThat(new EndpointAuthentication.OAuth2(OAUTH2.tokenUrl(), "client", null, null).keeping(OAUTH2))
                .isEqualTo(new EndpointAuthentication.OAuth2(OAUTH2.tokenUrl(), "client", "client-secret", null));

        Map<String, String> given = new LinkedHashMap<>();
        given.put("x-api-key", null);
        given.put("X-Tenant", "acme");
        var headers = new EndpointAuthentication.Headers(given).keeping(new EndpointAuthentication.Headers(Map.of("X-Api-Key", "stored")));
        assertThat(((EndpointAuthentication.Headers) headers).headers()).containsEntry("x-api-key", "stored").containsEntry("X-Tenant", "acme");
        assertThat(new EndpointAuthentication.Headers(given).missing()).isEqualTo("the value of x-api-key");

        var mtls = new EndpointAuthentication.Mtls("cert", "key");
        assertThat(new EndpointAuthentication.Mtls("cert", null).keeping(mtls)).isEqualTo(mtls);
        assertThat(new EndpointAuthentication.Mtls("another cert", null).keeping(mtls).missing()).as("a new certificate needs its key").isEqualTo("privateKey");
    }
}
