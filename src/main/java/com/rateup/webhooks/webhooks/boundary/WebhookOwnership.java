package com.rateup.webhooks.webhooks.boundary;

import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Tenancy for webhook routes, as {@code SurveyOwnership} is for survey routes: every route whose path
 * names a {@code {teamId}} and a {@code {webhookId}} reaches its resource only when the webhook belongs
 * to that team, and answers 404 otherwise, as if it did not exist. The webhook it found is the
 * request's {@link TeamWebhook}.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class WebhookOwnership implements ContainerRequestFilter {

    @Inject
    TeamWebhooks webhooks;

    @Inject
    TeamWebhook teamWebhook;

    @Override
    public void filter(ContainerRequestContext request) {
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        String teamId = path.getFirst("teamId");
        String webhookId = path.getFirst("webhookId");
        if (teamId == null || webhookId == null) {
            return;
        }
        webhooks.find(teamId, webhookId).ifPresentOrElse(teamWebhook::resolved,
                () -> request.abortWith(Problems.notFound("webhook").getResponse()));
    }
}
