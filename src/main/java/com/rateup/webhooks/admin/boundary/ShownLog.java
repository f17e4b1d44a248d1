package com.rateup.webhooks.admin.boundary;

import com.rateup.webhooks.outbox.control.LogOf;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Whose delivery log a page shows, for the log's and the recovery's beans: a survey's (its Deliveries tab:
 * what went to its own webhook, a deleted one's included) or one webhook's (webhook.xhtml). Each page
 * checked the viewer may see it before this names it.
 */
@Named
@RequestScoped
public class ShownLog {

    @Inject
    SurveyPage surveyPage;

    @Inject
    WebhookPage webhookPage;

    @Inject
    TeamWebhooks webhooks;

    public Optional<LogOf> log() {
        if (surveyPage.visibleSurveyId() != null) {
            return Optional.of(LogOf.survey(surveyPage.visibleSurveyId()));
        }
        return Optional.ofNullable(webhookPage.visibleWebhookId()).map(LogOf::webhook);
    }

    /** The webhook whose deliveries are recovered in bulk: the survey's own, or the page's. */
    public Optional<Webhook> webhook() {
        if (surveyPage.visibleSurveyId() != null) {
            return webhooks.ofSurvey(surveyPage.visibleSurveyId());
        }
        return Optional.ofNullable(webhookPage.visibleWebhookId()).map(id -> webhookPage.getWebhook());
    }

    /** The view the log is on, for the filter form. */
    public String getView() {
        return surveyPage.visibleSurveyId() != null ? "survey.xhtml" : "webhook.xhtml";
    }

    /** The parameters that name the log (the id, and the tab on a survey's page). */
    public String getId() {
        return surveyPage.visibleSurveyId() != null ? surveyPage.getId() : webhookPage.getId();
    }

    public boolean isSurveyTab() {
        return surveyPage.visibleSurveyId() != null;
    }

    /** The log's address, before its filter. */
    public String address() {
        String id = URLEncoder.encode(getId() == null ? "" : getId(), StandardCharsets.UTF_8);
        return isSurveyTab() ? "survey.xhtml?id=" + id + "&tab=deliveries" : "webhook.xhtml?id=" + id;
    }
}
