package com.rateup.webhooks.deliveries.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Admission to the dispatcher. A delivery is dispatched only with a pass: one of a bounded number
 * of dispatcher slots, one of its endpoint's slots, and the endpoint's circuit closed. No pass, no
 * task: the delivery waits in the database for the sweep, so neither memory nor the dispatcher's
 * threads can be taken over by one slow or dead receiver.
 *
 * <p>An endpoint's slots adapt, as TCP's window does: it starts with {@value #INITIAL_ENDPOINT_SLOTS},
 * gains one with every success up to {@code max-concurrency-per-endpoint}, and drops to one at a
 * failure. A receiver that answers gets the throughput it can take; one that hangs holds one slot.
 *
 * <p>The circuit breaker is per endpoint (scheme, host and port), which MicroProfile's
 * {@code @CircuitBreaker} (one per method) cannot express: after {@code breaker-failures}
 * consecutive failed attempts the endpoint is not called for {@code breaker-open}; then one
 * delivery probes it, and its outcome closes or reopens the circuit.
 */
@ApplicationScoped
public class EndpointGate {

    static final int INITIAL_ENDPOINT_SLOTS = 2;

    @Inject
    @ConfigProperty(name = "rateup.delivery.max-concurrency", defaultValue = "16")
    int maxConcurrency;

    @Inject
    @ConfigProperty(name = "rateup.delivery.max-concurrency-per-endpoint", defaultValue = "8")
    int maxPerEndpoint;

    @Inject
    @ConfigProperty(name = "rateup.delivery.breaker-failures", defaultValue = "5")
    int breakerFailures;

    @Inject
    @ConfigProperty(name = "rateup.delivery.breaker-open", defaultValue = "PT30S")
    Duration breakerOpen;

    private Semaphore slots;
    private final ConcurrentHashMap<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final AtomicBoolean turnedAway = new AtomicBoolean();
    private volatile boolean closed;

    @PostConstruct
    void init() {
        slots = new Semaphore(maxConcurrency);
    }

    /** The key deliveries are limited and broken by: scheme://host:port. */
    public static String endpointOf(URI url) {
        int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** A pass to dispatch one delivery to the endpoint, or empty when it must wait in the database. */
    public Optional<Pass> tryEnter(String endpoint) {
        Endpoint state = endpoints.computeIfAbsent(endpoint, key -> new Endpoint(maxPerEndpoint));
        if (closed || !state.admits(Instant.now(), breakerOpen) || !slots.tryAcquire()) {
            turnedAway.set(true);
            return Optional.empty();
        }
        if (!state.tryAcquire()) {
            slots.release();
            turnedAway.set(true);
            return Optional.empty();
        }
        return Optional.of(new Pass(state));
    }

    public void leave(Pass pass) {
        if (pass.released.compareAndSet(false, true)) {
            pass.state.release();
            slots.release();
        }
    }

    /** How many more deliveries the endpoint would admit now, dispatcher slots permitting. */
    public int freeSlots(String endpoint) {
        Endpoint state = endpoints.get(endpoint);
        return state == null ? Math.min(INITIAL_ENDPOINT_SLOTS, maxPerEndpoint) : state.freeSlots();
    }

    /** Deliveries were left waiting without asking for a pass: freed capacity should be used at once, as after {@link #tryEnter}. */
    public void leftWaiting() {
        turnedAway.set(true);
    }

    /** Whether a delivery was turned away since the last call: then freed capacity should be used at once. */
    public boolean takeTurnedAway() {
        return turnedAway.getAndSet(false);
    }

    /** Until when the endpoint's circuit is open (no attempts), or empty when it may be called now. */
    public Optional<Instant> openUntil(String endpoint, Instant now) {
        Endpoint state = endpoints.get(endpoint);
        return state == null ? Optional.empty() : state.openUntil(now);
    }

    public void recordOutcome(String endpoint, boolean succeeded, Instant now) {
        endpoints.computeIfAbsent(endpoint, key -> new Endpoint(maxPerEndpoint)).record(succeeded, now, breakerFailures, breakerOpen);
    }

    public int inFlight() {
        return maxConcurrency - slots.availablePermits();
    }

    /** Takes no more work and waits up to {@code grace} for the work in flight to end. */
    public boolean closeAndDrain(Duration grace) throws InterruptedException {
        closed = true;
        if (slots.tryAcquire(maxConcurrency, grace.toMillis(), TimeUnit.MILLISECONDS)) {
            slots.release(maxConcurrency);
            return true;
        }
        return false;
    }

    public boolean closed() {
        return closed;
    }

    /** A dispatcher slot and an endpoint slot, released exactly once. */
    public static final class Pass {

        private final Endpoint state;
        private final AtomicBoolean released = new AtomicBoolean();

        private Pass(Endpoint state) {
            this.state = state;
        }
    }

    /** Concurrency and circuit state of one endpoint. */
    private static final class Endpoint {

        private final int maxSlots;
        private int slots;
        private int inFlight;
        private int consecutiveFailures;
        private Instant openUntil;
        private Instant probeUntil;

        Endpoint(int maxSlots) {
            this.maxSlots = maxSlots;
            this.slots = Math.min(INITIAL_ENDPOINT_SLOTS, maxSlots);
        }

        synchronized boolean tryAcquire() {
            if (inFlight >= slots) {
                return false;
            }
            inFlight++;
            return true;
        }

        synchronized void release() {
            inFlight--;
        }

        synchronized int freeSlots() {
            return Math.max(0, slots - inFlight);
        }

        /**
         * Closed: admits. Open: admits nothing until its time is up, then one probe; another only
         * if the probe made no attempt within a further open period (its holder lost the delivery).
         */
        synchronized boolean admits(Instant now, Duration open) {
            if (openUntil == null) {
                return true;
            }
            if (now.isBefore(openUntil) || (probeUntil != null && now.isBefore(probeUntil))) {
                return false;
            }
            probeUntil = now.plus(open);
            return true;
        }

        synchronized Optional<Instant> openUntil(Instant now) {
            return openUntil != null && now.isBefore(openUntil) ? Optional.of(openUntil) : Optional.empty();
        }

        synchronized void record(boolean succeeded, Instant now, int threshold, Duration open) {
            probeUntil = null;
            if (succeeded) {
                consecutiveFailures = 0;
                openUntil = null;
                slots = Math.min(slots + 1, maxSlots);
            } else {
                slots = 1;
                if (++consecutiveFailures >= threshold) {
                    openUntil = now.plus(open);
                }
            }
        }
    }
}
