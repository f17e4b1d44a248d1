package com.rateup.webhooks.responses.control;

import com.rateup.webhooks.responses.entity.IntakeKey;
import com.rateup.webhooks.responses.entity.ResponseSubmitted;
import com.rateup.webhooks.responses.entity.SurveyResponse;
import com.rateup.webhooks.surveys.control.SurveyDefinitions;
import com.rateup.webhooks.surveys.entity.Survey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Stores a batch of checked responses in one transaction, each announced with its event and kept with its idempotency key. */
@ApplicationScoped
public class ResponseStore {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<ResponseSubmitted> submitted;

    @Inject
    SurveyDefinitions definitions;

    /**
     * Returns the responses' ids in the batch's order. The responses are written before any event
     * is fired, so the deliveries its observers persist (which name their response by a plain
     * column, which JPA does not order inserts by) follow them in one write at commit.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> storeAll(List<CheckedResponse> batch) {
        Map<String, Survey> surveys = new HashMap<>();
        List<ResponseSubmitted> stored = new ArrayList<>(batch.size());
        for (CheckedResponse checked : batch) {
            Survey survey = surveys.computeIfAbsent(checked.surveyId(), this::surveyWithQuestions);
            SurveyResponse response = new SurveyResponse(survey, checked.phone(), checked.language());
            checked.answers().forEach(answer -> response.answer(survey.question(answer.questionId()).orElseThrow(), answer.valueJson()));
            em.persist(response);
            if (checked.key() != null) {
                em.persist(new IntakeKey(checked.key().id(), survey.id(), checked.fingerprint(), response.id()));
            }
            stored.add(new ResponseSubmitted(survey, response, checked.traceParent()));
        }
        em.flush();
        stored.forEach(submitted::fire);
        return stored.stream().map(event -> event.response().id()).toList();
    }

    private Survey surveyWithQuestions(String id) {
        return definitions.read(id).orElseThrow(); // the request found it, and surveys are never deleted
    }
}
