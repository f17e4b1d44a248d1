package com.rateup.webhooks.deliveries.boundary;

import com.rateup.webhooks.deliveries.control.DeliveryJobs;
import com.rateup.webhooks.deliveries.control.ReceiverCheck;
import com.rateup.webhooks.deliveries.entity.DeliveryJob;
import com.rateup.webhooks.dispatch.control.DeliveryAttempts;
import com.rateup.webhooks.health.control.EndpointHealth;
import com.rateup.webhooks.outbox.control.DeliveryLog;
import com.rateup.webhooks.outbox.control.LogOf;
import com.rateup.webhooks.outbox.entity.AttemptResult;
import com.rateup.webhooks.outbox.entity.DeliveryStatus;
import com.rateup.webhooks.platform.boundary.ErrorBody;
import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.surveys.entity.Survey;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
import com.rateup.webhooks.webhooks.entity.EventType;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * What every webhook offers, written once: its delivery log (search, paging, one delivery), redelivery of
 * one delivery and in bulk, backfill, the recovery jobs, the test event, the receiver check and the
 * endpoint's figures. A subclass gives the path shape and resolves the webhook it names, failing closed:
 * {@link SurveyWebhookOperations} ({@code …/surveys/{surveyId}/webhook}, the seed's route) and
 * {@link TeamWebhookOperations} ({@code …/webhooks/{webhookId}}). Each shares its path with the resource of
 * the webhook's settings in {@code webhooks}, which JAX-RS merges.
 */
@SecurityRequirement(name = "team") // for Payara's OpenAPI scanner, which documents these methods under this class (OpenApiDocument)
public abstract class WebhookOperations {

    @Inject
    DeliveryLog logs;

    @Inject
    DeliveryJobs jobs;

    @Inject
    DeliveryAttempts attempts;

    @Inject
    ReceiverCheck receiverCheck;

    @Inject
    EndpointHealth health;

    @Inject
    TeamWebhooks webhooks;

    @Context
    UriInfo uri;

    /** The webhook the path names, or a 404. */
    abstract Webhook webhook();

    /** The delivery log the path shows. */
    abstract LogOf log();

    /** The path template of the webhook, under {@code /api}. */
    abstract String path();

    @Operation(summary = "The delivery log, newest first, with every attempt; search by status, since, until, responseId, statusCode; cursor paging")
    @APIResponse(responseCode = "200", description = "The deliveries; the next page's address in Link: <…>; rel=\"next\"",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryView.class)))
    @GET
    @Path("deliveries")
    @Transactional
    public Response deliveries(@BeanParam DeliverySearchParameters search) {
        return search.search(logs, log());
    }

    @Operation(summary = "One delivery with its payload, its attempts and the receiver's answers")
    @APIResponse(responseCode = "200", description = "The delivery",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeliveryView.class)))
    @GET
    @Path("deliveries/{deliveryId}")
    @Transactional
    public DeliveryView delivery(@PathParam("deliveryId") String deliveryId) {
        return DeliveryView.detail(logs.find(log(), deliveryId).orElseThrow(() -> Problems.notFound("delivery")));
    }

    /** Sends it again with the same {@code x-webhook-id} and a fresh round of attempts. */
    @Operation(summary = "Send a delivery again with the same x-webhook-id and a fresh round of attempts")
    @APIResponse(responseCode = "202", description = "Accepted; the delivery is PENDING again",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "409", description = "The delivery is being attempted right now, or its payload is no longer kept",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @POST
    @Path("deliveries/{deliveryId}/redeliver")
    @Transactional
    public Response redeliver(@PathParam("deliveryId") String deliveryId) {
        var redelivery = logs.redeliver(log(), deliveryId).orElseThrow(() -> Problems.notFound("delivery"));
        if (!redelivery.started()) {
            throw Problems.conflict("delivery " + redelivery.refusal());
        }
        return Response.accepted(DeliveryView.detail(redelivery.delivery())).build();
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
    @Path("deliveries/redeliver")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    public Response redeliverAll(BulkRedelivery request) {
        Webhook webhook = webhook();
        List<String> problems = new ArrayList<>();
        Instant since = since(Problems.required(request).since(), problems);
        Instant until = DeliverySearchParameters.instant("until", request.until(), problems);
        DeliveryStatus status = request.status() == null ? DeliveryStatus.FAILED : DeliverySearchParameters.status(request.status(), problems);
        if (status == DeliveryStatus.PENDING) {
            problems.add("status: FAILED or DELIVERED; pending deliveries are being sent already");
        }
        if (since != null && until != null && !since.isBefore(until)) {
            problems.add("until: must be after since");
        }
        check(problems);
        return started(() -> jobs.redeliver(webhook, status, since, until));
    }

    public record BulkRedelivery(String status, String since, String until) {
    }

    @Operation(summary = "Send the responses submitted since then that this webhook was never sent (a job; running it again sends nothing twice)")
    @RequestBody(content = @Content(mediaType = "application/json", schema = @Schema(implementation = BackfillRequest.class),
            examples = @ExampleObject(name = "since", value = "{\"since\":\"2026-09-01T00:00:00Z\"}")))
    @APIResponse(responseCode = "202", description = "The job started; follow it at the Location",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobView.Started.class)))
    @APIResponse(responseCode = "409", description = "A job runs for this webhook; its id is in the answer",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @POST
    @Path("backfill")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response backfill(BackfillRequest request) {
        Webhook webhook = webhook();
        List<String> problems = new ArrayList<>();
        Instant since = since(Problems.required(request).since(), problems);
        check(problems);
        if (!webhook.receives(EventType.RESPONSE_CREATED)) {
            throw Problems.conflict("this webhook does not subscribe to response.created: there is nothing to backfill");
        }
        return started(() -> jobs.backfill(webhook, since));
    }

    public record BackfillRequest(String since) {
    }

    @Operation(summary = "A recovery job's progress: how many deliveries it is for and how many ended their new round")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobView.class)))
    @GET
    @Path("jobs/{jobId}")
    public JobView job(@PathParam("jobId") String jobId) {
        DeliveryJob job = jobs.find(webhook(), jobId).orElseThrow(() -> Problems.notFound("job"));
        return JobView.of(job, jobs.pendingOf(job));
    }

    /** Hands nothing more over; the deliveries already handed over (at most a window) go on. */
    @Operation(summary = "Cancel a running job: it hands no more deliveries over; those it handed over go on")
    @APIResponse(responseCode = "200", description = "The job, CANCELLED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "409", description = "The job had already ended",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @DELETE
    @Path("jobs/{jobId}")
    public JobView cancelJob(@PathParam("jobId") String jobId) {
        Webhook webhook = webhook();
        jobs.find(webhook, jobId).orElseThrow(() -> Problems.notFound("job"));
        if (!jobs.cancel(webhook, jobId)) {
            throw Problems.conflict("the job has already ended");
        }
        return job(jobId);
    }

    /**
     * "Send test event": one signed POST of a sample payload, right now; not stored and not retried. A webhook
     * subscribed to alerts only gets a sample alert ({@code "type":"test"}), the payload it will receive.
     */
    @Operation(summary = "Send a signed sample delivery now, ignoring the circuit breaker; not stored, not retried: a response of a survey the "
            + "webhook receives, or a test alert to a webhook subscribed to alerts only")
    @APIResponse(responseCode = "200", description = "The outcome of the one attempt",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TestOutcome.class)))
    @APIResponse(responseCode = "409", description = "The team has no survey or flow the webhook receives, so there is nothing to sample",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @POST
    @Path("test")
    public TestOutcome test() {
        Webhook webhook = webhook();
        return TestOutcome.of(attempts.sendSample(webhook).orElseThrow(WebhookOperations::nothingToSample));
    }

    /** {@code matchesFilter}: whether the webhook's filter lets the sample through (it was sent anyway); null without a filter. */
    public record TestOutcome(String webhookId, boolean delivered, Integer statusCode, long durationMs, String error,
            String responseExcerpt, Boolean matchesFilter) {

        static TestOutcome of(DeliveryAttempts.TestEvent test) {
            AttemptResult result = test.result();
            return new TestOutcome(test.webhookId(), result.succeeded(), result.statusCode(), result.durationMs(), result.error(),
                    result.excerpt(), test.matchesFilter());
        }
    }

    /** "Check my receiver": whether it verifies signatures and rejects stale events ({@link ReceiverCheck}). */
    @Operation(summary = "Send three test events (signed, mis-signed, 10 minutes old) and tell whether the receiver verifies them")
    @APIResponse(responseCode = "200", description = "What the receiver did with each, and the verdict",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReceiverCheck.Verdict.class)))
    @APIResponse(responseCode = "409", description = "The team has no survey or flow the webhook receives, so there is nothing to sample",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @POST
    @Path("check")
    public ReceiverCheck.Verdict check() {
        Webhook webhook = webhook();
        return receiverCheck.check(sampled(webhook), webhook);
    }

    @Operation(summary = "The endpoint's health: HEALTHY, SLOW, FAILING, CIRCUIT_OPEN, DISABLED or IDLE, with its figures over the last 24 hours")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EndpointHealth.Stats.class)))
    @GET
    @Path("stats")
    public EndpointHealth.Stats stats() {
        return health.stats(webhook());
    }

    private Survey sampled(Webhook webhook) {
        return webhooks.sampledSurvey(webhook).orElseThrow(WebhookOperations::nothingToSample);
    }

    private static WebApplicationException nothingToSample() {
        return Problems.conflict("the webhook receives no survey or flow yet, so there is nothing to sample");
    }

    /** 202 with the job's address, or 409 naming the job that runs. */
    private Response started(Supplier<DeliveryJob> start) {
        try {
            DeliveryJob job = start.get();
            return Response.accepted(new JobView.Started(job.id(), job.total())).location(jobUri(job.id())).build();
        } catch (DeliveryJobs.AlreadyRunning e) {
            String running = e.running().id();
            return Response.status(Response.Status.CONFLICT)
                    .location(jobUri(running))
                    .entity(Map.of("error", "a job runs for this webhook; cancel it or wait until it is done", "details",
                            List.of("job " + running), "id", running))
                    .type(MediaType.APPLICATION_JSON)
                    .build();
        }
    }

    private URI jobUri(String jobId) {
        Map<String, Object> values = new HashMap<>();
        uri.getPathParameters().forEach((name, value) -> values.put(name, value.get(0)));
        values.put("jobId", jobId);
        return uri.getBaseUriBuilder().path(path()).path("jobs/{jobId}").buildFromMap(values);
    }

    /** The body's {@code since}, which a job requires; missing or malformed, it is added to {@code problems}. */
    private static Instant since(String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add("since: required, an ISO-8601 instant such as 2026-11-30T10:00:00Z");
            return null;
        }
        return DeliverySearchParameters.instant("since", value, problems);
    }

    private static void check(List<String> problems) {
        if (!problems.isEmpty()) {
            throw Problems.badRequest("validation failed", problems);
        }
    }
}
