package com.rateup.webhooks.webhooks.boundary;

import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.surveys.boundary.TeamSurvey;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The webhook a survey route names ({@code …/surveys/{surveyId}/webhook}): the survey's own, the survey
 * already checked to be the team's ({@code SurveyOwnership}). A survey without one answers 404, so no
 * route can act on a webhook that is not there. {@link TeamWebhook} is the same for {@code …/webhooks/{webhookId}}.
 */
@RequestScoped
public class SurveyWebhook {

    @Inject
    TeamSurvey survey;

    @Inject
    TeamWebhooks webhooks;

    public Webhook get() {
        return webhooks.ofSurvey(survey.get().id()).orElseThrow(() -> Problems.notFound("webhook"));
    }
}
