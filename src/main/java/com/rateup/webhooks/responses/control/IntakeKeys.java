package com.rateup.webhooks.responses.control;

import com.rateup.webhooks.responses.entity.IntakeKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The stored idempotency keys: found while they are within the window, forgotten after it. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class IntakeKeys {

    @PersistenceContext
    EntityManager em;

    /** The key's record if it was used within the window; one that has expired is deleted, so the key can be stored again. */
    public Optional<IntakeKey> used(IdempotencyKey key, Duration window) {
        IntakeKey found = em.find(IntakeKey.class, key.id());
        if (found != null && found.expired(window)) {
            em.remove(found);
            return Optional.empty();
        }
        return Optional.ofNullable(found);
    }

    /** Deletes up to {@code max} keys older than the window; returns how many. */
    public int forgetExpired(Duration window, int max) {
        var ids = em.createQuery("select k.id from IntakeKey k where k.createdAt < :cutoff", String.class)
                .setParameter("cutoff", Instant.now().minus(window))
                .setMaxResults(max)
                .getResultList();
        return ids.isEmpty() ? 0 : em.createQuery("delete from IntakeKey k where k.id in :ids").setParameter("ids", ids).executeUpdate();
    }
}
