package com.rateup.webhooks.egress.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void rateupSignatureIsBase64HmacOfTheBodyKeyedWithTheSecretString() {
        // expected value from: printf '%s' '{"tag":"feedback","x":"é😀"}' | openssl dgst -sha256 -hmac "$SECRET" -binary | base64
        byte[] body = "{\"tag\":\"feedback\",\"x\":\"é😀\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(Signatures.rateup(SECRET, body)).isEqualTo("r0GGF1sf8OQpa5WQqypVALTA84HeAu1TRH/Yax8V0Do=");
    }

    @Test
    void standardSignatureMatchesTheSpecificationsTestVector() {
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

        String signature = Signatures.standard(List.of(SECRET), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, body);

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void standardSignatureListsOneSignaturePerActiveSecretCurrentFirst() {
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
        String previous = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

        String signature = Signatures.standard(List.of(SECRET, previous), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, body);

        assertThat(signature.split(" ")).hasSize(2)
                .startsWith("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
                .allMatch(s -> s.startsWith("v1,"));
    }
}
