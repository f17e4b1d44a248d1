package com.rateup.webhooks.deliveries.boundary;

import com.rateup.webhooks.deliveries.control.EndpointHealth;
import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.teams.boundary.TeamScoped;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
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

/** How the survey's own webhook's endpoint is doing: its state and its figures over the last 24 hours. */
@Path("teams/{teamId}/surveys/{surveyId}/webhook/stats")
@TeamScoped
@SecurityRequirement(name = "team")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WebhookStatsResource {

    @Inject
    TeamWebhooks webhooks;

    @Inject
    EndpointHealth health;

    @PathParam("teamId")
    String teamId;

    @PathParam("surveyId")
    String surveyId;

    @Operation(summary = "The endpoint's health: HEALTHY, SLOW, FAILING, CIRCUIT_OPEN, DISABLED or IDLE, with its figures over the last 24 hours")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EndpointHealth.Stats.class)))
    @GET
    public EndpointHealth.Stats get() {
        return health.stats(webhooks.ofSurvey(surveyId).orElseThrow(() -> Problems.notFound("webhook")));
    }
}
