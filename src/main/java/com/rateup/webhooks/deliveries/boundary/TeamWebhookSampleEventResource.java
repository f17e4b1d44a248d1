package com.rateup.webhooks.deliveries.boundary;

import com.rateup.webhooks.deliveries.control.DeliveryAttempts;
import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.surveys.control.TeamSurveys;
import com.rateup.webhooks.surveys.entity.Survey;
import com.rateup.webhooks.teams.boundary.TeamScoped;
import com.rateup.webhooks.webhooks.boundary.TeamWebhook;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * "Send test event" for one of the team's webhooks: a signed sample payload of a survey it receives
 * (the first of its list by id, or the team's oldest for {@code "all"}), right now; not stored, not retried.
 */
@Path("teams/{teamId}/webhooks/{webhookId}/test")
@TeamScoped
@SecurityRequirement(name = "team")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TeamWebhookSampleEventResource {

    @Inject
    TeamWebhook teamWebhook;

    @Inject
    TeamSurveys surveys;

    @Inject
    DeliveryAttempts attempts;

    @PathParam("teamId")
    String teamId;

    @PathParam("webhookId")
    String webhookId;

    @Operation(summary = "Send a signed sample delivery of a survey the webhook receives now, ignoring the circuit breaker; not stored, not retried")
    @APIResponse(responseCode = "200", description = "The outcome of the one attempt",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SampleEventResource.TestOutcome.class)))
    @APIResponse(responseCode = "409", description = "The team has no survey or flow the webhook receives, so there is nothing to sample")
    @POST
    public SampleEventResource.TestOutcome send() {
        Webhook webhook = teamWebhook.get();
        Survey sampled = sampledSurvey(webhook.scope())
                .orElseThrow(() -> Problems.conflict("the webhook receives no survey or flow yet, so there is nothing to sample"));
        return SampleEventResource.TestOutcome.of(attempts.sendTestEvent(sampled, webhook));
    }

    private Optional<Survey> sampledSurvey(Webhook.Scope scope) {
        if (scope.all()) {
            return surveys.ofTeam(teamId).stream().findFirst();
        }
        return scope.surveyIds().stream().sorted().map(id -> surveys.find(teamId, id)).flatMap(Optional::stream).findFirst();
    }
}
