package com.rateup.webhooks.deliveries.boundary;

import com.rateup.webhooks.deliveries.control.DeliveryJobRunner;
import com.rateup.webhooks.deliveries.control.DeliveryJobs;
import com.rateup.webhooks.platform.boundary.ErrorBody;
import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.teams.boundary.TeamScoped;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Backfill: the survey's past responses its webhook was never sent become deliveries, oldest first, as a job. */
@Path("teams/{teamId}/surveys/{surveyId}/webhook/backfill")
@TeamScoped
@SecurityRequirement(name = "team")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BackfillResource {

    @Inject
    TeamWebhooks webhooks;

    @Inject
    DeliveryJobs jobs;

    @Inject
    DeliveryJobRunner runner;

    @Context
    UriInfo uri;

    @PathParam("teamId")
    String teamId;

    @PathParam("surveyId")
    String surveyId;

    @Operation(summary = "Send the responses submitted since then that this webhook was never sent (a job; running it again sends nothing twice)")
    @RequestBody(content = @Content(mediaType = "application/json", schema = @Schema(implementation = BackfillRequest.class),
            examples = @ExampleObject(name = "since", value = "{\"since\":\"2026-09-01T00:00:00Z\"}")))
    @APIResponse(responseCode = "202", description = "The job started; follow it at the Location",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobView.Started.class)))
    @APIResponse(responseCode = "409", description = "A job runs for this webhook; its id is in the answer",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @POST
    public Response start(BackfillRequest request) {
        var webhook = webhooks.ofSurvey(surveyId).orElseThrow(() -> Problems.notFound("webhook"));
        List<String> problems = new ArrayList<>();
        Instant since = JobStart.since(Problems.required(request).since(), problems);
        JobStart.check(problems);
        return JobStart.answer(uri, teamId, surveyId, runner, () -> jobs.backfill(webhook, surveyId, since));
    }

    public record BackfillRequest(String since) {
    }
}
