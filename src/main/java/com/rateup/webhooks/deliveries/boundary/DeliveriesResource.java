package com.rateup.webhooks.deliveries.boundary;

import com.rateup.webhooks.deliveries.control.DeliveryJobRunner;
import com.rateup.webhooks.deliveries.control.DeliveryJobs;
import com.rateup.webhooks.deliveries.control.DeliveryLog;
import com.rateup.webhooks.deliveries.entity.DeliveryStatus;
import com.rateup.webhooks.platform.boundary.ErrorBody;
import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.teams.boundary.TeamScoped;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The delivery log of a survey's webhook, and manual redelivery. */
@Path("teams/{teamId}/surveys/{surveyId}/webhook/deliveries")
@TeamScoped
@SecurityRequirement(name = "team")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
public class DeliveriesResource {

    @Inject
    DeliveryLog log;

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

    /** Newest first. */
    @Operation(summary = "The delivery log, newest first, with every attempt; search by status, since, until, responseId, statusCode; cursor paging")
    @APIResponse(responseCode = "200", description = "The deliveries; the next page's address in Link: <…>; rel=\"next\"",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryView.class)))
    @GET
    public Response list(@BeanParam DeliverySearchParameters search) {
        return search.search(log, DeliveryLog.Of.survey(surveyId));
    }

    /** Redelivers every delivery of the log that matches, as a job paced by the endpoint's isolation. */
    @Operation(summary = "Redeliver every delivery that matches (status FAILED by default, since required) as a job, each with its own x-webhook-id")
    @RequestBody(content = @Content(mediaType = "application/json", schema = @Schema(implementation = BulkRedelivery.class),
            examples = @ExampleObject(name = "failed since", value = "{\"status\":\"FAILED\",\"since\":\"2026-11-30T08:00:00Z\"}")))
    @APIResponse(responseCode = "202", description = "The job started; follow it at the Location",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobView.Started.class)))
    @APIResponse(responseCode = "409", description = "A job runs for this webhook; its id is in the answer",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @POST
    @Path("redeliver")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response redeliverAll(BulkRedelivery request) {
        var webhook = webhooks.ofSurvey(surveyId).orElseThrow(() -> Problems.notFound("webhook"));
        List<String> problems = new ArrayList<>();
        Instant since = JobStart.since(Problems.required(request).since(), problems);
        Instant until = DeliverySearchParameters.instant("until", request.until(), problems);
        DeliveryStatus status = request.status() == null ? DeliveryStatus.FAILED : DeliverySearchParameters.status(request.status(), problems);
        if (status == DeliveryStatus.PENDING) {
            problems.add("status: FAILED or DELIVERED; pending deliveries are being sent already");
        }
        if (since != null && until != null && !since.isBefore(until)) {
            problems.add("until: must be after since");
        }
        JobStart.check(problems);
        return JobStart.answer(uri, teamId, surveyId, runner, () -> jobs.redeliver(webhook, surveyId, status, since, until));
    }

    public record BulkRedelivery(String status, String since, String until) {
    }

    @Operation(summary = "One delivery with its payload, its attempts and the receiver's answers")
    @APIResponse(responseCode = "200", description = "The delivery",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeliveryView.class)))
    @GET
    @Path("{deliveryId}")
    public DeliveryView get(@PathParam("deliveryId") String deliveryId) {
        return DeliveryView.detail(log.find(DeliveryLog.Of.survey(surveyId), deliveryId).orElseThrow(() -> Problems.notFound("delivery")));
    }

    /** Sends it again with the same {@code x-webhook-id} and a fresh round of attempts. */
    @Operation(summary = "Send a delivery again with the same x-webhook-id and a fresh round of attempts")
    @APIResponse(responseCode = "202", description = "Accepted; the delivery is PENDING again",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "409", description = "The delivery is being attempted right now",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @POST
    @Path("{deliveryId}/redeliver")
    public Response redeliver(@PathParam("deliveryId") String deliveryId) {
        return redeliver(log, DeliveryLog.Of.survey(surveyId), deliveryId);
    }

    static Response redeliver(DeliveryLog log, DeliveryLog.Of of, String deliveryId) {
        var redelivery = log.redeliver(of, deliveryId).orElseThrow(() -> Problems.notFound("delivery"));
        if (!redelivery.started()) {
            throw Problems.conflict("delivery is being attempted right now; redeliver it once this round ends");
        }
        return Response.accepted(DeliveryView.detail(redelivery.delivery())).build();
    }
}
