package com.rateup.webhooks.responses.control;

import com.rateup.webhooks.platform.control.GroupCommit;
import com.rateup.webhooks.responses.entity.IntakeKey;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where checked responses go to be stored: a {@link GroupCommit} lane of its own, so submissions
 * that arrive together share one commit, and no delivery bookkeeping ever waits in front of them.
 * A submission with an idempotency key used within the window is answered with the response stored
 * for it; one whose key is being stored right now waits for that and gets the same answer. The
 * component's settings are read here.
 */
@ApplicationScoped
public class ResponseIntake {

    /** SQLSTATE of a unique constraint's violation (SQL standard; PostgreSQL and H2 say so). */
    private static final String UNIQUE_VIOLATION = "23505";

    @Resource
    ManagedThreadFactory threads;

    @Inject
    ResponseStore store;

    @Inject
    IntakeKeys keys;

    @Inject
    MeterRegistry registry;

    @Inject
    @ConfigProperty(name = "rateup.intake.batch-size", defaultValue = "64")
    int batchSize;

    @Inject
    @ConfigProperty(name = "rateup.intake.committers", defaultValue = "2")
    int committers;

    @Inject
    @ConfigProperty(name = "rateup.intake.queue-capacity", defaultValue = "4096")
    int queueCapacity;

    @Inject
    @ConfigProperty(name = "rateup.intake.idempotency-window", defaultValue = "PT24H")
    Duration idempotencyWindow;

    private GroupCommit<CheckedResponse, String> lane;

    /** Keys being stored by this instance, with what was submitted under them. */
    private final Map<String, Storing> storing = new ConcurrentHashMap<>();

    private record Storing(String fingerprint, CompletableFuture<Stored> stored) {
    }

    /** The stored response's id; {@code replayed}: stored earlier under the same idempotency key. */
    public record Stored(String id, boolean replayed) {
    }

    /** The idempotency key was used within the window for another submission to the survey. */
    public static class KeyReused extends RuntimeException {

        KeyReused() {
            super("the idempotency key was used for another submission to this survey", null, false, false);
        }
    }

    @PostConstruct
    void start() {
        if (idempotencyWindow.isNegative() || idempotencyWindow.isZero()) {
            throw new IllegalArgumentException("rateup.intake.idempotency-window must be a positive ISO-8601 duration such as PT24H, not "
                    + idempotencyWindow);
        }
        lane = new GroupCommit<>("intake", store::storeAll, new GroupCommit.Settings(batchSize, committers, queueCapacity), threads, registry);
    }

    /**
     * Completes once committed with its deliveries; with {@link GroupCommit.Refused} when not taken and
     * {@link KeyReused} for a known key with another submission.
     */
    public CompletionStage<Stored> store(CheckedResponse response) {
        if (response.key() == null) {
            return lane.submit(response).thenApply(id -> new Stored(id, false));
        }
        String fingerprint = response.fingerprint();
        Storing mine = new Storing(fingerprint, new CompletableFuture<>());
        Storing first = storing.putIfAbsent(response.key().id(), mine);
        if (first != null) {
            return first.stored().thenApply(stored -> replay(fingerprint, first.fingerprint(), stored.id()));
        }
        mine.stored().whenComplete((stored, failure) -> storing.remove(response.key().id(), mine));
        try {
            Optional<IntakeKey> used = keys.used(response.key(), idempotencyWindow);
            if (used.isPresent()) {
                mine.stored().complete(replay(fingerprint, used.get().fingerprint(), used.get().responseId()));
            } else {
                lane.submit(response).whenComplete((id, failure) -> {
                    if (failure == null) {
                        mine.stored().complete(new Stored(id, false));
                    } else if (duplicateKey(failure)) {
                        completeFromStored(response, mine); // another instance stored the key first
                    } else {
                        mine.stored().completeExceptionally(failure);
                    }
                });
            }
        } catch (RuntimeException e) {
            mine.stored().completeExceptionally(e);
        }
        return mine.stored();
    }

    private void completeFromStored(CheckedResponse response, Storing mine) {
        try {
            IntakeKey used = keys.used(response.key(), idempotencyWindow).orElseThrow();
            mine.stored().complete(replay(mine.fingerprint(), used.fingerprint(), used.responseId()));
        } catch (RuntimeException e) {
            mine.stored().completeExceptionally(e);
        }
    }

    private static Stored replay(String submitted, String storedWith, String responseId) {
        if (!submitted.equals(storedWith)) {
            throw new KeyReused();
        }
        return new Stored(responseId, true);
    }

    private static boolean duplicateKey(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    public Duration idempotencyWindow() {
        return idempotencyWindow;
    }

    @PreDestroy
    void stop() {
        lane.stop(Duration.ofSeconds(10));
    }
}
