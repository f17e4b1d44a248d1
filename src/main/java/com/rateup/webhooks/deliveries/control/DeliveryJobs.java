package com.rateup.webhooks.deliveries.control;

import com.rateup.webhooks.deliveries.entity.Delivery;
import com.rateup.webhooks.deliveries.entity.DeliveryJob;
import com.rateup.webhooks.deliveries.entity.DeliveryStatus;
import com.rateup.webhooks.responses.entity.SurveyResponse;
import com.rateup.webhooks.surveys.entity.Survey;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Recovery jobs of a survey's webhook ({@link DeliveryJob}): started here, moved on by
 * {@link DeliveryJobRunner} a window at a time. One job at a time per webhook: a second is refused
 * with the running one, checked under a lock on the webhook row (so also between instances).
 */
@ApplicationScoped
public class DeliveryJobs {

    /** Responses of the survey since {@code :since} this webhook has no delivery of, oldest first. */
    private static final String UNSENT = " from SurveyResponse r where r.surveyId = :surveyId"
            + " and r.createdAt >= :since and r.createdAt < :until"
            + " and not exists (select d from Delivery d where d.responseId = r.id and d.webhookId = :webhookId)";

    @PersistenceContext
    EntityManager em;

    @Inject
    DeliveryPolicy policy;

    /**
     * Redelivers the survey's log's deliveries that match (status FAILED or DELIVERED; since required;
     * until at most now), each once, with its own id and a fresh round of attempts.
     */
    @Transactional(dontRollbackOn = AlreadyRunning.class)
    public DeliveryJob redeliver(Webhook webhook, String surveyId, DeliveryStatus status, Instant since, Instant until) {
        Instant now = Instant.now();
        DeliveryJob job = start(new DeliveryJob(DeliveryJob.Kind.REDELIVER, webhook.teamId(), surveyId, webhook.id(), status, since,
                until == null || until.isAfter(now) ? now : until));
        int marked = redeliverable(webhook, surveyId, filterOf(job))
                .execute(em, "update Delivery d set d.jobId = :jobId, d.version = d.version + 1")
                .setParameter("jobId", job.id())
                .executeUpdate();
        job.counted(marked);
        return job;
    }

    /** How many deliveries {@link #redeliver} would redeliver now (the admin page's confirmation). */
    public long redeliverable(Webhook webhook, String surveyId, DeliveryStatus status, Instant since) {
        return redeliverable(webhook, surveyId, new DeliveryFilter(status, since, null, null, null))
                .select(em, "select count(d)", "", Long.class)
                .getSingleResult();
    }

    /** The survey's log's deliveries to its current webhook: a deleted earlier one's stay in the log but go nowhere. */
    private static LogQuery redeliverable(Webhook webhook, String surveyId, DeliveryFilter filter) {
        return new LogQuery(DeliveryLog.Of.survey(surveyId), filter).and("d.webhookId = :webhookId", "webhookId", webhook.id());
    }

    /** Sends the survey's responses submitted since {@code since} that the webhook was never sent, oldest first. */
    @Transactional(dontRollbackOn = AlreadyRunning.class)
    public DeliveryJob backfill(Webhook webhook, String surveyId, Instant since) {
        DeliveryJob job = start(new DeliveryJob(DeliveryJob.Kind.BACKFILL, webhook.teamId(), surveyId, webhook.id(), null, since,
                Instant.now()));
        job.counted(unsent(job.surveyId(), job.webhookId(), since, job.until(), "select count(r)", Long.class).getSingleResult().intValue());
        return job;
    }

    /** How many of the survey's responses since then its webhook was never sent (the Settings tab's backfill offer). */
    @Transactional
    public long unsentSince(Webhook webhook, String surveyId, Instant since) {
        return unsent(surveyId, webhook.id(), since, Instant.now(), "select count(r)", Long.class).getSingleResult();
    }

    private DeliveryJob start(DeliveryJob job) {
        em.find(Webhook.class, job.webhookId(), LockModeType.PESSIMISTIC_WRITE);
        Optional<DeliveryJob> running = runningOf(job.webhookId());
        if (running.isPresent()) {
            throw new AlreadyRunning(running.get());
        }
        em.persist(job);
        return job;
    }

    public Optional<DeliveryJob> runningOf(String webhookId) {
        return em.createNamedQuery(DeliveryJob.RUNNING_OF_WEBHOOK, DeliveryJob.class)
                .setParameter("webhookId", webhookId)
                .getResultStream()
                .findFirst();
    }

    /** The survey's latest job, running or ended. */
    public Optional<DeliveryJob> latestOf(String surveyId) {
        return em.createNamedQuery(DeliveryJob.LATEST_OF_SURVEY, DeliveryJob.class)
                .setParameter("surveyId", surveyId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** The survey's job, or empty (also for another survey's). */
    public Optional<DeliveryJob> find(String surveyId, String jobId) {
        return Optional.ofNullable(jobId == null ? null : em.find(DeliveryJob.class, jobId)).filter(job -> job.surveyId().equals(surveyId));
    }

    /** How many of the job's deliveries are still pending. */
    public long pendingOf(DeliveryJob job) {
        return em.createNamedQuery(DeliveryJob.PENDING_OF_JOB, Long.class).setParameter("jobId", job.id()).getSingleResult();
    }

    /** Stops handing deliveries over; false when the job had already ended. */
    @Transactional
    public boolean cancel(String surveyId, String jobId) {
        DeliveryJob job = find(surveyId, jobId).orElseThrow();
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
        int handed = room == 0 ? 0 : job.kind() == DeliveryJob.Kind.REDELIVER ? redeliverNext(job, room) : backfillNext(job, webhook, room);
        if (handed == 0 && pending == 0) {
            job.finish(); // nothing left to hand over, and everything handed over has ended its round
        }
        return handed;
    }

    /** How many of one job's deliveries may be pending at once: enough to keep the endpoint's slots busy, no flood. */
    int window() {
        return 2 * policy.maxConcurrencyPerEndpoint();
    }

    private int redeliverNext(DeliveryJob job, int room) {
        LogCursor after = job.cursorAt() == null ? null : new LogCursor(job.cursorAt(), job.cursorId());
        List<Delivery> next = new LogQuery(DeliveryLog.Of.survey(job.surveyId()), DeliveryFilter.ALL)
                .and("d.jobId = :jobId", "jobId", job.id())
                .newerThan(after)
                .select(em, "select d", "d.createdAt, d.id", Delivery.class)
                .setMaxResults(room)
                .getResultList();
        Instant now = Instant.now();
        next.forEach(delivery -> delivery.redeliver(now)); // one being attempted right now finishes its own round
        if (!next.isEmpty()) {
            Delivery last = next.get(next.size() - 1);
            job.queued(next.size(), last.createdAt(), last.id());
        }
        return next.size();
    }

    private int backfillNext(DeliveryJob job, Webhook webhook, int room) {
        List<SurveyResponse> next = unsent(job.surveyId(), job.webhookId(), job.since(), job.until(), "select r", SurveyResponse.class)
                .setMaxResults(room)
                .getResultList();
        if (next.isEmpty()) {
            return 0;
        }
        Survey survey = em.find(Survey.class, job.surveyId());
        for (SurveyResponse response : next) {
            em.persist(Delivery.backfilled(job.id(), job.teamId(), job.surveyId(), webhook.id(), webhook.reach(), response.id(),
                    PayloadWriter.payload(survey, response), response.createdAt()));
        }
        SurveyResponse last = next.get(next.size() - 1);
        job.queued(next.size(), last.createdAt(), last.id());
        return next.size();
    }

    /** The responses a backfill job has yet to send, oldest first (those it sent have a delivery now). */
    private <T> TypedQuery<T> unsent(String surveyId, String webhookId, Instant since, Instant until, String select, Class<T> type) {
        boolean rows = type == SurveyResponse.class;
        return em.createQuery(select + UNSENT + (rows ? " order by r.createdAt, r.id" : ""), type)
                .setParameter("surveyId", surveyId)
                .setParameter("since", since)
                .setParameter("until", until)
                .setParameter("webhookId", webhookId);
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
