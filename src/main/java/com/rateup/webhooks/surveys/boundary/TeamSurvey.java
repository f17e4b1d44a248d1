package com.rateup.webhooks.surveys.boundary;

import com.rateup.webhooks.surveys.entity.Survey;
import jakarta.enterprise.context.RequestScoped;

/**
 * The survey a team route names, already checked to belong to the team ({@link SurveyOwnership}).
 * Asking for it on a route that names none fails the request instead of answering with nothing.
 */
@RequestScoped
public class TeamSurvey {

    private Survey survey;

    public Survey get() {
        if (survey == null) {
            throw new IllegalStateException("this route names no team survey");
        }
        return survey;
    }

    void resolved(Survey found) {
        survey = found;
    }
}
