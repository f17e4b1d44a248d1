package com.rateup.webhooks.deliveries.boundary;

import com.rateup.webhooks.deliveries.control.DeliveryJobRunner;
import com.rateup.webhooks.deliveries.control.DeliveryJobs;
import com.rateup.webhooks.deliveries.entity.DeliveryJob;
import com.rateup.webhooks.platform.boundary.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** How a route that starts a recovery job answers: 202 with the job's address, or 409 naming the job that runs. */
final class JobStart {

    private JobStart() {
    }

    static Response answer(UriInfo uri, String teamId, String surveyId, DeliveryJobRunner runner, Supplier<DeliveryJob> start) {
        try {
            DeliveryJob job = start.get();
            runner.started();
            return Response.accepted(new JobView.Started(job.id(), job.total())).location(jobUri(uri, teamId, surveyId, job.id())).build();
        } catch (DeliveryJobs.AlreadyRunning e) {
            String running = e.running().id();
            return Response.status(Response.Status.CONFLICT)
                    .location(jobUri(uri, teamId, surveyId, running))
                    .entity(Map.of("error", "a job runs for this webhook; cancel it or wait until it is done", "details",
                            List.of("job " + running), "id", running))
                    .type("application/json")
                    .build();
        }
    }

    private static URI jobUri(UriInfo uri, String teamId, String surveyId, String jobId) {
        return uri.getBaseUriBuilder().path(WebhookJobsResource.class).path(WebhookJobsResource.class, "get").build(teamId, surveyId, jobId);
    }

    /** The body's {@code since}, which a job requires; missing or malformed, it is added to {@code problems}. */
    static Instant since(String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add("since: required, an ISO-8601 instant such as 2026-11-30T10:00:00Z");
            return null;
        }
        return DeliverySearchParameters.instant("since", value, problems);
    }

    static void check(List<String> problems) {
        if (!problems.isEmpty()) {
            throw Problems.badRequest("validation failed", problems);
        }
    }
}
