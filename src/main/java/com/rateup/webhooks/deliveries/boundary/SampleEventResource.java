package com.rateup.webhooks.deliveries.boundary;

import com.rateup.webhooks.deliveries.control.DeliveryAttempts;
import com.rateup.webhooks.deliveries.entity.AttemptResult;
import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.surveys.boundary.TeamSurvey;
import com.rateup.webhooks.surveys.entity.Survey;
import com.rateup.webhooks.teams.boundary.TeamScoped;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
import com.rateup.webhooks.webhooks.entity.Webhook;
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

/**
 * "Send test event": one signed POST of a sample payload, right now, with its outcome in the
 * answer. Not stored and not retried; the request waits for it (bounded by the timeout).
 */
@Path("teams/{teamId}/surveys/{surveyId}/webhook/test")
@TeamScoped
@SecurityRequirement(name = "team")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SampleEventResource {

    @Inject
    TeamSurvey teamSurvey;

    @Inject
    TeamWebhooks webhooks;

    @Inject
    DeliveryAttempts attempts;

    @PathParam("teamId")
    String teamId;

    @PathParam("surveyId")
    String surveyId;

    @Operation(summary = "Send a signed sample delivery now, ignoring the circuit breaker; not stored, not retried")
    @APIResponse(responseCode = "200", description = "The outcome of the one attempt",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TestOutcome.class)))
    @POST
    public TestOutcome send() {
        Survey survey = teamSurvey.get();
        Webhook webhook = webhooks.ofSurvey(surveyId).orElseThrow(() -> Problems.notFound("webhook"));
        return TestOutcome.of(attempts.sendTestEvent(survey, webhook));
    }

    public record TestOutcome(String webhookId, boolean delivered, Integer statusCode, long durationMs, String error,
            String responseExcerpt) {

        static TestOutcome of(DeliveryAttempts.TestEvent test) {
            AttemptResult result = test.result();
            return new TestOutcome(test.webhookId(), result.succeeded(), result.statusCode(), result.durationMs(), result.error(),
                    result.excerpt());
        }
    }
}
