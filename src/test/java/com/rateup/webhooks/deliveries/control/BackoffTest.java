package com.rateup.webhooks.deliveries.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

    private final Backoff backoff = new Backoff(1000, 60_000);

    @ParameterizedTest(name = "retry {0} with jitter sample {1} waits {2} ms")
    @CsvSource({
        "1, 0.0, 750", "1, 0.5, 1000", "1, 0.999999, 1249",
        "2, 0.0, 1500", "2, 0.5, 2000",
        "3, 0.5, 4000", "4, 0.5, 8000",
        "7, 0.5, 60000", "30, 0.0, 60000"
    })
    void doublesFromTheInitialIntervalWithJitterUpToTheCap(int retry, double sample, long expectedMs) {
        assertThat(backoff.before(retry, sample)).isEqualTo(Duration.ofMillis(expectedMs));
    }

    @Test
    void eachIntervalIsLongerThanThePreviousWhateverTheJitterUntilTheCap() {
        for (int retry = 1; retry < 6; retry++) {
            Duration longestOfThisRetry = backoff.before(retry, 0.999999);
            Duration shortestOfTheNext = backoff.before(retry + 1, 0.0);
            assertThat(shortestOfTheNext).isGreaterThan(longestOfThisRetry);
        }
    }

    @Test
    void randomJitterStaysWithinItsBand() {
        for (int i = 0; i < 1000; i++) {
            assertThat(backoff.before(2).toMillis()).isBetween(1500L, 2500L);
        }
    }

    @Test
    void refusesNonsensicalSettings() {
        assertThatThrownBy(() -> new Backoff(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(100, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
