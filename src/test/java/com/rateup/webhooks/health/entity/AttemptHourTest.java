package com.rateup.webhooks.health.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttemptHourTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:17:00Z");

    @Test
    void anHourCountsItsAttemptsAndSuccesses() {
        AttemptHour hour = AttemptHour.of("w", NOW);
        hour.add(true, 20);
        hour.add(false, 5000);
        hour.add(true, 80);

        AttemptHour.Summary summary = AttemptHour.summarize(List.of(hour));

        assertThat(hour.hour()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(AttemptHour.idOf("w", NOW)).isEqualTo(AttemptHour.idOf("w", Instant.parse("2026-11-30T10:59:59Z")));
        assertThat(summary.attempts()).isEqualTo(3);
        assertThat(summary.successRate()).isEqualTo(2 / 3.0);
    }

    @Test
    void percentilesComeFromTheHistogramWithinABucketsWidth() {
        AttemptHour quick = AttemptHour.of("w", NOW);
        AttemptHour slow = AttemptHour.of("w", NOW.minusSeconds(3600));
        for (int i = 0; i < 90; i++) {
            quick.add(true, 30);
        }
        for (int i = 0; i < 10; i++) {
            slow.add(true, 3400);
        }

        AttemptHour.Summary summary = AttemptHour.summarize(List.of(quick, slow));

        assertThat(summary.percentileMs(50)).isBetween(0L, 50L);
        assertThat(summary.percentileMs(95)).isBetween(3000L, 3500L);
        assertThat(summary.percentileMs(99)).isBetween(3000L, 3500L);
    }

    @Test
    void withoutAttemptsThereAreNoFiguresAndTheOpenBucketReportsItsLowerBound() {
        assertThat(AttemptHour.summarize(List.of()).percentileMs(95)).isNull();
        assertThat(AttemptHour.summarize(List.of()).successRate()).isNull();
        AttemptHour timeouts = AttemptHour.of("w", NOW);
        timeouts.add(false, 60_000);
        assertThat(AttemptHour.summarize(List.of(timeouts)).percentileMs(95)).isEqualTo(10_000L);
        assertThat(AttemptHour.bucketOf(50)).isZero();
        assertThat(AttemptHour.bucketOf(51)).isEqualTo(1);
    }
}
