package com.rateup.webhooks.webhooks.boundary;

import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.enterprise.context.RequestScoped;

/**
 * The webhook a team route names, already checked to belong to the team ({@link WebhookOwnership}).
 * Asking for it on a route that names none fails the request instead of answering with nothing.
 */
@RequestScoped
public class TeamWebhook {

    private Webhook webhook;

    public Webhook get() {
        if (webhook == null) {
            throw new IllegalStateException("this route names no team webhook");
        }
        return webhook;
    }

    void resolved(Webhook found) {
        webhook = found;
    }
}
