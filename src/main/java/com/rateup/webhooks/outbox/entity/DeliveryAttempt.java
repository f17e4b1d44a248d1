package com.rateup.webhooks.outbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt {

    static final int MAX_ERROR_LENGTH = 500;
    static final int MAX_EXCERPT_LENGTH = 4096;

    @Id
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "delivery_id")
    private Delivery delivery;

    private int number;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "duration_ms")
    private long durationMs;

    @Column(name = "status_code")
    private Integer statusCode;

    private String error;

    @Column(name = "response_excerpt")
    private String responseExcerpt;

    protected DeliveryAttempt() {
    }

    DeliveryAttempt(Delivery delivery, int number, AttemptResult result) {
        this.id = UUID.randomUUID().toString();
        this.delivery = delivery;
        this.number = number;
        this.startedAt = result.startedAt();
        this.durationMs = result.durationMs();
        this.statusCode = result.statusCode();
        this.error = storable(result.error(), MAX_ERROR_LENGTH);
        this.responseExcerpt = storable(result.excerpt(), MAX_EXCERPT_LENGTH);
    }

    /**
     * Text any database column takes: at most {@code max} characters, NUL characters (which PostgreSQL
     * refuses in text, so the attempt could not be recorded and was sent again and again) as U+FFFD,
     * like the bytes that were not UTF-8 (the excerpt's decoder replaced those).
     */
    private static String storable(String text, int max) {
        if (text == null) {
            return null;
        }
        String cut = text.length() <= max ? text : text.substring(0, max);
        return cut.replace('\u0000', '\uFFFD');
    }

    public int number() {
        return number;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public long durationMs() {
        return durationMs;
    }

    public Integer statusCode() {
        return statusCode;
    }

    public String error() {
        return error;
    }

    public String responseExcerpt() {
        return responseExcerpt;
    }
}
