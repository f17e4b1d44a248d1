package com.rateup.webhooks.privacy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The audit record of one erasure of a respondent's data: when, who asked, how much it erased. Never the
 * phone number: the record of an erasure must not keep what it erased.
 */
@Entity
@Table(name = "erasure")
@NamedQuery(name = Erasure.OF_TEAM, query = "select e from Erasure e where e.teamId = :teamId order by e.createdAt desc, e.id")
public class Erasure {

    public static final String OF_TEAM = "Erasure.ofTeam";

    @Id
    private String id;

    @Column(name = "team_id")
    private String teamId;

    /** A user name of the admin pages or an API token's id. */
    @Column(name = "requested_by")
    private String requestedBy;

    @Column(name = "created_at")
    private Instant createdAt;

    private int responses;

    /** Deliveries whose payload and receivers' answers were removed. */
    private int deliveries;

    /** Of those, the ones still pending: never sent. */
    private int cancelled;

    @Column(name = "idempotency_keys")
    private int idempotencyKeys;

    protected Erasure() {
    }

    public Erasure(String teamId, String requestedBy, Instant at, int responses, int deliveries, int cancelled, int idempotencyKeys) {
        this.id = UUID.randomUUID().toString();
        this.teamId = teamId;
        this.requestedBy = requestedBy;
        this.createdAt = at;
        this.responses = responses;
        this.deliveries = deliveries;
        this.cancelled = cancelled;
        this.idempotencyKeys = idempotencyKeys;
    }

    public String id() {
        return id;
    }

    public String teamId() {
        return teamId;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int responses() {
        return responses;
    }

    public int deliveries() {
        return deliveries;
    }

    public int cancelled() {
        return cancelled;
    }

    public int idempotencyKeys() {
        return idempotencyKeys;
    }
}
