package com.rateup.webhooks.health.control;

import com.rateup.webhooks.health.entity.AlertType;
import com.rateup.webhooks.health.entity.AttemptHour;
import com.rateup.webhooks.health.entity.EndpointState;
import com.rateup.webhooks.health.entity.WebhookHealth;
import com.rateup.webhooks.outbox.control.DeliveryPolicy;
import com.rateup.webhooks.outbox.entity.AttemptResult;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
import com.rateup.webhooks.webhooks.entity.Reach;
import com.rateup.webhooks.webhooks.entity.Webhook;
import com.rateup.webhooks.webhooks.entity.WebhookState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * How each webhook's endpoint is doing, kept as attempts are recorded (an hour row and a summary
 * row per webhook, never a scan of the attempts), and the one log line per change of its state.
 * Bookkeeping, not delivery: attempts are noted in memory and written a few times a second by
 * {@link HealthBookkeeping}, in a transaction apart from any attempt's record; a failure there, or a
 * crash before it, loses figures (at most {@link HealthBookkeeping#EVERY} of them), never an attempt.
 */
@ApplicationScoped
public class EndpointHealth {

    private static final Logger LOG = Logger.getLogger(EndpointHealth.class.getName());

    /** A p95 above this share of the timeout makes an endpoint SLOW, before its attempts start timing out. */
    public static final double SLOW_SHARE = 0.6;
    /** Fewer recent attempts than this say nothing about a p95. */
    static final int MIN_RECENT_ATTEMPTS = 5;
    public static final Duration WINDOW = Duration.ofHours(24);
    static final int HOURS_SHOWN = 24;
    private static final Duration COUNTS_FRESHNESS = Duration.ofSeconds(5);

    @PersistenceContext
    EntityManager em;

    @Inject
    HealthRows rows;

    @Inject
    TeamWebhooks webhooks;

    @Inject
    DeliveryPolicy policy;

    @Inject
    TeamAlerts alerts;

    private final Set<String> existingRows = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, List<Noted>> noted = new ConcurrentHashMap<>();
    private volatile Counts counts = new Counts(Map.of(), Instant.EPOCH);

    /**
     * Notes an attempt of the webhook; {@code circuitOpenUntil}: when the attempt found its endpoint
     * down and its circuit open, else null. Written with the other attempts noted meanwhile at the next
     * {@link #record}, not in a transaction of its own: one commit per attempt halved the throughput.
     */
    public void attempted(String webhookId, AttemptResult result, Instant circuitOpenUntil) {
        Noted attempt = new Noted(result, Instant.now(), circuitOpenUntil);
        noted.compute(webhookId, (id, attempts) -> {
            List<Noted> list = attempts == null ? new ArrayList<>() : attempts;
            list.add(attempt);
            return list;
        });
    }

    /** Takes the attempts noted so far: each webhook's in the order they ended, the webhooks in id order. */
    SortedMap<String, List<Noted>> takeNoted() {
        SortedMap<String, List<Noted>> taken = new TreeMap<>();
        for (String webhookId : noted.keySet()) {
            List<Noted> attempts = noted.remove(webhookId);
            if (attempts != null) {
                taken.put(webhookId, attempts);
            }
        }
        return taken;
    }

    /**
     * Writes the noted attempts into each webhook's hour rows and summary row, and moves its state; logs
     * (and alerts about) a change once, whichever instance sees it. Rows are locked webhook by webhook in
     * id order, each webhook's hour rows before its summary, so concurrent writers never deadlock.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(SortedMap<String, List<Noted>> attempts) {
        attempts.forEach(this::record);
    }

    private void record(String webhookId, List<Noted> attempts) {
        Optional<Webhook> webhook = webhooks.find(webhookId);
        // the alert endpoint's own health raises no alert (it could only tell itself)
        if (webhook.isEmpty() || webhook.get().reach() == Reach.ALERTS) {
            return;
        }
        Map<String, AttemptHour> hours = new HashMap<>();
        for (Noted attempt : attempts) {
            String hourId = AttemptHour.idOf(webhookId, attempt.at());
            if (!hours.containsKey(hourId) && !rowsExist(webhookId, attempt.at())) {
                return;
            }
            hours.computeIfAbsent(hourId, id -> em.find(AttemptHour.class, id, LockModeType.PESSIMISTIC_WRITE))
                    .add(attempt.result().succeeded(), attempt.result().durationMs());
        }
        WebhookHealth health = em.find(WebhookHealth.class, webhookId, LockModeType.PESSIMISTIC_WRITE);
        attempts.forEach(attempt -> health.attempted(attempt.result().succeeded(), attempt.at(), attempt.circuitOpenUntil()));
        Instant now = Instant.now();
        EndpointState next = stateOf(webhook.get().enabled(), health, () -> recent(webhookId, now), policy.timeoutMs(), now);
        EndpointState before = health.state();
        boolean changed = health.moveTo(next, now);
        // an endpoint that was idle and answers well is no news
        if (changed && !(before == EndpointState.IDLE && next == EndpointState.HEALTHY)) {
            Webhook subject = webhook.get();
            String reason = reasonOf(next, attempts.get(attempts.size() - 1).result(), health);
            LOG.warning(() -> "webhook " + subject.id() + " of team " + subject.teamId()
                    + subject.ownerSurveyId().map(survey -> " (survey " + survey + ")").orElse(" (team webhook)")
                    + " is now " + next + ", was " + before + ": " + reason);
            AlertType.ofChange(before, next).ifPresent(type -> alerts.raise(type, subject, reason, null));
        }
    }

    /** The webhook's figures over the last 24 hours (whole hours) and its state now. */
    public Stats stats(Webhook webhook) {
        Instant now = Instant.now();
        WebhookHealth health = em.find(WebhookHealth.class, webhook.id());
        List<AttemptHour> hours = hoursSince(webhook.id(), now.minus(WINDOW));
        AttemptHour.Summary day = AttemptHour.summarize(hours);
        EndpointState state = health == null
                ? (webhook.enabled() ? EndpointState.IDLE : EndpointState.DISABLED)
                : stateOf(webhook.enabled(), health, () -> recent(webhook.id(), now), policy.timeoutMs(), now);
        return new Stats(state, day.attempts(), day.successRate(), day.percentileMs(50), day.percentileMs(95),
                health == null ? null : health.lastSuccessAt(), health == null ? null : health.lastFailureAt(),
                health == null ? 0 : health.consecutiveFailures(), health == null ? null : health.circuitOpenUntil(now),
                policy.timeoutMs(), hourly(hours, now));
    }

    /** The last 24 hours, oldest first, the current one last; an hour without attempts has zeros and no p95. */
    static List<Hour> hourly(List<AttemptHour> rows, Instant now) {
        Map<Instant, AttemptHour> byHour = new HashMap<>();
        rows.forEach(row -> byHour.put(row.hour(), row));
        Instant current = AttemptHour.hourOf(now);
        List<Hour> hours = new ArrayList<>(HOURS_SHOWN);
        for (int back = HOURS_SHOWN - 1; back >= 0; back--) {
            Instant start = current.minus(Duration.ofHours(back));
            AttemptHour row = byHour.get(start);
            AttemptHour.Summary figures = AttemptHour.summarize(row == null ? List.of() : List.of(row));
            hours.add(new Hour(start, figures.attempts(), figures.attempts() - figures.successes(), figures.percentileMs(95)));
        }
        return hours;
    }

    /** The state of each of these webhooks as last recorded (for lists: no figures are read). */
    public Map<String, EndpointState> recordedStates(Collection<Webhook> listed) {
        if (listed.isEmpty()) {
            return Map.of();
        }
        Instant idleBefore = Instant.now().minus(WINDOW);
        Map<String, WebhookHealth> recorded = em.createNamedQuery(WebhookHealth.OF_WEBHOOKS, WebhookHealth.class)
                .setParameter("webhookIds", listed.stream().map(Webhook::id).toList())
                .getResultStream()
                .collect(Collectors.toMap(WebhookHealth::webhookId, Function.identity()));
        Map<String, EndpointState> states = new HashMap<>();
        for (Webhook webhook : listed) {
            WebhookHealth health = recorded.get(webhook.id());
            boolean idle = health == null || health.lastAttemptAt() == null || health.lastAttemptAt().isBefore(idleBefore);
            states.put(webhook.id(), countedAs(webhook.enabled() ? WebhookState.ENABLED : WebhookState.DISABLED,
                    idle ? null : health.state()));
        }
        return states;
    }

    /**
     * How many webhooks are in each state, as last recorded (an enabled webhook without an attempt in
     * 24 h is IDLE); read at most every few seconds, however often asked.
     */
    public Map<EndpointState, Long> countsByState() {
        Counts current = counts;
        if (current.readAt().plus(COUNTS_FRESHNESS).isAfter(Instant.now())) {
            return current.byState();
        }
        Map<EndpointState, Long> byState = new EnumMap<>(EndpointState.class);
        for (EndpointState state : EndpointState.values()) {
            byState.put(state, 0L);
        }
        em.createNamedQuery(WebhookHealth.STATES, Object[].class)
                .setParameter("since", Instant.now().minus(WINDOW))
                .getResultList()
                .forEach(row -> byState.merge(countedAs((WebhookState) row[0], (EndpointState) row[1]), ((Number) row[2]).longValue(), Long::sum));
        counts = new Counts(Map.copyOf(byState), Instant.now());
        return counts.byState();
    }

    private static EndpointState countedAs(WebhookState webhook, EndpointState recorded) {
        if (webhook != WebhookState.ENABLED) {
            return EndpointState.DISABLED;
        }
        // enabled again after it was disabled, and no attempt since
        return recorded == null || recorded == EndpointState.DISABLED ? EndpointState.IDLE : recorded;
    }

    /**
     * The state from what is known: switched off → DISABLED; circuit open → CIRCUIT_OPEN; no attempt
     * in 24 h → IDLE; the last attempt failed → FAILING; p95 of the recent attempts above 60 % of the
     * timeout → SLOW; else HEALTHY. The recent attempts are read only when it comes to that.
     */
    static EndpointState stateOf(boolean enabled, WebhookHealth health, Supplier<AttemptHour.Summary> recentAttempts, long timeoutMs,
            Instant now) {
        if (!enabled) {
            return EndpointState.DISABLED;
        }
        if (health.circuitOpenUntil(now) != null) {
            return EndpointState.CIRCUIT_OPEN;
        }
        if (health.lastAttemptAt() == null || health.lastAttemptAt().isBefore(now.minus(WINDOW))) {
            return EndpointState.IDLE;
        }
        if (health.consecutiveFailures() > 0) {
            return EndpointState.FAILING;
        }
        AttemptHour.Summary recent = recentAttempts.get();
        if (recent.attempts() >= MIN_RECENT_ATTEMPTS && recent.percentileMs(95) > SLOW_SHARE * timeoutMs) {
            return EndpointState.SLOW;
        }
        return EndpointState.HEALTHY;
    }

    private static String reasonOf(EndpointState state, AttemptResult result, WebhookHealth health) {
        String attempt = result.outcome();
        return switch (state) {
            case FAILING, CIRCUIT_OPEN -> "the last attempt " + attempt + " (" + health.consecutiveFailures() + " failures in a row)";
            case SLOW -> "p95 of the recent attempts above " + Math.round(SLOW_SHARE * 100) + " % of the timeout";
            case DISABLED -> "the webhook is disabled; the last attempt " + attempt;
            default -> "the last attempt " + attempt + " in " + result.durationMs() + " ms";
        };
    }

    /** The current and the previous hour: recent enough to see a change, enough attempts for a p95. */
    private AttemptHour.Summary recent(String webhookId, Instant now) {
        return AttemptHour.summarize(hoursSince(webhookId, now.minus(Duration.ofHours(1))));
    }

    private List<AttemptHour> hoursSince(String webhookId, Instant since) {
        return em.createNamedQuery(AttemptHour.OF_WEBHOOK_SINCE, AttemptHour.class)
                .setParameter("webhookId", webhookId)
                .setParameter("since", AttemptHour.hourOf(since))
                .getResultList();
    }

    /** The webhook's summary row and this hour's row exist; created in a transaction of their own. */
    private boolean rowsExist(String webhookId, Instant now) {
        String key = AttemptHour.idOf(webhookId, now);
        if (existingRows.contains(key)) {
            return true;
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                rows.create(webhookId, now);
                if (existingRows.size() > 100_000) {
                    existingRows.clear(); // earlier hours' keys: never asked for again
                }
                existingRows.add(key);
                return true;
            } catch (RuntimeException createdByAnotherAttemptMeanwhile) {
                LOG.log(Level.FINE, "creating the health rows of webhook " + webhookId + " raced; trying again", createdByAnotherAttemptMeanwhile);
            }
        }
        return false;
    }

    /**
     * {@code circuitOpenUntil} and the figures are null when unknown (no attempt yet); {@code hourly}: the
     * last 24 hours one by one, oldest first (the admin pages draw them).
     */
    public record Stats(EndpointState state, int attempts24h, Double successRate24h, Long p50Ms, Long p95Ms, Instant lastSuccessAt,
            Instant lastFailureAt, int consecutiveFailures, Instant circuitOpenUntil, long timeoutMs, List<Hour> hourly) {
    }

    /** One hour's attempts, how many of them failed, and their p95 (null without attempts). */
    public record Hour(Instant start, int attempts, int failures, Long p95Ms) {
    }

    private record Counts(Map<EndpointState, Long> byState, Instant readAt) {
    }

    /** One attempt's result, when it ended, and until when its endpoint's circuit is open (null: closed). */
    record Noted(AttemptResult result, Instant at, Instant circuitOpenUntil) {
    }
}
