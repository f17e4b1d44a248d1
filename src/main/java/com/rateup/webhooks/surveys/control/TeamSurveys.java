package com.rateup.webhooks.surveys.control;

import com.rateup.webhooks.surveys.entity.Survey;
import com.rateup.webhooks.surveys.entity.SurveyKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Finds a survey only within its team: another team's survey id is indistinguishable from a missing one. */
@ApplicationScoped
public class TeamSurveys {

    @PersistenceContext
    EntityManager em;

    /** The survey whatever its team, for callers that check who may see it themselves. */
    public Optional<Survey> find(String surveyId) {
        return Optional.ofNullable(surveyId == null ? null : em.find(Survey.class, surveyId));
    }

    /** Surveys or flows, newest first, of one team or ({@code teamId} null) of all, with their question counts. */
    public List<Listed> list(SurveyKind kind, String teamId) {
        var query = em.createNamedQuery(teamId == null ? Survey.LISTED_OF_KIND : Survey.LISTED_OF_TEAM_AND_KIND, Object[].class)
                .setParameter("kind", kind);
        if (teamId != null) {
            query.setParameter("teamId", teamId);
        }
        return query.getResultStream()
                .map(row -> new Listed((Survey) row[0], ((Number) row[1]).intValue()))
                .toList();
    }

    public record Listed(Survey survey, int questionCount) {
    }

    /** The team's surveys and flows, oldest first. */
    public List<Survey> ofTeam(String teamId) {
        return em.createNamedQuery(Survey.OF_TEAM, Survey.class).setParameter("teamId", teamId).getResultList();
    }

    /** The team's survey; empty for a missing one and for another team's alike. */
    public Optional<Survey> find(String teamId, String surveyId) {
        return find(surveyId).filter(survey -> survey.belongsTo(teamId));
    }
}
