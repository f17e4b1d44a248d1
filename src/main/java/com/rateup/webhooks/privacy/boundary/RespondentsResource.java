package com.rateup.webhooks.privacy.boundary;

import com.rateup.webhooks.outbox.entity.Delivery;
import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.privacy.control.Respondents;
import com.rateup.webhooks.responses.entity.SurveyResponse;
import com.rateup.webhooks.surveys.entity.Survey;
import com.rateup.webhooks.teams.boundary.TeamScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A respondent's access to what the team holds about them (GDPR Art. 15); their erasure is
 * {@link ErasuresResource}. The phone number travels in request bodies only: URLs end up in access
 * logs, proxies' included.
 */
@Path("teams/{teamId}/respondents")
@TeamScoped
@SecurityRequirement(name = "team")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RespondentsResource {

    @Inject
    Respondents respondents;

    @PathParam("teamId")
    String teamId;

    @Operation(summary = "Everything the team holds about a respondent: their responses and the deliveries of them, with where and when they were sent")
    @APIResponse(responseCode = "200", description = "Their data (empty lists when the team holds none)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = HeldView.class)))
    @POST
    @Path("lookup")
    public HeldView lookup(@Valid Respondent respondent) {
        Problems.required(respondent);
        return HeldView.of(respondents.lookup(teamId, respondent.phone));
    }

    /** A class, not a record: see {@link Problems#required}. */
    @Schema(example = "{\"phone\":\"14155552671\"}")
    public static class Respondent {

        @NotNull
        @Pattern(regexp = SurveyResponse.PHONE_PATTERN, message = "must be a phone number in digits")
        public String phone;
    }

    public record HeldView(List<ResponseView> responses, List<DeliveryView> deliveries) {

        static HeldView of(Respondents.Held held) {
            return new HeldView(held.responses().stream().map(response -> ResponseView.of(response, held.surveys().get(response.surveyId()))).toList(),
                    held.deliveries().stream().map(delivery -> DeliveryView.of(delivery, held.urls().get(delivery.webhookId()))).toList());
        }
    }

    public record ResponseView(String id, String surveyId, String survey, Instant createdAt, String phone, String language,
            List<AnswerView> answers) {

        static ResponseView of(SurveyResponse response, Survey survey) {
            return new ResponseView(response.id(), response.surveyId(), survey == null ? null : survey.title(), response.createdAt(), response.phone(),
                    response.language(),
                    response.answers().stream().map(answer -> new AnswerView(answer.question().id(), answer.question().type().name(),
                            answer.question().title(), json(answer.valueJson()))).toList());
        }
    }

    public record AnswerView(String questionId, String type, String title, JsonValue response) {
    }

    /** {@code url}: where it went; null when that webhook was removed since. {@code payload}: what was sent, while it is kept. */
    public record DeliveryView(String id, String responseId, String webhookId, String url, String status, Instant createdAt,
            List<AttemptView> attempts, String payload, String payloadRemoved) {

        static DeliveryView of(Delivery delivery, Optional<URI> url) {
            return new DeliveryView(delivery.id(), delivery.responseId(), delivery.webhookId(), url.map(URI::toString).orElse(null),
                    delivery.status().name(), delivery.createdAt(),
                    delivery.attempts().stream().map(attempt -> new AttemptView(attempt.number(), attempt.startedAt(), attempt.statusCode(),
                            attempt.error())).toList(),
                    delivery.payload(), delivery.payloadRemoved().map(Enum::name).orElse(null));
        }
    }

    public record AttemptView(int number, Instant startedAt, Integer statusCode, String error) {
    }

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
