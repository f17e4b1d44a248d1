package com.rateup.webhooks.deliveries.boundary;

import com.rateup.webhooks.deliveries.control.ReceiverCheck;
import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.surveys.boundary.TeamSurvey;
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

/** "Check my receiver": whether it verifies signatures and rejects stale events ({@link ReceiverCheck}). */
@Path("teams/{teamId}/surveys/{surveyId}/webhook/check")
@TeamScoped
@SecurityRequirement(name = "team")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReceiverCheckResource {

    @Inject
    TeamSurvey teamSurvey;

    @Inject
    TeamWebhooks webhooks;

    @Inject
    ReceiverCheck check;

    @PathParam("teamId")
    String teamId;

    @PathParam("surveyId")
    String surveyId;

    @Operation(summary = "Send three test events (signed, mis-signed, 10 minutes old) and tell whether the receiver verifies them")
    @APIResponse(responseCode = "200", description = "What the receiver did with each, and the verdict",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReceiverCheck.Verdict.class)))
    @POST
    public ReceiverCheck.Verdict check() {
        var survey = teamSurvey.get();
        return check.check(survey, webhooks.ofSurvey(surveyId).orElseThrow(() -> Problems.notFound("webhook")));
    }
}
