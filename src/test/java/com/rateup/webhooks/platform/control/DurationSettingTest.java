package com.rateup.webhooks.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DurationSettingTest {

    private static final DurationSetting TIMEOUT = new DurationSetting("rateup.delivery.timeout", "rateup.delivery.timeout-ms",
            ChronoUnit.MILLIS, Duration.ofSeconds(5));

    private static Duration with(Map<String, String> settings) {
        return TIMEOUT.from(name -> Optional.ofNullable(settings.get(name)));
    }

    @Test
    void isoDurationUnderItsKey() {
        assertThat(with(Map.of("rateup.delivery.timeout", "PT1.5S"))).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void theFormerKeyKeepsWorkingInItsUnit() {
        assertThat(with(Map.of("rateup.delivery.timeout-ms", "3000"))).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void theKeyWinsOverItsAlias() {
        assertThat(with(Map.of("rateup.delivery.timeout", "PT2S", "rateup.delivery.timeout-ms", "3000"))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void neitherSetGivesTheDefault() {
        assertThat(with(Map.of())).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aMalformedValueNamesItsKey() {
        assertThatThrownBy(() -> with(Map.of("rateup.delivery.timeout", "5 seconds"))).hasMessageContaining("rateup.delivery.timeout=5 seconds");
        assertThatThrownBy(() -> with(Map.of("rateup.delivery.timeout-ms", "PT5S"))).hasMessageContaining("rateup.delivery.timeout-ms=PT5S");
    }
}
