package com.rateup.webhooks.deliveries.control;

import com.rateup.webhooks.deliveries.entity.DeliveryJob;
import com.rateup.webhooks.outbox.entity.Delivery;
import com.rateup.webhooks.outbox.entity.PayloadRemoved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * What retention deletes, one small batch per transaction so no delete holds locks on many rows or
 * for long: deliveries that ended (DELIVERED or FAILED, never PENDING) before the cutoff with their
 * attempts, recovery jobs that ended before it, and hourly health figures of before it; and the payloads
 * of deliveries that ended before the payload retention's cutoff.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ExpiredRecords {

    private static final String ENDED = "d.status <> com.rateup.webhooks.outbox.entity.DeliveryStatus.PENDING";

    @PersistenceContext
    EntityManager em;

    /** Deletes up to {@code max} deliveries that ended before {@code cutoff}, and their attempts; returns how many. */
    public int deleteDeliveriesEndedBefore(Instant cutoff, int max) {
        List<String> ids = lockEndedBefore(cutoff, max, "");
        if (ids.isEmpty()) {
            return 0;
        }
        em.createQuery("delete from DeliveryAttempt a where a.delivery.id in :ids").setParameter("ids", ids).executeUpdate();
        return em.createQuery("delete from Delivery d where d.id in :ids").setParameter("ids", ids).executeUpdate();
    }

    /**
     * Removes the payloads and the receivers' answers of up to {@code max} deliveries that ended before
     * {@code cutoff}; returns how many. The deliveries and their attempts stay in the log.
     */
    public int removePayloadsEndedBefore(Instant cutoff, int max) {
        List<String> ids = lockEndedBefore(cutoff, max, " and d.payloadRemoved is null");
        if (ids.isEmpty()) {
            return 0;
        }
        em.createNamedQuery(Delivery.REMOVE_ANSWERS).setParameter("ids", ids).executeUpdate();
        return em.createNamedQuery(Delivery.REMOVE_PAYLOADS)
                .setParameter("ids", ids)
                .setParameter("why", PayloadRemoved.EXPIRED)
                .setParameter("now", Instant.now())
                .executeUpdate();
    }

    /** Up to {@code max} deliveries that ended before {@code cutoff} (and meet {@code and}), locked. */
    private List<String> lockEndedBefore(Instant cutoff, int max, String and) {
        List<String> ended = em.createQuery("select d.id from Delivery d where d.completedAt < :cutoff and " + ENDED + and, String.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(max)
                .getResultList();
        if (ended.isEmpty()) {
            return ended;
        }
        // locked apart from the limited read (EclipseLink writes FOR UPDATE before H2's LIMIT), and read again:
        // a redelivery by hand meanwhile made one pending, or waits for this transaction and then finds it changed
        return em.createQuery("select d.id from Delivery d where d.id in :ids and " + ENDED, String.class)
                .setParameter("ids", ended)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    public int deleteJobsEndedBefore(Instant cutoff) {
        return em.createQuery("delete from DeliveryJob j where j.endedAt < :cutoff and j.state <> :running")
                .setParameter("cutoff", cutoff)
                .setParameter("running", DeliveryJob.State.RUNNING)
                .executeUpdate();
    }

    public int deleteHoursBefore(Instant cutoff) {
        return em.createQuery("delete from AttemptHour h where h.hourStart < :cutoff").setParameter("cutoff", cutoff).executeUpdate();
    }
}
