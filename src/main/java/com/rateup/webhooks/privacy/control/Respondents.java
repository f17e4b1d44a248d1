package com.rateup.webhooks.privacy.control;

import com.rateup.webhooks.outbox.entity.Delivery;
import com.rateup.webhooks.outbox.entity.PayloadRemoved;
import com.rateup.webhooks.privacy.entity.Erasure;
import com.rateup.webhooks.responses.entity.IntakeKey;
import com.rateup.webhooks.responses.entity.SurveyResponse;
import com.rateup.webhooks.surveys.entity.Survey;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What a team holds about one respondent, known by their phone number (GDPR Art. 15), and its erasure
 * (Art. 17). Another team's data of the same number is not touched: each team is its own controller.
 */
@ApplicationScoped
public class Respondents {

    static final String CANCELLED = "cancelled: the respondent's data was erased before it was sent";
    /** Responses per statement: bounds the IN lists, also for a respondent with thousands of responses. */
    static final int CHUNK = 100;
    private static final Logger LOG = Logger.getLogger(Respondents.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    TeamWebhooks webhooks;

    /** The team's responses of the respondent, oldest first, and every delivery of them. */
    public Held lookup(String teamId, String phone) {
        List<SurveyResponse> responses = responsesOf(teamId, phone);
        List<String> ids = responses.stream().map(SurveyResponse::id).toList();
        List<Delivery> deliveries = ids.isEmpty() ? List.of()
                : chunks(ids).stream().flatMap(chunk -> em.createQuery("select d from Delivery d where d.responseId in :ids"
                        + " order by d.createdAt, d.id", Delivery.class).setParameter("ids", chunk).getResultStream()).toList();
        Map<String, Survey> surveys = new HashMap<>();
        responses.forEach(response -> surveys.computeIfAbsent(response.surveyId(), id -> em.find(Survey.class, id)));
        Map<String, Optional<URI>> urls = new HashMap<>();
        deliveries.forEach(delivery -> urls.computeIfAbsent(delivery.webhookId(), id -> webhooks.find(id).map(Webhook::url)));
        return new Held(responses, surveys, deliveries, urls);
    }

    /**
     * Erases the team's data of the respondent in one transaction: their pending deliveries are cancelled
     * (never sent), every delivery of their responses loses its payload and its receivers' answers (the
     * deliveries stay in the log, blank), their idempotency keys are forgotten, and their responses keep
     * only their id, survey and time. An attempt already on the wire finishes, but its outcome is not
     * recorded (its lease is gone). Returns the audit record, which holds the counts, not the number.
     */
    @Transactional
    public Erasure erase(String teamId, String phone, String requestedBy) {
        // what the database keeps: the answer and the record read back alike
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<String> ids = responsesOf(teamId, phone).stream().map(SurveyResponse::id).toList();
        int responses = 0;
        int deliveries = 0;
        int cancelled = 0;
        int keys = 0;
        for (List<String> chunk : chunks(ids)) {
            cancelled += em.createNamedQuery(Delivery.CANCEL_PENDING_OF_RESPONSES)
                    .setParameter("responseIds", chunk).setParameter("now", now).setParameter("reason", CANCELLED)
                    .executeUpdate();
            List<String> deliveryIds = em.createQuery("select d.id from Delivery d where d.responseId in :ids", String.class)
                    .setParameter("ids", chunk).getResultList();
            if (!deliveryIds.isEmpty()) {
                em.createNamedQuery(Delivery.REMOVE_ANSWERS).setParameter("ids", deliveryIds).executeUpdate();
                deliveries += em.createNamedQuery(Delivery.REMOVE_PAYLOADS)
                        .setParameter("ids", deliveryIds).setParameter("why", PayloadRemoved.ERASED).setParameter("now", now)
                        .executeUpdate();
            }
            keys += em.createNamedQuery(IntakeKey.FORGET_RESPONSES).setParameter("responseIds", chunk).executeUpdate();
            em.createNamedQuery(SurveyResponse.ERASE_ANSWERS).setParameter("ids", chunk).executeUpdate();
            responses += em.createNamedQuery(SurveyResponse.ERASE).setParameter("ids", chunk).setParameter("now", now).executeUpdate();
        }
        Erasure erasure = new Erasure(teamId, requestedBy, now, responses, deliveries, cancelled, keys);
        em.persist(erasure);
        LOG.info(() -> "erasure " + erasure.id() + " of team " + teamId + " by " + requestedBy + ": " + erasure.responses() + " responses, "
                + erasure.deliveries() + " deliveries (" + erasure.cancelled() + " not yet sent), " + erasure.idempotencyKeys() + " idempotency keys");
        return erasure;
    }

    /** The team's erasures, newest first. */
    public List<Erasure> erasures(String teamId, int limit) {
        return em.createNamedQuery(Erasure.OF_TEAM, Erasure.class).setParameter("teamId", teamId).setMaxResults(limit).getResultList();
    }

    public Optional<Erasure> erasure(String teamId, String erasureId) {
        return Optional.ofNullable(em.find(Erasure.class, erasureId)).filter(erasure -> erasure.teamId().equals(teamId));
    }

    private List<SurveyResponse> responsesOf(String teamId, String phone) {
        return em.createNamedQuery(SurveyResponse.OF_RESPONDENT, SurveyResponse.class)
                .setParameter("phones", SurveyResponse.phonesOf(phone))
                .setParameter("teamId", teamId)
                .getResultList();
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return chunks;
    }

    /**
     * What the team holds about a respondent: their responses (with their surveys) and the deliveries of
     * them, with the URL each went to (empty: that webhook was removed since).
     */
    public record Held(List<SurveyResponse> responses, Map<String, Survey> surveys, List<Delivery> deliveries,
            Map<String, Optional<URI>> urls) {
    }
}
