package com.rateup.webhooks.health.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.rateup.webhooks.health.entity.AttemptHour;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HourlyFiguresTest {

    @Test
    void theLast24HoursComeOldestFirstWithEmptyHoursAsZerosAndTheCurrentHourLast() {
        Instant now = Instant.parse("2026-12-05T18:40:00Z");
        AttemptHour current = AttemptHour.of("w", now);
        current.add(true, 120);
        current.add(false, 1500);
        current.add(true, 80);
        AttemptHour fiveHoursAgo = AttemptHour.of("w", now.minus(Duration.ofHours(5)));
        fiveHoursAgo.add(false, 30);
        AttemptHour tooOld = AttemptHour.of("w", now.minus(Duration.ofHours(24)));
        tooOld.add(true, 10);

        List<EndpointHealth.Hour> hours = EndpointHealth.hourly(List.of(current, fiveHoursAgo, tooOld), now);

        assertThat(hours).hasSize(24);
        assertThat(hours.get(0).start()).isEqualTo(Instant.parse("2026-12-04T19:00:00Z"));
        assertThat(hours.get(23).start()).isEqualTo(Instant.parse("2026-12-05T18:00:00Z"));
        assertThat(hours.get(23)).extracting(EndpointHealth.Hour::attempts, EndpointHealth.Hour::failures).containsExactly(3, 1);
        assertThat(hours.get(23).p95Ms()).isPositive();
        assertThat(hours.get(18)).extracting(EndpointHealth.Hour::attempts, EndpointHealth.Hour::failures).containsExactly(1, 1);
        assertThat(hours.get(10)).isEqualTo(new EndpointHealth.Hour(Instant.parse("2026-12-05T05:00:00Z"), 0, 0, null));
        assertThat(hours).extracting(EndpointHealth.Hour::attempts).as("the hour 24 h ago is not shown").containsOnly(0, 1, 3);
        assertThat(hours.stream().mapToInt(EndpointHealth.Hour::attempts).sum()).isEqualTo(4);
    }
}
