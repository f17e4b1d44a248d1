package com.rateup.webhooks.deliveries.entity;

import com.rateup.webhooks.outbox.entity.DeliveryStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * Recovery in bulk for one webhook: redeliver what a log's filter matched ({@link Kind#REDELIVER}; the
 * deliveries are marked with the job when it starts, so later failures do not join it) or send the past
 * responses of the surveys it receives that it never got ({@link Kind#BACKFILL}). It hands its work to the delivery path a
 * window at a time, oldest first, so the endpoint's isolation paces it; the cursor says how far it got.
 */
@Entity
@Table(name = "delivery_job")
@NamedQuery(name = DeliveryJob.RUNNING,
        query = "select j.id from DeliveryJob j where j.state = com.rateup.webhooks.deliveries.entity.DeliveryJob.State.RUNNING")
@NamedQuery(name = DeliveryJob.RUNNING_OF_WEBHOOK,
        query = "select j from DeliveryJob j where j.webhookId = :webhookId"
                + " and j.state = com.rateup.webhooks.deliveries.entity.DeliveryJob.State.RUNNING")
@NamedQuery(name = DeliveryJob.LATEST_OF_WEBHOOK,
        query = "select j from DeliveryJob j where j.webhookId = :webhookId order by j.createdAt desc")
@NamedQuery(name = DeliveryJob.PENDING_OF_JOB,
        query = "select count(d) from Delivery d where d.jobId = :jobId"
                + " and d.status = com.rateup.webhooks.outbox.entity.DeliveryStatus.PENDING")
public class DeliveryJob {

    public static final String RUNNING = "DeliveryJob.running";
    public static final String RUNNING_OF_WEBHOOK = "DeliveryJob.runningOfWebhook";
    public static final String LATEST_OF_WEBHOOK = "DeliveryJob.latestOfWebhook";
    public static final String PENDING_OF_JOB = "DeliveryJob.pendingOfJob";

    public enum Kind { REDELIVER, BACKFILL }

    public enum State { RUNNING, DONE, CANCELLED }

    @Id
    private String id;

    @Column(name = "team_id")
    private String teamId;

    @Column(name = "survey_id")
    private String surveyId;

    @Column(name = "webhook_id")
    private String webhookId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    private State state;

    /** REDELIVER: the status the deliveries had. */
    @Enumerated(EnumType.STRING)
    @Column(name = "status_filter")
    private DeliveryStatus statusFilter;

    private Instant since;

    @Column(name = "until_at")
    private Instant until;

    /** How many deliveries the job is for, counted when it started. */
    private int total;

    /** How many it has handed to the delivery path. */
    private int queued;

    /** How many ended their new round, recorded when the job is done (before: queued minus pending). */
    private int done;

    @Column(name = "cursor_at")
    private Instant cursorAt;

    @Column(name = "cursor_id")
    private String cursorId;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Version
    private long version;

    protected DeliveryJob() {
    }

    public DeliveryJob(Kind kind, String teamId, String surveyId, String webhookId, DeliveryStatus statusFilter, Instant since,
            Instant until) {
        this.id = UUID.randomUUID().toString();
        this.kind = kind;
        this.teamId = teamId;
        this.surveyId = surveyId;
        this.webhookId = webhookId;
        this.statusFilter = statusFilter;
        this.since = since;
        this.until = until;
        this.state = State.RUNNING;
        this.createdAt = Instant.now();
    }

    /** Sets how many deliveries the job is for; with none it is done at once. */
    public void counted(int total) {
        this.total = total;
        if (total == 0) {
            end(State.DONE, 0);
        }
    }

    /** {@code count} more handed to the delivery path, the last of them at {@code createdAt}/{@code id}. */
    public void queued(int count, Instant lastAt, String lastId) {
        queued += count;
        cursorAt = lastAt;
        cursorId = lastId;
    }

    /**
     * {@code count} it went past without handing them over (the webhook's filter does not match them now), the
     * last of them at {@code lastAt}/{@code lastId} unless handed-over ones came later: the job is not for them.
     */
    public void skipped(int count) {
        total = Math.max(queued, total - count);
    }

    /** Every delivery was handed over and none is pending any more. */
    public void finish() {
        end(State.DONE, queued);
    }

    /** Hands nothing more over; what was handed over goes on, and counts in {@link #done(long)} as it ends. */
    public void cancel() {
        end(State.CANCELLED, 0);
    }

    private void end(State to, int ended) {
        state = to;
        done = ended;
        endedAt = Instant.now();
    }

    /**
     * How many ended their new round, given how many of the job's deliveries are still pending (those a
     * cancelled job handed over go on after it).
     */
    public int done(long pending) {
        return state == State.DONE ? done : (int) Math.max(0, queued - pending);
    }

    public boolean running() {
        return state == State.RUNNING;
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

    public String webhookId() {
        return webhookId;
    }

    public Kind kind() {
        return kind;
    }

    public State state() {
        return state;
    }

    public DeliveryStatus statusFilter() {
        return statusFilter;
    }

    public Instant since() {
        return since;
    }

    public Instant until() {
        return until;
    }

    public int total() {
        return total;
    }

    public int queuedCount() {
        return queued;
    }

    public Instant cursorAt() {
        return cursorAt;
    }

    public String cursorId() {
        return cursorId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant endedAt() {
        return endedAt;
    }
}
