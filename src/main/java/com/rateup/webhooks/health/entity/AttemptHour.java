package com.rateup.webhooks.health.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * One webhook's attempts in one hour: how many, how many succeeded, and a histogram of their
 * durations. Health figures read these rows, never the attempts, so they cost the same with a
 * million stored attempts as with ten.
 */
@Entity
@Table(name = "webhook_attempt_hour")
@NamedQuery(name = AttemptHour.OF_WEBHOOK_SINCE,
        query = "select h from AttemptHour h where h.webhookId = :webhookId and h.hourStart >= :since")
public class AttemptHour {

    public static final String OF_WEBHOOK_SINCE = "AttemptHour.ofWebhookSince";

    /** Upper bounds of the histogram's buckets in ms; the last bucket holds everything longer. */
    static final long[] BOUNDS_MS = {50, 100, 250, 500, 750, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 5000, 7500, 10_000};

    @Id
    private String id;

    @Column(name = "webhook_id")
    private String webhookId;

    /** HOUR is a keyword of H2's SQL, hence the longer name. */
    @Column(name = "hour_start")
    private Instant hourStart;

    private int attempts;

    private int successes;

    /** Counts per bucket, comma-separated. */
    private String histogram;

    protected AttemptHour() {
    }

    private AttemptHour(String webhookId, Instant hour) {
        this.id = idOf(webhookId, hour);
        this.webhookId = webhookId;
        this.hourStart = hour;
        this.histogram = encode(new long[BOUNDS_MS.length + 1]);
    }

    /** The (empty) row of the hour that holds {@code at}. */
    public static AttemptHour of(String webhookId, Instant at) {
        return new AttemptHour(webhookId, hourOf(at));
    }

    public static String idOf(String webhookId, Instant at) {
        return webhookId + "@" + hourOf(at).getEpochSecond();
    }

    public static Instant hourOf(Instant at) {
        return at.truncatedTo(ChronoUnit.HOURS);
    }

    public void add(boolean succeeded, long durationMs) {
        attempts++;
        if (succeeded) {
            successes++;
        }
        long[] counts = decode(histogram);
        counts[bucketOf(durationMs)]++;
        histogram = encode(counts);
    }

    public Instant hour() {
        return hourStart;
    }

    /** The attempts of these hours together. */
    public static Summary summarize(Collection<AttemptHour> hours) {
        long[] counts = new long[BOUNDS_MS.length + 1];
        int attempts = 0;
        int successes = 0;
        for (AttemptHour hour : hours) {
            attempts += hour.attempts;
            successes += hour.successes;
            long[] theirs = decode(hour.histogram);
            for (int i = 0; i < counts.length; i++) {
                counts[i] += theirs[i];
            }
        }
        return new Summary(attempts, successes, counts);
    }

    static int bucketOf(long durationMs) {
        for (int i = 0; i < BOUNDS_MS.length; i++) {
            if (durationMs <= BOUNDS_MS[i]) {
                return i;
            }
        }
        return BOUNDS_MS.length;
    }

    private static long[] decode(String text) {
        return Arrays.stream(text.split(",")).mapToLong(Long::parseLong).toArray();
    }

    private static String encode(long[] counts) {
        return Arrays.stream(counts).mapToObj(Long::toString).collect(Collectors.joining(","));
    }

    /** Attempts, successes and their durations' histogram over some hours. */
    public record Summary(int attempts, int successes, long[] histogram) {

        /** Share of attempts that succeeded, 0 to 1; null without attempts. */
        public Double successRate() {
            return attempts == 0 ? null : (double) successes / attempts;
        }

        /**
         * The duration below which {@code percentile} % of the attempts took, in ms, interpolated
         * linearly within its bucket (the open last bucket reports its lower bound); null without attempts.
         */
        public Long percentileMs(int percentile) {
            long total = Arrays.stream(histogram).sum();
            if (total == 0) {
                return null;
            }
            double rank = Math.ceil(percentile / 100.0 * total);
            long below = 0;
            for (int i = 0; i < histogram.length; i++) {
                if (below + histogram[i] >= rank) {
                    long lower = i == 0 ? 0 : BOUNDS_MS[i - 1];
                    if (i == BOUNDS_MS.length) {
                        return lower;
                    }
                    double within = (rank - below) / histogram[i];
                    return Math.round(lower + within * (BOUNDS_MS[i] - lower));
                }
                below += histogram[i];
            }
            return BOUNDS_MS[BOUNDS_MS.length - 1];
        }
    }
}
