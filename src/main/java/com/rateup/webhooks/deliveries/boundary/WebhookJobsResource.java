package com.rateup.webhooks.deliveries.boundary;

import com.rateup.webhooks.deliveries.control.DeliveryJobs;
import com.rateup.webhooks.deliveries.entity.DeliveryJob;
import com.rateup.webhooks.platform.boundary.ErrorBody;
import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.teams.boundary.TeamScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
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

/** A recovery job of the survey's webhook (bulk redelivery or backfill): its progress, and cancelling it. */
@Path("teams/{teamId}/surveys/{surveyId}/webhook/jobs")
@TeamScoped
@SecurityRequirement(name = "team")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WebhookJobsResource {

    @Inject
    DeliveryJobs jobs;

    @PathParam("teamId")
    String teamId;

    @PathParam("surveyId")
    String surveyId;

    @Operation(summary = "A recovery job's progress: how many deliveries it is for and how many ended their new round")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobView.class)))
    @GET
    @Path("{jobId}")
    public JobView get(@PathParam("jobId") String jobId) {
        DeliveryJob job = jobs.find(surveyId, jobId).orElseThrow(() -> Problems.notFound("job"));
        return JobView.of(job, jobs.pendingOf(job));
    }

    /** Hands nothing more over; the deliveries already handed over (at most a window) go on. */
    @Operation(summary = "Cancel a running job: it hands no more deliveries over; those it handed over go on")
    @APIResponse(responseCode = "200", description = "The job, CANCELLED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "409", description = "The job had already ended",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @DELETE
    @Path("{jobId}")
    public JobView cancel(@PathParam("jobId") String jobId) {
        jobs.find(surveyId, jobId).orElseThrow(() -> Problems.notFound("job"));
        if (!jobs.cancel(surveyId, jobId)) {
            throw Problems.conflict("the job has already ended");
        }
        return get(jobId);
    }
}
