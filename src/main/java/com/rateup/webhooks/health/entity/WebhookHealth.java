package com.rateup.webhooks.health.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A webhook's health summary, kept as its attempts are recorded: the state it was last seen in
 * (a change is what the log and alerts report, once), failures in a row, when it last succeeded
 * and failed, and until when its circuit is open.
 */
@Entity
@Table(name = "webhook_health")
@NamedQuery(name = WebhookHealth.STATES,
        query = "select w.state, h.state, count(w) from Webhook w left join WebhookHealth h on h.webhookId = w.id"
                + " and h.lastAttemptAt >= :since where w.reach <> com.rateup.webhooks.webhooks.entity.Reach.ALERTS"
                + " group by w.state, h.state")
@NamedQuery(name = WebhookHealth.OF_WEBHOOKS, query = "select h from WebhookHealth h where h.webhookId in :webhookIds")
public class WebhookHealth {

    public static final String STATES = "WebhookHealth.states";
    public static final String OF_WEBHOOKS = "WebhookHealth.ofWebhooks";

    @Id
    @Column(name = "webhook_id")
    private String webhookId;

    @Enumerated(EnumType.STRING)
    private EndpointState state;

    @Column(name = "state_since")
    private Instant stateSince;

    @Column(name = "consecutive_failures")
    private int consecutiveFailures;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "last_success_at")
    private Instant lastSuccessAt;

    @Column(name = "last_failure_at")
    private Instant lastFailureAt;

    @Column(name = "circuit_open_until")
    private Instant circuitOpenUntil;

    protected WebhookHealth() {
    }

    public WebhookHealth(String webhookId, Instant now) {
        this.webhookId = webhookId;
        this.state = EndpointState.IDLE;
        this.stateSince = now;
    }

    /** Notes an attempt; {@code circuitOpenUntil}: when it found the endpoint down and its circuit open, else null. */
    public void attempted(boolean succeeded, Instant at, Instant circuitOpenUntil) {
        lastAttemptAt = at;
        this.circuitOpenUntil = circuitOpenUntil;
        if (succeeded) {
            consecutiveFailures = 0;
            lastSuccessAt = at;
        } else {
            consecutiveFailures++;
            lastFailureAt = at;
        }
    }

    /** Moves to {@code next}; true when that is a change (what is reported, once). */
    public boolean moveTo(EndpointState next, Instant now) {
        if (next == state) {
            return false;
        }
        state = next;
        stateSince = now;
        return true;
    }

    public String webhookId() {
        return webhookId;
    }

    public EndpointState state() {
        return state;
    }

    public Instant stateSince() {
        return stateSince;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    public Instant lastAttemptAt() {
        return lastAttemptAt;
    }

    public Instant lastSuccessAt() {
        return lastSuccessAt;
    }

    public Instant lastFailureAt() {
        return lastFailureAt;
    }

    /** Until when its circuit is open, if it is at {@code now}. */
    public Instant circuitOpenUntil(Instant now) {
        return circuitOpenUntil != null && circuitOpenUntil.isAfter(now) ? circuitOpenUntil : null;
    }
}
