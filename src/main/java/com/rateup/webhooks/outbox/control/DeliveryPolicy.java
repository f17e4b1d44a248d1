package com.rateup.webhooks.outbox.control;

import com.rateup.webhooks.platform.control.DurationSetting;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every delivery setting (the component's one place for them; README, Configuration), and the times
 * derived from them.
 */
@ApplicationScoped
public class DeliveryPolicy {

    public static final DurationSetting TIMEOUT = new DurationSetting("rateup.delivery.timeout", "rateup.delivery.timeout-ms",
            ChronoUnit.MILLIS, Duration.ofSeconds(5));
    static final DurationSetting BACKOFF_MAX = new DurationSetting("rateup.delivery.backoff-max", "rateup.delivery.backoff-max-ms",
            ChronoUnit.MILLIS, Duration.ofMinutes(5));
    static final DurationSetting LEASE = new DurationSetting("rateup.delivery.lease", "rateup.delivery.lease-ms",
            ChronoUnit.MILLIS, Duration.ofSeconds(30));
    static final DurationSetting SWEEP_INTERVAL = new DurationSetting("rateup.delivery.sweep-interval", "rateup.delivery.sweep-interval-ms",
            ChronoUnit.MILLIS, Duration.ofSeconds(10));

    @Inject
    Config config;

    private long timeoutMs;
    private long backoffMaxMs;
    private long leaseMs;
    private Duration sweepInterval;

    /** The whole schedule; when unset, {@code max-retries} and {@code backoff-initial-ms} (if either is set) double. */
    @Inject
    @ConfigProperty(name = "rateup.delivery.retry-schedule")
    Optional<String> retrySchedule;

    @Inject
    @ConfigProperty(name = "rateup.delivery.max-retries")
    Optional<Integer> maxRetries;

    @Inject
    @ConfigProperty(name = "rateup.delivery.backoff-initial-ms")
    Optional<Long> backoffInitialMs;

    private RetrySchedule schedule;

    /** Longer waits before the next attempt give the thread back; the sweep resumes the delivery when due. */
    @Inject
    @ConfigProperty(name = "rateup.delivery.max-inline-wait", defaultValue = "PT2S")
    Duration maxInlineWait;

    @Inject
    @ConfigProperty(name = "rateup.webhook.auto-disable-after", defaultValue = "PT72H")
    Duration autoDisableAfter;

    @Inject
    @ConfigProperty(name = "rateup.delivery.max-concurrency", defaultValue = "16")
    int maxConcurrency;

    @Inject
    @ConfigProperty(name = "rateup.delivery.max-concurrency-per-endpoint", defaultValue = "8")
    int maxConcurrencyPerEndpoint;

    @Inject
    @ConfigProperty(name = "rateup.delivery.max-concurrency-per-host", defaultValue = "64")
    int maxConcurrencyPerHost;

    @Inject
    @ConfigProperty(name = "rateup.delivery.max-concurrency-per-team", defaultValue = "12")
    int maxConcurrencyPerTeam;

    @Inject
    @ConfigProperty(name = "rateup.delivery.breaker-failures", defaultValue = "5")
    int breakerFailures;

    @Inject
    @ConfigProperty(name = "rateup.delivery.breaker-open", defaultValue = "PT30S")
    Duration breakerOpen;

    /** Bounds how many surveys one sweep looks at; the rest wait in the database for the next. */
    @Inject
    @ConfigProperty(name = "rateup.delivery.sweep-batch", defaultValue = "200")
    int sweepBatch;

    @Inject
    @ConfigProperty(name = "rateup.delivery.shutdown-grace", defaultValue = "PT10S")
    Duration shutdownGrace;

    /** How long ended deliveries (and their attempts) are kept; pending ones are kept until they end. */
    @Inject
    @ConfigProperty(name = "rateup.delivery.retention", defaultValue = "P30D")
    Duration retention;

    /**
     * How long an ended delivery keeps its payload and its receiver's answers (personal data, #34); the
     * delivery and its attempts stay in the log for the whole {@link #retention}. Never longer than that:
     * unset, P7D or the retention if that is shorter.
     */
    @Inject
    @ConfigProperty(name = "rateup.delivery.payload-retention")
    Optional<Duration> payloadRetention;

    static final Duration DEFAULT_PAYLOAD_RETENTION = Duration.ofDays(7);

    static final String PROXY = "rateup.delivery.proxy";

    /** An egress proxy every delivery POST goes through ({@code http://host:port}); none by default. */
    @Inject
    @ConfigProperty(name = PROXY)
    Optional<String> proxy;

    public long timeoutMs() {
        return timeoutMs;
    }

    /** Reads the schedule at startup: a malformed one stops the deployment with the key in the message. */
    void readAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        maxAttempts();
        if (retention.isZero() || retention.isNegative()) {
            throw new IllegalArgumentException("rateup.delivery.retention must be a positive ISO-8601 duration such as P30D, not " + retention);
        }
        proxy();
        payloadRetention.filter(given -> given.isZero() || given.isNegative() || given.compareTo(retention) > 0).ifPresent(given -> {
            throw new IllegalArgumentException("rateup.delivery.payload-retention must be a positive ISO-8601 duration such as P7D, no longer"
                    + " than rateup.delivery.retention (" + retention + "), not " + given);
        });
    }

    @PostConstruct
    void read() {
        timeoutMs = TIMEOUT.from(config).toMillis();
        // caps the shorthand's doubling and the waits receivers ask for with Retry-After
        backoffMaxMs = BACKOFF_MAX.from(config).toMillis();
        leaseMs = LEASE.from(config).toMillis();
        sweepInterval = SWEEP_INTERVAL.from(config);
        schedule = retrySchedule.filter(value -> !value.isBlank()).map(RetrySchedule::parse)
                .orElseGet(() -> maxRetries.isPresent() || backoffInitialMs.isPresent()
                        ? RetrySchedule.doubling(backoffInitialMs.orElse(1000L), backoffMaxMs, maxRetries.orElse(3))
                        : RetrySchedule.DEFAULT);
    }

    public int maxAttempts() {
        return 1 + schedule.retries();
    }

    /** The wait before retry {@code n}: the schedule's, or longer when the receiver asked for it (up to the backoff cap). */
    public Duration delayBefore(int retry, Duration retryAfter) {
        Duration backoff = schedule.before(retry);
        if (retryAfter == null) {
            return backoff;
        }
        Duration asked = retryAfter.compareTo(Duration.ofMillis(backoffMaxMs)) > 0 ? Duration.ofMillis(backoffMaxMs) : retryAfter;
        return asked.compareTo(backoff) > 0 ? asked : backoff;
    }

    /**
     * The wait before probing again an endpoint that has not answered a delivery with {@code round}
     * attempts counted: the schedule's next interval, but no longer than {@code breaker-open}, the pace
     * at which an endpoint in an outage is probed anyway.
     */
    public Duration probeDelay(int round) {
        Duration scheduled = schedule.before(round + 1);
        return scheduled.compareTo(breakerOpen) > 0 ? breakerOpen : scheduled;
    }

    /** How often the sweep looks for due deliveries nobody holds. */
    public Duration sweepInterval() {
        return sweepInterval;
    }

    public int maxConcurrency() {
        return maxConcurrency;
    }

    public int maxConcurrencyPerEndpoint() {
        return maxConcurrencyPerEndpoint;
    }

    public int maxConcurrencyPerHost() {
        return maxConcurrencyPerHost;
    }

    public int maxConcurrencyPerTeam() {
        return maxConcurrencyPerTeam;
    }

    public int breakerFailures() {
        return breakerFailures;
    }

    public Duration breakerOpen() {
        return breakerOpen;
    }

    public int sweepBatch() {
        return sweepBatch;
    }

    public Duration shutdownGrace() {
        return shutdownGrace;
    }

    public Duration retention() {
        return retention;
    }

    /** The egress proxy, when one is set; a malformed one stops the start with the key in the message. */
    public Optional<URI> proxy() {
        return proxy.filter(value -> !value.isBlank()).map(String::strip).map(value -> {
            URI uri;
            try {
                uri = new URI(value);
            } catch (URISyntaxException e) {
                uri = null;
            }
            if (uri == null || !"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1
                    || !(uri.getPath() == null || uri.getPath().isEmpty() || "/".equals(uri.getPath())) || uri.getUserInfo() != null) {
                throw new IllegalArgumentException(PROXY + " must be http://host:port (HTTPS goes through it with CONNECT), not " + value);
            }
            return uri;
        });
    }

    public Duration payloadRetention() {
        return payloadRetention.orElse(DEFAULT_PAYLOAD_RETENTION.compareTo(retention) < 0 ? DEFAULT_PAYLOAD_RETENTION : retention);
    }

    public Duration maxInlineWait() {
        return maxInlineWait;
    }

    public Duration autoDisableAfter() {
        return autoDisableAfter;
    }

    /**
     * How long a delivery stays reserved for whoever holds it, counted from the moment its next
     * attempt is due: the attempt itself plus a margin. Past it, a crashed holder's work is resumed.
     */
    public Instant leaseFrom(Instant due) {
        return due.plusMillis(timeoutMs + leaseMs);
    }
}
