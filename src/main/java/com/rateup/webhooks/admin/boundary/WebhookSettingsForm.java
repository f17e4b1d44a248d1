package com.rateup.webhooks.admin.boundary;

import com.rateup.webhooks.platform.boundary.PageMessages;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
import com.rateup.webhooks.webhooks.entity.Receives;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The Settings tab's webhook (the survey's own): URL and switch ({@link EndpointFields}; and, once a URL is first
 * saved, the backfill offer: {@link RecoveryPanel}), with what every webhook shows below them
 * ({@link WebhookPanel}); and the team webhooks that receive the survey too. Saved through the same
 * control as the REST API, so the page and the API apply one set of rules.
 */
@Named("webhookSettings")
@ViewScoped
public class WebhookSettingsForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SurveyPage page;

    @Inject
    TeamWebhooks webhooks;

    @Inject
    RecoveryPanel recovery;

    private final EndpointFields endpoint = new EndpointFields();
    private transient Webhook webhook;
    private transient List<Webhook> others;

    public Webhook getWebhook() {
        if (webhook == null && page.visibleSurveyId() != null) {
            webhook = webhooks.ofSurvey(page.visibleSurveyId()).orElse(null);
        }
        endpoint.showOnce(webhook);
        return webhook;
    }

    /** The team webhooks that receive this survey too (its own webhook is the form above). */
    public List<Webhook> getOthers() {
        if (others == null && page.getSurvey() != null) {
            others = webhooks.receiving(page.getSurvey().teamId(), page.getSurvey().id()).stream()
                    .filter(other -> other.ownerSurveyId().isEmpty())
                    .toList();
        }
        return others == null ? List.of() : others;
    }

    public void save() {
        String surveyId = page.visibleSurveyId();
        if (surveyId == null) {
            return;
        }
        try {
            var saved = webhooks.saveOfSurvey(page.getSurvey().teamId(), surveyId, endpoint.parsedUrl(), endpoint.isEnabled(), Receives.UNCHANGED);
            webhook = saved.webhook();
            PageMessages.info(saved.created() ? "settings.created" : "settings.saved");
            if (saved.created()) {
                recovery.offerBackfill();
            }
        } catch (TeamWebhooks.RefusedEndpoint refused) {
            PageMessages.error("webhook:url", "settings.url.refused", refused.getMessage());
        }
    }

    public String format(Instant instant) {
        return PageMessages.time(instant);
    }

    public EndpointFields getEndpoint() {
        getWebhook();
        return endpoint;
    }
}
