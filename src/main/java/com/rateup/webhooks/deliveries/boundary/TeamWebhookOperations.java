package com.rateup.webhooks.deliveries.boundary;

import com.rateup.webhooks.outbox.control.LogOf;
import com.rateup.webhooks.teams.boundary.TeamScoped;
import com.rateup.webhooks.webhooks.boundary.TeamWebhook;
import com.rateup.webhooks.webhooks.boundary.TeamWebhookResource;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The per-webhook routes under any of the team's webhooks by id, a survey's own included. Its log is the webhook's. */
@Path(TeamWebhookResource.PATH)
@TeamScoped
@SecurityRequirement(name = "team")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TeamWebhookOperations extends WebhookOperations {

    @Inject
    TeamWebhook teamWebhook;

    @Override
    Webhook webhook() {
        return teamWebhook.get();
    }

    @Override
    LogOf log() {
        return LogOf.webhook(teamWebhook.get().id());
    }

    @Override
    String path() {
        return TeamWebhookResource.PATH;
    }
}
