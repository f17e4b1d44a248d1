package com.rateup.webhooks.deliveries.boundary;

import com.rateup.webhooks.dispatch.control.DeliveryAttempts;
import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.teams.boundary.TeamScoped;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** "Send test alert": one signed sample alert ({@code "type":"test"}) to the team's alert endpoint, now; not stored. */
@Path("teams/{teamId}/alerts/test")
@TeamScoped
@SecurityRequirement(name = "team")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AlertTestResource {

    @Inject
    TeamWebhooks webhooks;

    @Inject
    DeliveryAttempts attempts;

    @PathParam("teamId")
    String teamId;

    @Operation(summary = "Send a signed test alert to the team's alert endpoint now; not stored, not retried")
    @APIResponse(responseCode = "200", description = "The outcome of the one attempt",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookOperations.TestOutcome.class)))
    @POST
    public WebhookOperations.TestOutcome send() {
        // the alert endpoint takes alert types only: its sample is a test alert, always there
        return WebhookOperations.TestOutcome.of(attempts.sendSample(
                webhooks.alertsOf(teamId).orElseThrow(() -> Problems.notFound("alert endpoint"))).orElseThrow());
    }
}
