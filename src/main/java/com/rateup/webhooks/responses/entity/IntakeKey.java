package com.rateup.webhooks.responses.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * An {@code Idempotency-Key} a submission came with, stored with its response: a retry with the same key
 * within the window gets that response again instead of storing another. Only a hash of the survey id and
 * the key is kept ({@link #id}), and a hash of what was submitted ({@link #fingerprint}).
 */
@Entity
@Table(name = "intake_key")
@NamedQuery(name = IntakeKey.FORGET_RESPONSES, query = "delete from IntakeKey k where k.responseId in :responseIds")
public class IntakeKey {

    /** The keys of the responses {@code :responseIds}: an erasure forgets them (their fingerprint is of what the respondent sent). */
    public static final String FORGET_RESPONSES = "IntakeKey.forgetResponses";

    @Id
    private String id;

    @Column(name = "survey_id")
    private String surveyId;

    private String fingerprint;

    @Column(name = "response_id")
    private String responseId;

    @Column(name = "created_at")
    private Instant createdAt;

    protected IntakeKey() {
    }

    public IntakeKey(String id, String surveyId, String fingerprint, String responseId) {
        this.id = id;
        this.surveyId = surveyId;
        this.fingerprint = fingerprint;
        this.responseId = responseId;
        this.createdAt = Instant.now();
    }

    public boolean expired(Duration window) {
        return createdAt.plus(window).isBefore(Instant.now());
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String responseId() {
        return responseId;
    }
}
