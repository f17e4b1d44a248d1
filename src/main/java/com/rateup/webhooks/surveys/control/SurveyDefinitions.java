package com.rateup.webhooks.surveys.control;

import com.rateup.webhooks.surveys.entity.Survey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Surveys with their questions, as the intake checks submissions against them. A survey never
 * changes once created and is never deleted, so a definition read once stays true on every
 * instance: each submission is checked without a database read. Bounded: when full, it starts over.
 */
@ApplicationScoped
public class SurveyDefinitions {

    static final int CAPACITY = 10_000;

    @PersistenceContext
    EntityManager em;

    private final Map<String, Survey> known = new ConcurrentHashMap<>();

    /** The survey, detached (read-only here), or empty if there is none with that id (not remembered). */
    public Optional<Survey> find(String surveyId) {
        Survey survey = known.get(surveyId);
        if (survey != null) {
            return Optional.of(survey);
        }
        Optional<Survey> read = read(surveyId);
        read.ifPresent(found -> {
            if (known.size() >= CAPACITY) {
                known.clear();
            }
            known.put(surveyId, found);
        });
        return read;
    }

    /** The survey with its questions in one query, from the database: managed when called inside a transaction. */
    public Optional<Survey> read(String surveyId) {
        return em.createNamedQuery(Survey.WITH_QUESTIONS, Survey.class)
                .setParameter("id", surveyId)
                .getResultStream()
                .findFirst();
    }
}
