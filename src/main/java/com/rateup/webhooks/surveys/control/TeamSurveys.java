package com.rateup.webhooks.surveys.control;

import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.surveys.entity.Survey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Finds a survey only within its team: another team's survey id is indistinguishable from a missing one. */
@ApplicationScoped
public class TeamSurveys {

    @PersistenceContext
    EntityManager em;

    public Survey find(String teamId, String surveyId) {
        Survey survey = em.find(Survey.class, surveyId);
        if (survey == null || !survey.belongsTo(teamId)) {
            throw Problems.notFound("survey");
        }
        return survey;
    }
}
