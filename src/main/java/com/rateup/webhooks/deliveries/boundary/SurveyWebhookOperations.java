package com.rateup.webhooks.deliveries.boundary;

import com.rateup.webhooks.outbox.control.LogOf;
import com.rateup.webhooks.surveys.boundary.TeamSurvey;
import com.rateup.webhooks.teams.boundary.TeamScoped;
import com.rateup.webhooks.webhooks.boundary.SurveyWebhook;
import com.rateup.webhooks.webhooks.boundary.WebhookResource;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The per-webhook routes under a survey's own webhook, the seed's path. Its log is the survey's: what went
 * to its own webhook, a deleted earlier one's included, readable without a webhook now.
 */
@Path(WebhookResource.PATH)
@TeamScoped
@SecurityRequirement(name = "team")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SurveyWebhookOperations extends WebhookOperations {

    @Inject
    TeamSurvey survey;

    @Inject
    SurveyWebhook surveyWebhook;

    @Override
    Webhook webhook() {
        return surveyWebhook.get();
    }

    /** The survey's, which outlives its webhook: what a deleted one was sent stays readable. */
    @Override
    LogOf log() {
        return LogOf.survey(survey.get().id());
    }

    @Override
    String path() {
        return WebhookResource.PATH;
    }
}
