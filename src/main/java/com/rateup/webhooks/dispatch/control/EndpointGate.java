package com.rateup.webhooks.dispatch.control;

import com.rateup.webhooks.outbox.control.DeliveryPolicy;
import com.rateup.webhooks.outbox.entity.AttemptResult;
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

/**
 * Admission to the dispatcher. A delivery is dispatched only with an admission: one of a bounded number
 * of dispatcher slots, one of its endpoint's slots, one of its host's, and the endpoint's circuit
 * closed. No admission, no task: the delivery waits in the database for the sweep, so neither memory nor
 * the dispatcher's threads can be taken over by one slow or dead receiver.
 *
 * <p>The unit of isolation is the endpoint: one webhook's URL (ADR 0002). Many teams' webhooks point
 * at the same few integration hosts (Zapier, Make, a company's gateway), so one team's broken
 * endpoint must not slow down or stop another's on the same host. Toward a host the gate is only
 * polite: at most {@code max-concurrency-per-host} deliveries at once, never a breaker.
 *
 * <p>Each team gets at most {@code max-concurrency-per-team} of the dispatcher slots, and the sweep
 * takes the teams' due work in turn ({@link DeliverySweep}): one team's backlog of thousands of
 * deliveries to a slow endpoint cannot take every slot or starve the others.
 *
 * <p>An endpoint's slots adapt, as TCP's window does: it starts with {@value #INITIAL_ENDPOINT_SLOTS},
 * gains one with every success up to {@code max-concurrency-per-endpoint}, and drops to one when the
 * receiver seems down or overloaded. A receiver that answers gets the throughput it can take; one
 * that hangs holds one slot.
 *
 * <p>The circuit breaker is per endpoint, which MicroProfile's {@code @CircuitBreaker} (one per
 * method) cannot express. Only signs that the receiver is down or overloaded count
 * ({@link AttemptResult#receiverUnavailable()}: no answer, 429, 502, 503, 504): after
 * {@code breaker-failures} of them in a row the endpoint is not called for {@code breaker-open}; then
 * one delivery probes it, and its outcome closes or reopens the circuit. A quick 4xx or 500 from a
 * live server is that delivery's failed attempt, retried on its own schedule; it holds nothing back.
 */
@ApplicationScoped
public class EndpointGate {

    static final int INITIAL_ENDPOINT_SLOTS = 2;

    @Inject
    DeliveryPolicy policy;

    // from the policy at start; set directly by unit tests
    int maxConcurrency;
    int maxPerEndpoint;
    int maxPerHost;
    /** One team's share of the dispatcher: its backlog cannot take every slot from the others. */
    int maxPerTeam;
    int breakerFailures;
    Duration breakerOpen;

    private Semaphore slots;
    private final ConcurrentHashMap<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Semaphore> hosts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Semaphore> teams = new ConcurrentHashMap<>();
    private final AtomicBoolean turnedAway = new AtomicBoolean();
    private volatile boolean closed;

    @PostConstruct
    void start() {
        maxConcurrency = policy.maxConcurrency();
        maxPerEndpoint = policy.maxConcurrencyPerEndpoint();
        maxPerHost = policy.maxConcurrencyPerHost();
        maxPerTeam = policy.maxConcurrencyPerTeam();
        breakerFailures = policy.breakerFailures();
        breakerOpen = policy.breakerOpen();
        init();
    }

    void init() {
        slots = new Semaphore(maxConcurrency);
    }

    /**
     * The key deliveries are isolated and broken by: the endpoint URL, with scheme and host in lower
     * case and the port written out ({@code https://hooks.example.com:443/a?b}).
     */
    public static String endpointOf(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return hostOf(url) + path + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    }

    /** The host deliveries are polite to: {@code scheme://host:port}. */
    static String hostOf(URI url) {
        int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** An admission to dispatch one delivery of the team to the endpoint, or empty when it must wait in the database. */
    public Optional<Admission> tryAdmit(String endpoint, String team) {
        Endpoint state = stateOf(endpoint);
        Semaphore share = teamShare(team);
        if (closed || !state.admits(Instant.now(), breakerOpen) || !slots.tryAcquire()) {
            turnedAway.set(true);
            return Optional.empty();
        }
        if (!share.tryAcquire()) {
            slots.release();
            turnedAway.set(true);
            return Optional.empty();
        }
        if (!state.tryAcquire()) {
            share.release();
            slots.release();
            turnedAway.set(true);
            return Optional.empty();
        }
        return Optional.of(new Admission(state, share));
    }

    public void release(Admission admission) {
        if (admission.released.compareAndSet(false, true)) {
            admission.state.release();
            admission.team.release();
            slots.release();
        }
    }

    /** The endpoint's state, created with a reference to its host's slots (its URL is parsed once, not per delivery). */
    private Endpoint stateOf(String endpoint) {
        return endpoints.computeIfAbsent(endpoint, key -> new Endpoint(maxPerEndpoint,
                hosts.computeIfAbsent(hostOf(URI.create(key)), host -> new Semaphore(maxPerHost))));
    }

    private Semaphore teamShare(String team) {
        return teams.computeIfAbsent(team, key -> new Semaphore(maxPerTeam));
    }

    /** How many more deliveries of the team the endpoint would admit now, dispatcher slots permitting. */
    public int freeSlots(String endpoint, String team) {
        Endpoint state = endpoints.get(endpoint);
        int endpointFree = state == null ? Math.min(INITIAL_ENDPOINT_SLOTS, maxPerEndpoint) : state.freeSlots();
        return Math.min(endpointFree, teamShare(team).availablePermits());
    }

    /** Deliveries were left waiting without asking for an admission: freed capacity should be used at once, as after {@link #tryAdmit}. */
    public void leftWaiting() {
        turnedAway.set(true);
    }

    /** Whether a delivery was turned away since the last call: then freed capacity should be used at once. */
    public boolean takeTurnedAway() {
        return turnedAway.getAndSet(false);
    }

    /** The endpoint's outage while its circuit is open (no attempts), or empty when it may be called now. */
    public Optional<Outage> outage(String endpoint, Instant now) {
        Endpoint state = endpoints.get(endpoint);
        return state == null ? Optional.empty() : state.outage(now);
    }

    /** Records an attempt's result and tells what it means for the endpoint. */
    public Outcome recordOutcome(String endpoint, AttemptResult result, Instant now) {
        return stateOf(endpoint).record(result.succeeded(), result.receiverUnavailable(), now, breakerFailures, breakerOpen);
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

    /** A dispatcher slot and a slot of the team's share, of the endpoint and of its host, released exactly once. */
    public static final class Admission {

        private final Endpoint state;
        private final Semaphore team;
        private final AtomicBoolean released = new AtomicBoolean();

        private Admission(Endpoint state, Semaphore team) {
            this.state = state;
            this.team = team;
        }
    }

    /**
     * What an attempt's result means for its endpoint. {@code unreachableSince}: since when it has not
     * answered, if it did not answer this time; {@code openUntil}: its circuit opened (or stays open)
     * until then, so this was an outage, not the delivery's failure; {@code answeredAgain}: it answered
     * after not answering, so the deliveries waiting for it should go now.
     */
    public record Outcome(Instant unreachableSince, Instant openUntil, boolean answeredAgain) {
    }

    /** The endpoint has not answered since {@code since}; its circuit stays open until {@code until}. */
    public record Outage(Instant since, Instant until) {
    }

    /** Concurrency and circuit state of one endpoint. */
    private static final class Endpoint {

        private final int maxSlots;
        /** Shared with the other endpoints on the same scheme, host and port. */
        private final Semaphore host;
        private int slots;
        private int inFlight;
        private int consecutiveFailures;
        private Instant unreachableSince;
        private Instant openUntil;
        private Instant probeUntil;

        Endpoint(int maxSlots, Semaphore host) {
            this.maxSlots = maxSlots;
            this.host = host;
            this.slots = Math.min(INITIAL_ENDPOINT_SLOTS, maxSlots);
        }

        /** One of this endpoint's slots and one of its host's. */
        synchronized boolean tryAcquire() {
            if (inFlight >= slots || !host.tryAcquire()) {
                return false;
            }
            inFlight++;
            return true;
        }

        synchronized void release() {
            inFlight--;
            host.release();
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

        synchronized Optional<Outage> outage(Instant now) {
            return openUntil != null && now.isBefore(openUntil) ? Optional.of(new Outage(unreachableSince, openUntil)) : Optional.empty();
        }

        /** Only an unavailable receiver shrinks the slots and counts toward the breaker; any answer closes it. */
        synchronized Outcome record(boolean succeeded, boolean unavailable, Instant now, int threshold, Duration open) {
            probeUntil = null;
            if (unavailable) {
                slots = 1;
                if (consecutiveFailures++ == 0) {
                    unreachableSince = now;
                }
                if (consecutiveFailures >= threshold) {
                    openUntil = now.plus(open);
                }
                return new Outcome(unreachableSince, openUntil, false);
            }
            boolean answeredAgain = consecutiveFailures > 0;
            consecutiveFailures = 0;
            unreachableSince = null;
            openUntil = null;
            if (succeeded) {
                slots = Math.min(slots + 1, maxSlots);
            }
            return new Outcome(null, null, answeredAgain);
        }
    }
}
