package com.rateup.webhooks.outbox.entity;

import com.rateup.webhooks.deliveries.entity.DeliveryJob;
import com.rateup.webhooks.webhooks.entity.Reach;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One response to deliver to one webhook: the outbox row. Its id is the {@code x-webhook-id}
 * receivers de-duplicate on, and its payload is frozen when the response is submitted.
 *
 * <p>Whoever holds the lease ({@code leaseOwner} until {@code leaseUntil}) is the only one
 * allowed to attempt it; a lease that runs out (its holder crashed) frees it for the sweep.
 */
@Entity
@Table(name = "delivery")
@NamedQuery(name = Delivery.DUE_BY_WEBHOOK,
        query = "select d.teamId, d.webhookId, w.url, min(d.nextAttemptAt) from Delivery d, Webhook w"
                + " where w.id = d.webhookId and w.state = com.rateup.webhooks.webhooks.entity.WebhookState.ENABLED"
                + " and d.status = com.rateup.webhooks.outbox.entity.DeliveryStatus.PENDING"
                + " and d.nextAttemptAt <= :now and (d.leaseUntil is null or d.leaseUntil < :now)"
                + " group by d.teamId, d.webhookId, w.url order by min(d.nextAttemptAt)")
@NamedQuery(name = Delivery.DUE_OF_WEBHOOK,
        query = "select d.id from Delivery d where d.webhookId = :webhookId"
                + " and d.status = com.rateup.webhooks.outbox.entity.DeliveryStatus.PENDING"
                + " and d.nextAttemptAt <= :now and (d.leaseUntil is null or d.leaseUntil < :now)"
                // webhookId and status are fixed by the where clause; naming them lets H2 read the index in order (V12)
                + " order by d.webhookId, d.status, d.nextAttemptAt, d.createdAt")
@NamedQuery(name = Delivery.POSTPONE_DUE_OF_WEBHOOK,
        query = "update Delivery d set d.nextAttemptAt = :until, d.unreachableSince = :since, d.version = d.version + 1"
                + " where d.webhookId = :webhookId"
                + " and d.status = com.rateup.webhooks.outbox.entity.DeliveryStatus.PENDING"
                + " and d.nextAttemptAt <= :now and (d.leaseUntil is null or d.leaseUntil < :now)")
@NamedQuery(name = Delivery.RESUME_WAITING_FOR_ENDPOINT,
        query = "update Delivery d set d.nextAttemptAt = :now, d.version = d.version + 1"
                + " where d.status = com.rateup.webhooks.outbox.entity.DeliveryStatus.PENDING"
                + " and d.unreachableSince is not null and d.nextAttemptAt > :now and (d.leaseUntil is null or d.leaseUntil < :now)"
                + " and d.webhookId in (select w.id from Webhook w where w.url = :url)")
@NamedQuery(name = Delivery.BACKLOG,
        query = "select count(d), min(d.createdAt) from Delivery d"
                + " where d.status = com.rateup.webhooks.outbox.entity.DeliveryStatus.PENDING")
@NamedQuery(name = Delivery.EARLIEST_DUE,
        query = "select min(d.nextAttemptAt) from Delivery d"
                + " where d.status = com.rateup.webhooks.outbox.entity.DeliveryStatus.PENDING and d.leaseUntil is null"
                + " and d.nextAttemptAt > :now")
@NamedQuery(name = Delivery.CLAIM,
        query = "update Delivery d set d.leaseOwner = :owner, d.leaseUntil = :until, d.version = d.version + 1"
                + " where d.id = :id and d.status = com.rateup.webhooks.outbox.entity.DeliveryStatus.PENDING"
                + " and (d.leaseUntil is null or d.leaseUntil < :now)")
@NamedQuery(name = Delivery.ABANDON_PENDING_OF_WEBHOOK,
        query = "update Delivery d set d.status = com.rateup.webhooks.outbox.entity.DeliveryStatus.FAILED,"
                + " d.completedAt = :now, d.nextAttemptAt = null, d.leaseOwner = null, d.leaseUntil = null,"
                + " d.finalReason = :reason, d.version = d.version + 1"
                + " where d.webhookId = :webhookId and d.status = com.rateup.webhooks.outbox.entity.DeliveryStatus.PENDING")
@NamedQuery(name = Delivery.LAST_OF_WEBHOOKS,
        query = "select d from Delivery d where d.webhookId in :webhookIds and d.createdAt ="
                + " (select max(e.createdAt) from Delivery e where e.webhookId = d.webhookId)")
@NamedQuery(name = Delivery.CANCEL_PENDING_OF_RESPONSES,
        query = "update Delivery d set d.status = com.rateup.webhooks.outbox.entity.DeliveryStatus.FAILED,"
                + " d.completedAt = :now, d.nextAttemptAt = null, d.leaseOwner = null, d.leaseUntil = null, d.unreachableSince = null,"
                + " d.finalReason = :reason, d.version = d.version + 1"
                + " where d.responseId in :responseIds and d.status = com.rateup.webhooks.outbox.entity.DeliveryStatus.PENDING")
@NamedQuery(name = Delivery.REMOVE_PAYLOADS,
        query = "update Delivery d set d.payload = null, d.payloadRemoved = :why, d.payloadRemovedAt = :now, d.version = d.version + 1"
                + " where d.id in :ids")
@NamedQuery(name = Delivery.REMOVE_ANSWERS,
        query = "update DeliveryAttempt a set a.responseExcerpt = null where a.delivery.id in :ids")
public class Delivery {

    public static final String DUE_BY_WEBHOOK = "Delivery.dueByWebhook";
    public static final String DUE_OF_WEBHOOK = "Delivery.dueOfWebhook";
    public static final String POSTPONE_DUE_OF_WEBHOOK = "Delivery.postponeDueOfWebhook";
    public static final String RESUME_WAITING_FOR_ENDPOINT = "Delivery.resumeWaitingForEndpoint";
    public static final String BACKLOG = "Delivery.backlog";
    public static final String EARLIEST_DUE = "Delivery.earliestDue";
    public static final String CLAIM = "Delivery.claim";
    public static final String ABANDON_PENDING_OF_WEBHOOK = "Delivery.abandonPendingOfWebhook";
    public static final String LAST_OF_WEBHOOKS = "Delivery.lastOfWebhooks";
    public static final String CANCEL_PENDING_OF_RESPONSES = "Delivery.cancelPendingOfResponses";
    public static final String REMOVE_PAYLOADS = "Delivery.removePayloads";
    /** The receivers' answers of the deliveries {@code :ids}: they may echo the payload. */
    public static final String REMOVE_ANSWERS = "Delivery.removeAnswers";

    @Id
    private String id;

    @Column(name = "team_id")
    private String teamId;

    @Column(name = "survey_id")
    private String surveyId;

    @Column(name = "response_id")
    private String responseId;

    /** Where it goes. No foreign key: the row outlives a deleted webhook in the log. */
    @Column(name = "webhook_id")
    private String webhookId;

    /** Its webhook's when it was created; SURVEY (the survey's own webhook) puts it in the survey's log. */
    @Enumerated(EnumType.STRING)
    private Reach reach;

    /** Null once removed ({@link #payloadRemoved}): what it sent is no longer kept. */
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(name = "payload_removed")
    private PayloadRemoved payloadRemoved;

    @Column(name = "payload_removed_at")
    private Instant payloadRemovedAt;

    @Column(name = "triggered_at")
    private Instant triggeredAt;

    @Enumerated(EnumType.STRING)
    private DeliveryStatus status;

    /** Attempts since it was enqueued or last redelivered by hand; bounds the automatic ones. */
    @Column(name = "round_attempts")
    private int roundAttempts;

    /** All attempts, over every round: the next one's number, without reading the earlier ones. */
    @Column(name = "attempt_count")
    private int attemptCount;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "lease_owner")
    private String leaseOwner;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    /** Why it ended without being delivered, when its attempts do not say (e.g. its webhook was deleted). */
    @Column(name = "final_reason")
    private String finalReason;

    /** Since when its endpoint has not answered, while it waits for it; null once an attempt gets an answer. */
    @Column(name = "unreachable_since")
    private Instant unreachableSince;

    /**
     * The trace its attempts continue (a W3C traceparent: the intake's span); null for a delivery made while
     * tracing was off, or by a backfill or an alert, whose attempts each start a trace.
     */
    @Column(name = "trace_parent")
    private String traceParent;

    /** The recovery job that last sent it, if one did ({@link DeliveryJob}). */
    @Column(name = "job_id")
    private String jobId;

    @Version
    private long version;

    @OneToMany(mappedBy = "delivery", cascade = CascadeType.ALL)
    @OrderBy("number")
    private List<DeliveryAttempt> attempts = new ArrayList<>();

    protected Delivery() {
    }

    /** A delivery due now, held by nobody yet; {@code reach}: its webhook's. */
    public Delivery(String teamId, String surveyId, String webhookId, Reach reach, String responseId, String payload,
            Instant triggeredAt) {
        this(teamId, surveyId, webhookId, reach, responseId, payload, triggeredAt, null);
    }

    /** A response's delivery, continuing the trace {@code traceParent} (or none, when null). */
    public Delivery(String teamId, String surveyId, String webhookId, Reach reach, String responseId, String payload,
            Instant triggeredAt, String traceParent) {
        this.id = UUID.randomUUID().toString();
        this.teamId = teamId;
        this.surveyId = surveyId;
        this.webhookId = webhookId;
        this.reach = reach;
        this.responseId = responseId;
        this.payload = payload;
        this.triggeredAt = triggeredAt;
        this.traceParent = traceParent;
        this.status = DeliveryStatus.PENDING;
        // the database keeps microseconds: a log cursor made from this instance must match the stored row
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        this.nextAttemptAt = createdAt;
    }

    /** A past response sent by a backfill job. */
    public static Delivery backfilled(String jobId, String teamId, String surveyId, String webhookId, Reach reach, String responseId,
            String payload, Instant triggeredAt) {
        Delivery delivery = new Delivery(teamId, surveyId, webhookId, reach, responseId, payload, triggeredAt);
        delivery.jobId = jobId;
        return delivery;
    }

    /** An alert to the team's alert endpoint, about one of its webhooks (of a survey, or null for a team webhook). */
    public static Delivery alert(String teamId, String surveyId, String alertsWebhookId, String payload, Instant at) {
        return new Delivery(teamId, surveyId, alertsWebhookId, Reach.ALERTS, null, payload, at);
    }

    /** An alert, not a response: nothing alerts about it. */
    public boolean isAlert() {
        return reach == Reach.ALERTS;
    }

    public boolean leasedTo(String owner) {
        return status == DeliveryStatus.PENDING && owner.equals(leaseOwner);
    }

    public void lease(String owner, Instant until) {
        leaseOwner = owner;
        leaseUntil = until;
    }

    /** Whether the current lease lasts past {@code instant}. */
    public boolean leasedBeyond(Instant instant) {
        return leaseUntil != null && leaseUntil.isAfter(instant);
    }

    public void extendLease(Instant until) {
        leaseUntil = until;
    }

    /**
     * Records an attempt. On failure the delivery stays pending, due after {@code backoff}, unless
     * it has had {@code maxAttempts} in this round. {@code unreachableSince}: since when the endpoint
     * has not answered, when this attempt got no answer either (else null). The attempt is returned
     * to be persisted, not added to {@link #attempts()}: that would read every earlier attempt.
     */
    public DeliveryAttempt record(AttemptResult result, int maxAttempts, Duration backoff, Instant unreachableSince) {
        roundAttempts++;
        DeliveryAttempt attempt = new DeliveryAttempt(this, ++attemptCount, result);
        this.unreachableSince = unreachableSince;
        Instant now = Instant.now();
        if (result.succeeded()) {
            complete(DeliveryStatus.DELIVERED, now);
        } else if (roundAttempts >= maxAttempts) {
            complete(DeliveryStatus.FAILED, now);
        } else {
            nextAttemptAt = now.plus(backoff);
        }
        return attempt;
    }

    /**
     * Records an attempt that found the endpoint in an outage: the outage is the endpoint's, not this
     * payload's, so the attempt does not use up the round; the delivery waits until {@code until}, when
     * the endpoint is probed again, or until the endpoint answers. The lease is kept: its holder decides
     * whether to wait or hand the delivery back.
     */
    public DeliveryAttempt recordWaitingForEndpoint(AttemptResult result, Instant since, Instant until) {
        DeliveryAttempt attempt = new DeliveryAttempt(this, ++attemptCount, result);
        unreachableSince = since;
        nextAttemptAt = until;
        return attempt;
    }

    /**
     * Whether an attempt that got no answer finds this delivery already waiting for its endpoint
     * through one failure of its webhook: it waited since before that failure began
     * ({@code webhookFailingSince}), and no delivery of the webhook succeeded since (which would
     * have ended that failure). Then the attempt is the outage's, not this payload's. A payload the
     * receiver chokes on while it answers others is not: each of its attempts meets a new failure.
     */
    public boolean waitingThrough(Instant webhookFailingSince) {
        return unreachableSince != null && webhookFailingSince != null && !webhookFailingSince.isAfter(unreachableSince);
    }

    /** Gives up the lease to wait, without an attempt, for an endpoint that has not answered since {@code since}. */
    public void waitForEndpoint(Instant since, Instant until) {
        unreachableSince = since;
        postpone(until);
    }

    /** Ends it without an attempt, e.g. because its webhook was removed. */
    public void abandon(String reason) {
        complete(DeliveryStatus.FAILED, Instant.now());
        finalReason = reason;
    }

    /** Gives up the lease so the sweep may pick it up later (e.g. its webhook is disabled for now). */
    public void release() {
        leaseOwner = null;
        leaseUntil = null;
    }

    /** Gives up the lease and moves the next attempt to {@code until} (not an attempt: nothing was sent). */
    private void postpone(Instant until) {
        nextAttemptAt = until;
        release();
    }

    /** Sends it again with a fresh round of attempts, same id; only when nobody is working on it. */
    public boolean redeliver(Instant now) {
        if (status == DeliveryStatus.PENDING && leaseUntil != null && leaseUntil.isAfter(now)) {
            return false;
        }
        status = DeliveryStatus.PENDING;
        roundAttempts = 0;
        nextAttemptAt = now;
        completedAt = null;
        finalReason = null;
        unreachableSince = null;
        release();
        return true;
    }

    private void complete(DeliveryStatus outcome, Instant now) {
        status = outcome;
        completedAt = now;
        nextAttemptAt = null;
        release();
    }

    public String id() {
        return id;
    }

    public String teamId() {
        return teamId;
    }

    public String surveyId() {
        return surveyId;
    }

    public String responseId() {
        return responseId;
    }

    public String webhookId() {
        return webhookId;
    }

    /** Whether it goes to the survey's own webhook (the one on its Settings tab) rather than a team webhook. */
    public boolean toSurveyWebhook() {
        return reach == Reach.SURVEY;
    }

    /** What it sends, or null once removed. */
    public String payload() {
        return payload;
    }

    public String traceParent() {
        return traceParent;
    }

    /** Why its payload is no longer kept; empty while it is. */
    public Optional<PayloadRemoved> payloadRemoved() {
        return Optional.ofNullable(payloadRemoved);
    }

    public Instant payloadRemovedAt() {
        return payloadRemovedAt;
    }

    public Instant triggeredAt() {
        return triggeredAt;
    }

    public DeliveryStatus status() {
        return status;
    }

    public int attemptCountInRound() {
        return roundAttempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String finalReason() {
        return finalReason;
    }

    /** Since when it has been waiting for its endpoint to answer, while it does. */
    public Instant unreachableSince() {
        return status == DeliveryStatus.PENDING ? unreachableSince : null;
    }

    public Instant completedAt() {
        return completedAt;
    }

    /** The latest attempt, if there was one. */
    public Optional<DeliveryAttempt> lastAttempt() {
        return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.get(attempts.size() - 1));
    }

    public List<DeliveryAttempt> attempts() {
        return List.copyOf(attempts);
    }
}
