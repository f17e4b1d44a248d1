package com.rateup.webhooks.deliveries.control;

import com.rateup.webhooks.deliveries.entity.DeliveryJob;
import com.rateup.webhooks.outbox.control.DeliveryFilter;
import com.rateup.webhooks.outbox.control.DeliveryPolicy;
import com.rateup.webhooks.outbox.control.LogCursor;
import com.rateup.webhooks.outbox.control.LogOf;
import com.rateup.webhooks.outbox.control.LogQuery;
import com.rateup.webhooks.outbox.control.PayloadWriter;
import com.rateup.webhooks.outbox.control.Pseudonyms;
import com.rateup.webhooks.outbox.entity.Delivery;
import com.rateup.webhooks.outbox.entity.DeliveryStatus;
import com.rateup.webhooks.responses.entity.SurveyResponse;
import com.rateup.webhooks.surveys.entity.Survey;
import com.rateup.webhooks.webhooks.entity.EventType;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recovery jobs of a webhook ({@link DeliveryJob}), whatever its kind (a survey's own or a team
 * webhook): started here, moved on by {@link DeliveryJobRunner} a window at a time. One job at a time
 * per webhook: a second is refused with the running one, checked under a lock on the webhook row (so
 * also between instances). A started job is announced to the runner once its transaction commits.
 */
@ApplicationScoped
public class DeliveryJobs {

    /** The team's responses since {@code :since} the webhook has no delivery of (a listed scope's condition is added). */
    private static final String UNSENT = " from SurveyResponse r where r.surveyId in (select s.id from Survey s where s.teamId = :teamId)"
            + " and r.createdAt >= :since and r.createdAt < :until and r.erasedAt is null"
            + " and not exists (select d from Delivery d where d.responseId = r.id and d.webhookId = :webhookId)";

    @PersistenceContext
    EntityManager em;

    @Inject
    DeliveryPolicy policy;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    Event<Started> started;

    /** A job was started; observed after its transaction committed. */
    public record Started(String jobId) {
    }

    /**
     * Redelivers the webhook's deliveries that match (status FAILED or DELIVERED; since required; until at
     * most now), each once, with its own id and a fresh round of attempts; one its filter no longer matches is
     * left as it is and drops out of the job's count (#31).
     */
    @Transactional(dontRollbackOn = AlreadyRunning.class)
    public DeliveryJob redeliver(Webhook webhook, DeliveryStatus status, Instant since, Instant until) {
        Instant now = Instant.now();
        DeliveryJob job = start(new DeliveryJob(DeliveryJob.Kind.REDELIVER, webhook.teamId(), webhook.ownerSurveyId().orElse(null),
                webhook.id(), status, since, until == null || until.isAfter(now) ? now : until));
        int marked = new LogQuery(LogOf.webhook(webhook.id()), filterOf(job))
                .execute(em, "update Delivery d set d.jobId = :jobId, d.version = d.version + 1")
                .setParameter("jobId", job.id())
                .executeUpdate();
        job.counted(marked);
        return job;
    }

    /** How many deliveries {@link #redeliver} would redeliver now (the admin page's confirmation). */
    public long redeliverable(Webhook webhook, DeliveryStatus status, Instant since) {
        return new LogQuery(LogOf.webhook(webhook.id()), new DeliveryFilter(status, since, null, null, null))
                .select(em, "select count(d)", "", Long.class)
                .getSingleResult();
    }

    /**
     * Sends the responses submitted since {@code since} to the surveys the webhook receives that it was never sent, oldest
     * first, those its filter matches: the count starts with all of them and drops those it does not as the job goes.
     */
    @Transactional(dontRollbackOn = AlreadyRunning.class)
    public DeliveryJob backfill(Webhook webhook, Instant since) {
        DeliveryJob job = start(new DeliveryJob(DeliveryJob.Kind.BACKFILL, webhook.teamId(), webhook.ownerSurveyId().orElse(null),
                webhook.id(), null, since, Instant.now()));
        job.counted(unsent(webhook, since, job.until(), "select count(r)", Long.class).getSingleResult().intValue());
        return job;
    }

    /** How many responses since then the webhook was never sent (the Settings tab's backfill offer). */
    @Transactional
    public long unsentSince(Webhook webhook, Instant since) {
        if (!webhook.receives(EventType.RESPONSE_CREATED)) {
            return 0;
        }
        return unsent(webhook, since, Instant.now(), "select count(r)", Long.class).getSingleResult();
    }

    private DeliveryJob start(DeliveryJob job) {
        em.find(Webhook.class, job.webhookId(), LockModeType.PESSIMISTIC_WRITE);
        Optional<DeliveryJob> running = runningOf(job.webhookId());
        if (running.isPresent()) {
            throw new AlreadyRunning(running.get());
        }
        em.persist(job);
        started.fire(new Started(job.id()));
        return job;
    }

    public Optional<DeliveryJob> runningOf(String webhookId) {
        return em.createNamedQuery(DeliveryJob.RUNNING_OF_WEBHOOK, DeliveryJob.class)
                .setParameter("webhookId", webhookId)
                .getResultStream()
                .findFirst();
    }

    /** The webhook's latest job, running or ended. */
    public Optional<DeliveryJob> latestOf(Webhook webhook) {
        return em.createNamedQuery(DeliveryJob.LATEST_OF_WEBHOOK, DeliveryJob.class)
                .setParameter("webhookId", webhook.id())
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** The webhook's job, or empty (also for another webhook's). */
    public Optional<DeliveryJob> find(Webhook webhook, String jobId) {
        return Optional.ofNullable(jobId == null ? null : em.find(DeliveryJob.class, jobId))
                .filter(job -> job.webhookId().equals(webhook.id()));
    }

    /** How many of the job's deliveries are still pending. */
    public long pendingOf(DeliveryJob job) {
        return em.createNamedQuery(DeliveryJob.PENDING_OF_JOB, Long.class).setParameter("jobId", job.id()).getSingleResult();
    }

    /** Stops handing deliveries over; false when the job had already ended. */
    @Transactional
    public boolean cancel(Webhook webhook, String jobId) {
        DeliveryJob job = find(webhook, jobId).orElseThrow();
        em.lock(job, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(job);
        if (!job.running()) {
            return false;
        }
        job.cancel();
        return true;
    }

    public List<String> running() {
        return em.createNamedQuery(DeliveryJob.RUNNING, String.class).getResultList();
    }

    /**
     * Hands the job's next window to the delivery path: as many deliveries as keep
     * {@link #window()} of them pending, oldest first, redelivered or created in this transaction with
     * the job's cursor, so a crash before the commit hands them over again and one after it does not.
     * Ends the job once nothing is left to hand over and none is pending. Returns how many were handed over.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int handOverNext(String jobId) {
        DeliveryJob job = em.find(DeliveryJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !job.running()) {
            return 0;
        }
        Webhook webhook = em.find(Webhook.class, job.webhookId());
        long pending = pendingOf(job);
        if (webhook == null) {
            job.cancel(); // the webhook was deleted: its pending deliveries ended with it
            return 0;
        }
        int room = (int) Math.max(0, window() - pending);
        int handed = room == 0 ? 0 : job.kind() == DeliveryJob.Kind.REDELIVER ? redeliverNext(job, webhook, room) : backfillNext(job, webhook, room);
        if (handed == 0 && pending == 0) {
            job.finish(); // nothing left to hand over, and everything handed over has ended its round
        }
        return handed;
    }

    /** How many of one job's deliveries may be pending at once: enough to keep the endpoint's slots busy, no flood. */
    int window() {
        return 2 * policy.maxConcurrencyPerEndpoint();
    }

    /** Returns how many it went past, handed over or not (none: nothing is left). */
    private int redeliverNext(DeliveryJob job, Webhook webhook, int room) {
        LogCursor after = job.cursorAt() == null ? null : new LogCursor(job.cursorAt(), job.cursorId());
        List<Delivery> next = new LogQuery(LogOf.webhook(job.webhookId()), DeliveryFilter.ALL)
                .and("d.jobId = :jobId", "jobId", job.id())
                .newerThan(after)
                .select(em, "select d", "d.createdAt, d.id", Delivery.class)
                .setMaxResults(room)
                .getResultList();
        if (next.isEmpty()) {
            return 0;
        }
        Instant now = Instant.now();
        int redelivered = 0;
        for (Delivery delivery : next) {
            // what the webhook's filter no longer matches is not sent again (#31), nor what no longer has its payload (#34);
            // one being attempted right now finishes its own round
            if (delivery.payloadRemoved().isEmpty() && webhook.wants(delivery.payload())) {
                delivery.redeliver(now);
                redelivered++;
            }
        }
        Delivery last = next.get(next.size() - 1);
        job.queued(redelivered, last.createdAt(), last.id());
        job.skipped(next.size() - redelivered);
        return next.size();
    }

    /** Returns how many responses it went past, handed over or not (none: nothing is left). */
    private int backfillNext(DeliveryJob job, Webhook webhook, int room) {
        TypedQuery<SurveyResponse> unsent = job.cursorAt() == null
                ? unsent(webhook, job.since(), job.until(), "select r", SurveyResponse.class, "")
                : unsent(webhook, job.since(), job.until(), "select r", SurveyResponse.class,
                        " and (r.createdAt > :cursorAt or (r.createdAt = :cursorAt and r.id > :cursorId))")
                        .setParameter("cursorAt", job.cursorAt())
                        .setParameter("cursorId", job.cursorId());
        List<SurveyResponse> next = unsent.setMaxResults(room).getResultList();
        if (next.isEmpty()) {
            return 0;
        }
        Map<String, Survey> surveys = new HashMap<>();
        var pseudonym = pseudonyms.ofTeam(webhook.teamId());
        int created = 0;
        for (SurveyResponse response : next) {
            Survey survey = surveys.computeIfAbsent(response.surveyId(), id -> em.find(Survey.class, id));
            // shaped by the webhook's policy of now, like a response arriving now (the filter too)
            String payload = PayloadWriter.payload(survey, response, webhook.personalData(), pseudonym);
            if (webhook.wants(payload)) {
                em.persist(Delivery.backfilled(job.id(), job.teamId(), survey.id(), webhook.id(), webhook.reach(), response.id(),
                        payload, response.createdAt()));
                created++;
            }
        }
        SurveyResponse last = next.get(next.size() - 1);
        job.queued(created, last.createdAt(), last.id());
        job.skipped(next.size() - created);
        return next.size();
    }

    /**
     * The responses of the surveys the webhook receives now (a list changed since the job started counts as it
     * is) that it has no delivery of, oldest first: a backfill's own deliveries take them off the list.
     */
    private <T> TypedQuery<T> unsent(Webhook webhook, Instant since, Instant until, String select, Class<T> type) {
        return unsent(webhook, since, until, select, type, "");
    }

    /** {@code after}: a further condition on {@code r}, for the rows after a job's cursor. */
    private <T> TypedQuery<T> unsent(Webhook webhook, Instant since, Instant until, String select, Class<T> type, String after) {
        if (!webhook.receives(EventType.RESPONSE_CREATED)) {
            throw new IllegalArgumentException("webhook " + webhook.id() + " receives no responses");
        }
        Webhook.Scope scope = webhook.scope();
        boolean rows = type == SurveyResponse.class;
        TypedQuery<T> query = em.createQuery(select + UNSENT + (scope.all() ? "" : " and r.surveyId in :surveyIds") + after
                        + (rows ? " order by r.createdAt, r.id" : ""), type)
                .setParameter("teamId", webhook.teamId())
                .setParameter("since", since)
                .setParameter("until", until)
                .setParameter("webhookId", webhook.id());
        return scope.all() ? query : query.setParameter("surveyIds", scope.surveyIds());
    }

    private static DeliveryFilter filterOf(DeliveryJob job) {
        return new DeliveryFilter(job.statusFilter(), job.since(), job.until(), null, null);
    }

    /** A job already runs for the webhook. */
    public static class AlreadyRunning extends RuntimeException {

        private final transient DeliveryJob running;

        AlreadyRunning(DeliveryJob running) {
            super("a job runs for this webhook: " + running.id(), null, false, false);
            this.running = running;
        }

        public DeliveryJob running() {
            return running;
        }
    }
}
