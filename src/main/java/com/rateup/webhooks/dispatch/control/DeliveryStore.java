package com.rateup.webhooks.dispatch.control;

import com.rateup.webhooks.health.control.DeliveryMetrics;
import com.rateup.webhooks.health.control.TeamAlerts;
import com.rateup.webhooks.health.entity.AlertType;
import com.rateup.webhooks.outbox.control.DeliveryPolicy;
import com.rateup.webhooks.outbox.entity.AttemptResult;
import com.rateup.webhooks.outbox.entity.Delivery;
import com.rateup.webhooks.outbox.entity.DeliveryStatus;
import com.rateup.webhooks.platform.entity.InstantConverter;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
import com.rateup.webhooks.webhooks.entity.Webhook;
import com.rateup.webhooks.webhooks.entity.WebhookRemoved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The delivery rows as the dispatcher sees them. Each method is its own short transaction, so no
 * transaction or database connection is held while a receiver is being called or waited for.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class DeliveryStore {

    static final String WEBHOOK_DELETED = "the webhook was deleted before this delivery went out";

    @PersistenceContext
    EntityManager em;

    @Inject
    TeamWebhooks webhooks;

    @Inject
    DeliveryPolicy policy;

    @Inject
    DeliveryMetrics metrics;

    @Inject
    TeamAlerts alerts;

    /** Enabled webhooks with deliveries that are due and held by nobody, oldest due first, with their team and URL. */
    public List<DueWebhook> dueWebhooks(int limit) {
        return em.createNamedQuery(Delivery.DUE_BY_WEBHOOK, Object[].class)
                .setParameter("now", Instant.now())
                .setMaxResults(limit)
                .getResultStream()
                .map(row -> new DueWebhook((String) row[0], (String) row[1], URI.create((String) row[2])))
                .toList();
    }

    /**
     * When the earliest pending delivery nobody holds will be due (a retry handed back to the database);
     * those due already are the sweep's work now, and reading only the future ones keeps this short under a backlog.
     */
    public Optional<Instant> earliestDue() {
        return Optional.ofNullable(InstantConverter.fromResult(em.createNamedQuery(Delivery.EARLIEST_DUE)
                .setParameter("now", Instant.now())
                .getSingleResult()));
    }

    public List<String> dueOf(String webhookId, int limit) {
        return em.createNamedQuery(Delivery.DUE_OF_WEBHOOK, String.class)
                .setParameter("webhookId", webhookId)
                .setParameter("now", Instant.now())
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Leases each delivery that is pending and held by nobody to an owner of its own (atomic, so
     * only one claimer wins it) and reads its first attempt as {@link #nextAttempt} does, all in one
     * transaction: a sweep pass pays one commit for every delivery it dispatches. Leaves out those
     * another claimer won and those with nothing to send. The rows are claimed in one order
     * everywhere, so two instances claiming overlapping batches wait for each other instead of
     * deadlocking. Joins the transaction of a {@link DispatcherWrites} batch.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<LeasedDelivery> claim(Collection<String> deliveryIds) {
        Instant now = Instant.now();
        List<LeasedDelivery> claimed = new ArrayList<>(deliveryIds.size());
        for (String deliveryId : new TreeSet<>(deliveryIds)) {
            String owner = UUID.randomUUID().toString();
            boolean won = em.createNamedQuery(Delivery.CLAIM)
                    .setParameter("owner", owner)
                    .setParameter("until", policy.leaseFrom(now))
                    .setParameter("id", deliveryId)
                    .setParameter("now", now)
                    .executeUpdate() == 1;
            if (won) {
                nextAttempt(deliveryId, owner).ifPresent(next -> claimed.add(new LeasedDelivery(deliveryId, owner, next)));
            }
        }
        return claimed;
    }

    /** Moves the webhook's due, unheld deliveries to the end of their endpoint's open circuit, waiting for it. */
    public void postponeDueOf(String webhookId, EndpointGate.Outage outage) {
        em.createNamedQuery(Delivery.POSTPONE_DUE_OF_WEBHOOK)
                .setParameter("webhookId", webhookId)
                .setParameter("until", outage.until())
                .setParameter("since", outage.since())
                .setParameter("now", Instant.now())
                .executeUpdate();
    }

    /**
     * What the owner's next attempt sends, with the lease extended past that attempt; empty when
     * the lease was lost, the delivery is over, or its webhook is disabled (released for later)
     * or gone (the delivery fails).
     */
    public Optional<NextAttempt> nextAttempt(String deliveryId, String owner) {
        Delivery delivery = em.find(Delivery.class, deliveryId);
        if (delivery == null || !delivery.leasedTo(owner)) {
            return Optional.empty();
        }
        Optional<Webhook> webhook = webhooks.find(delivery.webhookId());
        if (webhook.isEmpty()) {
            delivery.abandon(WEBHOOK_DELETED);
            return Optional.empty();
        }
        if (!webhook.get().enabled()) {
            delivery.release();
            return Optional.empty();
        }
        Instant now = Instant.now();
        Instant due = delivery.nextAttemptAt().isAfter(now) ? delivery.nextAttemptAt() : now;
        // the claim and the previous record already leased it past this attempt: no write (and commit) then
        if (!delivery.leasedBeyond(due.plusMillis(policy.timeoutMs()))) {
            delivery.extendLease(policy.leaseFrom(due));
        }
        return Optional.of(NextAttempt.of(delivery, webhook.get(), due, now));
    }

    /**
     * Its pending deliveries end with the webhook, in the transaction that deletes it, so nothing sends them
     * later (to a webhook created afterwards, with its new secret) unless the team redelivers them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void endPendingOf(@Observes WebhookRemoved removed) {
        em.createNamedQuery(Delivery.ABANDON_PENDING_OF_WEBHOOK)
                .setParameter("webhookId", removed.webhookId())
                .setParameter("now", Instant.now())
                .setParameter("reason", WEBHOOK_DELETED)
                .executeUpdate();
    }

    /** Gives the delivery back without an attempt, due as it was. */
    public void giveBack(String deliveryId, String owner) {
        Delivery delivery = em.find(Delivery.class, deliveryId);
        if (delivery != null && delivery.leasedTo(owner)) {
            delivery.release();
        }
    }

    /** Gives the delivery back without an attempt, due when its endpoint's circuit lets a probe through. */
    public void waitForEndpoint(String deliveryId, String owner, EndpointGate.Outage outage) {
        Delivery delivery = em.find(Delivery.class, deliveryId);
        if (delivery != null && delivery.leasedTo(owner)) {
            delivery.waitForEndpoint(outage.since(), outage.until());
        }
    }

    /**
     * Records the attempt if the owner still holds the lease, and decides what follows it
     * ({@link AfterAttempt}) and what it means for the webhook: a 410 disables it, a success clears
     * its failure history, a failure starts or continues it and disables the webhook once it has lasted
     * {@code rateup.webhook.auto-disable-after}. An attempt that found the endpoint's circuit opening or
     * open ({@code outcome.openUntil()}), or that got no answer while the delivery already waits for
     * its endpoint ({@link Delivery#waitingThrough}), does not use up the round: the delivery waits for
     * the endpoint, probed at the retry schedule's pace but at least every {@code breaker-open}, until it
     * answers or the webhook is disabled. A wait longer than {@code max-inline-wait} hands the delivery
     * back to the sweep. {@code webhookFailingSince}: the webhook's, read before the attempt.
     */
    @Transactional(Transactional.TxType.REQUIRED) // joins the shared commit of DispatcherWrites
    public AfterAttempt recordAndContinue(String deliveryId, String owner, AttemptResult result, Instant webhookFailingSince,
            EndpointGate.Outcome outcome) {
        Delivery delivery = em.find(Delivery.class, deliveryId);
        if (delivery == null || !delivery.leasedTo(owner)) {
            return new AfterAttempt.LeaseLost();
        }
        // the database keeps microseconds: the failure's start written below is compared with the delivery's later
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (result.gone()) {
            em.persist(delivery.record(result, 1, Duration.ZERO, null));
            metrics.completed(delivery.status());
            webhooks.disable(delivery.webhookId(), "the receiver answered 410 Gone at " + now, now);
            return new AfterAttempt.Failed();
        }
        if (outcome.openUntil() != null) {
            em.persist(delivery.recordWaitingForEndpoint(result, outcome.unreachableSince(), outcome.openUntil()));
            delivery.release();
            disableIfFailingTooLong(delivery.webhookId(), now);
            return new AfterAttempt.WaitingForEndpoint(outcome.unreachableSince(), outcome.openUntil());
        }
        Instant unreachableSince = outcome.unreachableSince();
        boolean waitingForEndpoint = result.noAnswer() && delivery.waitingThrough(webhookFailingSince);
        if (waitingForEndpoint) {
            em.persist(delivery.recordWaitingForEndpoint(result, delivery.unreachableSince(),
                    now.plus(policy.probeDelay(delivery.attemptCountInRound()))));
        } else {
            // a first attempt without an answer starts the wait; never before the webhook's failure, so the next finds it waiting through it
            Instant waitingSince = result.noAnswer() ? latest(unreachableSince, webhookFailingSince != null ? webhookFailingSince : now)
                    : unreachableSince;
            em.persist(delivery.record(result, policy.maxAttempts(), policy.delayBefore(delivery.attemptCountInRound() + 1, result.retryAfter()),
                    waitingSince));
        }
        if (delivery.status() != DeliveryStatus.PENDING) {
            metrics.completed(delivery.status());
        }
        if (delivery.status() == DeliveryStatus.FAILED && !delivery.isAlert()) {
            webhooks.find(delivery.webhookId()).ifPresent(webhook -> alerts.raise(AlertType.DELIVERY_FAILED, webhook,
                    "its " + delivery.attemptCountInRound() + " attempts failed; the last " + result.outcome(), delivery));
        }
        if (result.succeeded()) {
            if (webhookFailingSince != null) {
                webhooks.markHealthy(delivery.webhookId());
            }
        } else {
            disableIfFailingTooLong(delivery.webhookId(), now);
        }
        if (delivery.status() == DeliveryStatus.DELIVERED) {
            return new AfterAttempt.Delivered();
        }
        if (delivery.status() == DeliveryStatus.FAILED) {
            return new AfterAttempt.Failed();
        }
        Instant next = delivery.nextAttemptAt();
        if (Duration.between(now, next).compareTo(policy.maxInlineWait()) > 0) {
            delivery.release();
            return waitingForEndpoint ? new AfterAttempt.WaitingForEndpoint(delivery.unreachableSince(), next) : new AfterAttempt.WaitInDatabase(next);
        }
        delivery.extendLease(policy.leaseFrom(next));
        return new AfterAttempt.RetryInline(next);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    /** One transaction for the writes of a {@link DispatcherWrites} batch; their results in order. */
    public List<Object> inOneTransaction(List<Supplier<?>> writes) {
        List<Object> results = new ArrayList<>(writes.size());
        writes.forEach(write -> results.add(write.get()));
        return results;
    }

    /**
     * The endpoint answers again: the deliveries that wait for it because it did not answer are due
     * now, not at their scheduled retry, so a long schedule does not turn a short outage into a long
     * delay. Returns how many.
     */
    public int resumeWaitingFor(URI url) {
        return em.createNamedQuery(Delivery.RESUME_WAITING_FOR_ENDPOINT)
                .setParameter("now", Instant.now())
                .setParameter("url", url.toString())
                .executeUpdate();
    }

    private void disableIfFailingTooLong(String webhookId, Instant now) {
        webhooks.markFailing(webhookId, now);
        webhooks.find(webhookId)
                .map(Webhook::failingSince)
                .filter(since -> since.plus(policy.autoDisableAfter()).isBefore(now))
                .ifPresent(since -> webhooks.disable(webhookId, "every attempt failed since " + since, now));
    }

    public record DueWebhook(String teamId, String webhookId, URI url) {
    }
}
