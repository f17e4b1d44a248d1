package com.rateup.webhooks.admin.boundary;

import com.rateup.webhooks.teams.boundary.Viewer;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
import com.rateup.webhooks.webhooks.entity.Reach;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;

/**
 * One webhook's deliveries (webhook.xhtml?id=…), for any webhook of the team: a team webhook, the alert
 * endpoint, a survey's own. Another team's webhook, by link or typed URL, is answered 404 exactly like a
 * missing one.
 */
@Named
@ViewScoped
public class WebhookPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Viewer viewer;

    @Inject
    TeamWebhooks webhooks;

    private String id;
    private String visibleId;
    private transient Webhook webhook;

    /** On the first request of the view: 404 unless the webhook exists and is the viewer's to see. */
    public void load() throws IOException {
        webhook = webhooks.find(id).filter(found -> viewer.sees(found.teamId())).orElse(null);
        if (webhook == null) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().responseSendError(404, "not found");
            faces.responseComplete();
            return;
        }
        visibleId = webhook.id();
    }

    /** The webhook this view was opened for, after the visibility check; null before it passed. */
    public String visibleWebhookId() {
        return visibleId;
    }

    public Webhook getWebhook() {
        if (webhook == null && visibleId != null) {
            webhook = webhooks.find(visibleId).orElse(null);
        }
        return webhook;
    }

    public boolean isAlerts() {
        return getWebhook() != null && webhook.reach() == Reach.ALERTS;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
