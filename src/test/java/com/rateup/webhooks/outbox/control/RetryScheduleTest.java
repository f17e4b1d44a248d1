package com.rateup.webhooks.outbox.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryScheduleTest {

    @Test
    void theScheduleIsAListOfIsoDurationsWhoseCountIsTheNumberOfRetries() {
        RetrySchedule schedule = RetrySchedule.parse(" PT30S, PT5M ,PT2H,P1D");

        assertThat(schedule.retries()).isEqualTo(4);
        assertThat(schedule.before(1, 0.5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(schedule.before(4, 0.5)).isEqualTo(Duration.ofDays(1));
        assertThat(RetrySchedule.parse("").retries()).isZero();
    }

    @Test
    void theDefaultRetriesThreeTimesOverAboutThreeHours() {
        assertThat(RetrySchedule.DEFAULT.retries()).isEqualTo(3);
        assertThat(RetrySchedule.DEFAULT.intervals()).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(3));
    }

    @ParameterizedTest(name = "retry {0} with jitter sample {1} waits {2} ms")
    @CsvSource({
        "1, 0.0, 750", "1, 0.5, 1000", "1, 0.999999, 1249",
        "2, 0.0, 1500", "2, 0.5, 2000",
        "3, 0.5, 4000", "4, 0.5, 8000",
        "7, 0.5, 60000"
    })
    void theShorthandDoublesFromTheInitialIntervalUpToTheCap(int retry, double sample, long expectedMs) {
        RetrySchedule doubling = RetrySchedule.doubling(1000, 60_000, 7);

        assertThat(doubling.before(retry, sample)).isEqualTo(Duration.ofMillis(expectedMs));
    }

    @Test
    void eachIntervalOfAGrowingScheduleIsLongerThanThePreviousWhateverTheJitter() {
        for (RetrySchedule schedule : new RetrySchedule[] {RetrySchedule.DEFAULT, RetrySchedule.doubling(1000, 600_000, 6)}) {
            for (int retry = 1; retry < schedule.retries(); retry++) {
                assertThat(schedule.before(retry + 1, 0.0)).isGreaterThan(schedule.before(retry, 0.999999));
            }
        }
    }

    @Test
    void randomJitterStaysWithinItsBand() {
        RetrySchedule schedule = RetrySchedule.parse("PT2S");
        for (int i = 0; i < 1000; i++) {
            assertThat(schedule.before(1).toMillis()).isBetween(1500L, 2500L);
        }
    }

    @Test
    void refusesNonsensicalSettingsWithTheKeyInTheMessage() {
        assertThatThrownBy(() -> RetrySchedule.parse("PT1M,ten minutes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rateup.delivery.retry-schedule").hasMessageContaining("ten minutes");
        assertThatThrownBy(() -> RetrySchedule.parse("PT0S")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetrySchedule.doubling(0, 10, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetrySchedule.doubling(100, 10, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
