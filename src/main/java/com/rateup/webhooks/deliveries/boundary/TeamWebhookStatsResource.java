package com.rateup.webhooks.deliveries.boundary;

import com.rateup.webhooks.deliveries.control.EndpointHealth;
import com.rateup.webhooks.teams.boundary.TeamScoped;
import com.rateup.webhooks.webhooks.boundary.TeamWebhook;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** How one of the team's webhooks' endpoint is doing: the survey path's stats, per webhook. */
@Path("teams/{teamId}/webhooks/{webhookId}/stats")
@TeamScoped
@SecurityRequirement(name = "team")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TeamWebhookStatsResource {

    @Inject
    TeamWebhook teamWebhook;

    @Inject
    EndpointHealth health;

    @PathParam("teamId")
    String teamId;

    @PathParam("webhookId")
    String webhookId;

    @Operation(summary = "The webhook's endpoint health, with its figures over the last 24 hours")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EndpointHealth.Stats.class)))
    @GET
    public EndpointHealth.Stats get() {
        return health.stats(teamWebhook.get());
    }
}
