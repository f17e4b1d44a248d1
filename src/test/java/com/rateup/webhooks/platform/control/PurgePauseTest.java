package com.rateup.webhooks.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PurgePauseTest {

    @Test
    void aFractionOfWhatIsKeptBetweenASecondAndTenMinutes() {
        assertThat(PurgePause.of(Duration.ofSeconds(12), 10)).isEqualTo(Duration.ofMillis(1200));
        assertThat(Duration.ofDays(30).dividedBy(10)).isGreaterThan(PurgePause.LONGEST);
        assertThat(PurgePause.of(Duration.ofDays(30), 10)).isEqualTo(Duration.ofMinutes(10));
        assertThat(PurgePause.of(Duration.ofSeconds(5), 24)).isEqualTo(Duration.ofSeconds(1));
    }
}
