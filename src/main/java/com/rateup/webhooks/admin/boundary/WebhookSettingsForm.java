package com.rateup.webhooks.admin.boundary;

import com.rateup.webhooks.platform.boundary.PageMessages;
import com.rateup.webhooks.webhooks.boundary.EndpointUrl;
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
 * The Settings tab's webhook (the survey's own): URL and switch (and, once a URL is first saved, the backfill
 * offer: {@link RecoveryPanel}), with what every webhook shows below them ({@link WebhookPanel}); and the
 * team webhooks that receive the survey too. The URL is validated
 * with the REST API's constraint ({@link EndpointUrl}, messages from ValidationMessages) and saved
 * through the same control, so the page and the API apply one set of rules.
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

    @EndpointUrl
    private String url;
    private boolean enabled = true;
    private boolean loaded;
    private transient Webhook webhook;
    private transient List<Webhook> others;

    public Webhook getWebhook() {
        if (webhook == null && page.visibleSurveyId() != null) {
            webhook = webhooks.ofSurvey(page.visibleSurveyId()).orElse(null);
        }
        if (!loaded && webhook != null) {
            url = webhook.url().toString();
            enabled = webhook.enabled();
        }
        loaded = true;
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
            var saved = webhooks.saveOfSurvey(page.getSurvey().teamId(), surveyId, EndpointUrl.Validator.parse(url), enabled, Receives.UNCHANGED);
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

    public String getUrl() {
        getWebhook();
        return url;
    }

    public void setUrl(String url) {
        this.url = url == null ? null : url.strip();
    }

    public boolean isEnabled() {
        getWebhook();
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
