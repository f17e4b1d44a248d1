package com.rateup.webhooks.responses.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    @Test
    void aKeyIsOneTo255PrintableAsciiCharactersAndAbsentWithoutTheHeader() {
        assertThat(IdempotencyKey.of("s", null)).isEmpty();
        assertThat(IdempotencyKey.of("s", "a")).isPresent();
        assertThat(IdempotencyKey.of("s", " ~".repeat(127) + "!")).isPresent();
        for (String bad : List.of("", "x".repeat(256), "caf\u00e9", "tab\there", "del\u007f")) {
            assertThatThrownBy(() -> IdempotencyKey.of("s", bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Idempotency-Key: ");
        }
    }

    @Test
    void theSameKeyOfTwoSurveysIsTwoKeysAndOnlyItsHashIsKept() {
        IdempotencyKey one = IdempotencyKey.of("survey-1", "order-42").orElseThrow();
        assertThat(one).isEqualTo(IdempotencyKey.of("survey-1", "order-42").orElseThrow())
                .isNotEqualTo(IdempotencyKey.of("survey-2", "order-42").orElseThrow());
        assertThat(one.id()).hasSize(64).doesNotContain("order-42");
    }

    @Test
    void theFingerprintIsWhatWasSubmittedAsChecked() {
        var answers = List.of(new CheckedResponse.GivenAnswer("q1", "4"), new CheckedResponse.GivenAnswer("q2", "\"Happy\""));
        var response = new CheckedResponse("s", "14155552671", "en", answers, null, null);
        assertThat(response.fingerprint()).isEqualTo(new CheckedResponse("s", "14155552671", "en", answers, null, null).fingerprint())
                .isNotEqualTo(new CheckedResponse("s", "14155552671", "de", answers, null, null).fingerprint())
                .isNotEqualTo(new CheckedResponse("s", "14155552671", "en", answers.subList(0, 1), null, null).fingerprint());
    }
}
