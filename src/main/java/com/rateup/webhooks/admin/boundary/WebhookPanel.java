package com.rateup.webhooks.admin.boundary;

import com.rateup.webhooks.deliveries.control.ReceiverCheck;
import com.rateup.webhooks.dispatch.control.DeliveryAttempts;
import com.rateup.webhooks.health.control.EndpointHealth;
import com.rateup.webhooks.platform.boundary.PageMessages;
import com.rateup.webhooks.teams.boundary.Viewer;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
import com.rateup.webhooks.webhooks.entity.EventType;
import com.rateup.webhooks.webhooks.entity.Reach;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * What every webhook shows on the admin pages, written once (WEB-INF/webhook/panel.xhtml): its endpoint's
 * health, its secret and rotation, a test event (a sample response, or a test alert for a webhook subscribed
 * to alerts only) and the receiver check. The page that includes it resolves which webhook it shows, with its
 * tenancy check (the survey's Settings tab, the team's Webhooks page, Alerts), and passes it to each action.
 */
@Named("webhookPanel")
@ViewScoped
public class WebhookPanel implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Viewer viewer;

    @Inject
    TeamWebhooks webhooks;

    @Inject
    DeliveryAttempts attempts;

    @Inject
    EndpointHealth health;

    @Inject
    ReceiverCheck receiverCheck;

    /** The webhook the outcomes below are of: another one shown (the Webhooks page's next edit) starts afresh. */
    private String shownId;
    private boolean confirmingRotation;
    private DeliveryAttempts.TestEvent testEvent;
    private ReceiverCheck.Verdict verdict;
    private transient Webhook rotated;
    private transient EndpointHealth.Stats stats;

    /** The webhook as this panel last saw it change (a rotated secret), else as the page read it. */
    public Webhook current(Webhook shown) {
        follow(shown);
        return rotated != null ? rotated : shown;
    }

    /** How its endpoint is doing; the alert endpoint keeps no figures of its own (it could only tell itself). */
    public EndpointHealth.Stats health(Webhook shown) {
        follow(shown);
        if (stats == null && shown.reach() != Reach.ALERTS) {
            stats = health.stats(shown);
        }
        return stats;
    }

    public boolean receivesResponses(Webhook shown) {
        return shown.receives(EventType.RESPONSE_CREATED);
    }

    public void askToRotate(Webhook shown) {
        follow(shown);
        confirmingRotation = true;
    }

    public void cancelRotation() {
        confirmingRotation = false;
    }

    public void rotate(Webhook shown) {
        follow(shown);
        confirmingRotation = false;
        if (visible(shown)) {
            webhooks.rotateSecret(shown.id(), viewer.getName()).ifPresent(fresh -> {
                rotated = fresh;
                PageMessages.info("settings.rotated");
            });
        }
    }

    /** One signed sample now: a response of a survey it receives, or a test alert to a webhook that takes alerts only. */
    public void sendTest(Webhook shown) {
        follow(shown);
        if (!visible(shown)) {
            return;
        }
        if (!receivesResponses(shown)) {
            testEvent = attempts.sendTestAlert(current(shown));
            return;
        }
        webhooks.sampledSurvey(shown).ifPresentOrElse(survey -> testEvent = attempts.sendTestEvent(survey, current(shown)),
                () -> PageMessages.error(null, "settings.nothingToSample"));
    }

    /** "Check my receiver": whether it verifies signatures and rejects stale events. */
    public void checkReceiver(Webhook shown) {
        follow(shown);
        if (visible(shown)) {
            webhooks.sampledSurvey(shown).ifPresentOrElse(survey -> verdict = receiverCheck.check(survey, current(shown)),
                    () -> PageMessages.error(null, "settings.nothingToSample"));
        }
    }

    private boolean visible(Webhook shown) {
        if (shown == null || !viewer.sees(shown.teamId())) {
            PageMessages.error(null, "settings.noWebhook");
            return false;
        }
        return true;
    }

    private void follow(Webhook shown) {
        String id = shown == null ? null : shown.id();
        if (!Objects.equals(id, shownId)) {
            shownId = id;
            confirmingRotation = false;
            testEvent = null;
            verdict = null;
            rotated = null;
            stats = null;
        }
    }

    public boolean isConfirmingRotation() {
        return confirmingRotation;
    }

    public DeliveryAttempts.TestEvent getTestEvent() {
        return testEvent;
    }

    public ReceiverCheck.Verdict getVerdict() {
        return verdict;
    }

    public String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    /** "p95 3.4 s of the 5 s timeout", with one decimal. */
    public String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    public String format(Instant instant) {
        return PageMessages.time(instant);
    }
}
