package com.rateup.webhooks.responses.boundary;

import com.rateup.webhooks.platform.boundary.ErrorBody;
import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.platform.control.DatabaseOutage;
import com.rateup.webhooks.platform.control.GroupCommit;
import com.rateup.webhooks.platform.control.JavaScriptJson;
import com.rateup.webhooks.platform.control.Traces;
import com.rateup.webhooks.responses.entity.SurveyResponse;
import com.rateup.webhooks.responses.control.CheckedResponse;
import com.rateup.webhooks.responses.control.IdempotencyKey;
import com.rateup.webhooks.responses.control.ResponseIntake;
import com.rateup.webhooks.surveys.control.SurveyDefinitions;
import com.rateup.webhooks.surveys.entity.Survey;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The only anonymous write: respondents (or the channel that collected their answers) submit here. */
@Path("surveys/{surveyId}/responses")
@ApplicationScoped // holds no request state: no bean to create per submission
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ResponsesResource {

    /** Says that a 201 answers an earlier submission with the same idempotency key (as Stripe's API names it). */
    static final String REPLAYED = "Idempotent-Replayed";

    private static final AttributeKey<String> SURVEY_ID = AttributeKey.stringKey("rateup.survey.id");
    private static final AttributeKey<String> RESPONSE_ID = AttributeKey.stringKey("rateup.response.id");

    @Inject
    SurveyDefinitions surveys;

    @Inject
    Validator validator;

    @Inject
    ResponseIntake intake;

    @Inject
    DatabaseOutage outage;

    @Inject
    Traces traces;

    /**
     * Checked here, on the request's thread, so a submission its survey refuses never waits for a
     * commit; stored by the {@link ResponseIntake}, and answered when the commit that holds it is done.
     * The stage holds no worker thread meanwhile. The body is validated here, once: a {@code @Valid}
     * parameter would be validated by JAX-RS and again by Bean Validation's CDI interceptor.
     */
    @Operation(summary = "Submit a respondent's answers (public, no credentials); each webhook of the survey gets a delivery")
    @APIResponse(responseCode = "201", description = "Stored together with its deliveries",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used within rateup.intake.idempotency-window for another submission to this survey; nothing stored",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "Not stored (database unavailable, or too many responses waiting to be stored); send it again after Retry-After")
    @POST
    public CompletionStage<Response> submit(@PathParam("surveyId") String surveyId,
            @Parameter(description = "Makes a retry safe: the same key (1 to 255 printable ASCII characters) with the same answers within "
                    + "rateup.intake.idempotency-window gets the first submission's answer, with Idempotent-Replayed: true, and stores nothing")
            @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Parameter(hidden = true) @HeaderParam(Traces.HEADER) String traceParent,
            Submission submission) {
        Optional<IdempotencyKey> key;
        try {
            key = IdempotencyKey.of(surveyId, idempotencyKey);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("validation failed", e.getMessage());
        }
        Set<ConstraintViolation<Submission>> violations = validator.validate(Problems.required(submission));
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        Survey survey = surveys.find(surveyId).orElseThrow(() -> Problems.notFound("survey"));
        Survey.Checked answers = survey.check(submission.answers.stream()
                .map(answer -> new Survey.Given(answer.questionId, answer.response)).toList());
        if (!answers.problems().isEmpty()) {
            throw Problems.badRequest("validation failed", answers.problems());
        }
        // continued by the deliveries' attempts; in the submitting client's trace if it sent one
        Span span = traces.span("response intake", Traces.context(traceParent)).setAttribute(SURVEY_ID, survey.id()).startSpan();
        var checked = new CheckedResponse(survey.id(), submission.phone, submission.language, answers.accepted().stream()
                .map(answer -> new CheckedResponse.GivenAnswer(answer.question().id(), JavaScriptJson.stringify(answer.value())))
                .toList(), key.orElse(null), Traces.parentOf(span));
        CompletableFuture<Response> answered = new CompletableFuture<>();
        intake.store(checked).whenComplete((stored, thrown) -> {
            Throwable failure = thrown instanceof CompletionException wrapped && wrapped.getCause() != null ? wrapped.getCause() : thrown;
            endIntake(span, stored, failure);
            if (failure == null) {
                Response.ResponseBuilder created = Response.status(Response.Status.CREATED).entity(new Accepted(stored.id()));
                answered.complete((stored.replayed() ? created.header(REPLAYED, "true") : created).build());
            } else if (failure instanceof ResponseIntake.KeyReused reused) {
                answered.complete(Problems.response(422, "idempotency key reused", List.of(IdempotencyKey.HEADER + ": " + reused.getMessage()
                        + " within rateup.intake.idempotency-window; nothing was stored")));
            } else if (failure instanceof GroupCommit.Refused refused) {
                answered.complete(Response.fromResponse(Problems.response(503, "busy", List.of(refused.getMessage() + "; nothing was stored, try again")))
                        .header(HttpHeaders.RETRY_AFTER, 1)
                        .build());
            } else if (outage.noticed(failure)) {
                // here, not by the mappers: Jersey hands a failed commit's TransactionalException to its own mapper (500)
                answered.complete(Problems.databaseUnavailable());
            } else {
                answered.completeExceptionally(failure); // the exception mappers answer it, as they would a synchronous one
            }
        });
        return answered;
    }

    private static void endIntake(Span span, ResponseIntake.Stored stored, Throwable failure) {
        if (failure == null) {
            span.setAttribute(RESPONSE_ID, stored.id());
        } else {
            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        }
        span.end();
    }

    /** Classes, not records: see {@link Problems#required}. Unknown fields are refused (JsonbResolver). */
    @Schema(example = "{\"phone\":\"14155552671\",\"language\":\"en\",\"answers\":[{\"questionId\":\"573fdf2a-101c-4985-8e97-7e84723693ae\",\"response\":3},{\"questionId\":\"2a24dc11-ccaf-46b5-8ebe-27ab1059363d\",\"response\":\"Happy\"}]}")
    public static class Submission {

        @Size(max = 32)
        @Pattern(regexp = SurveyResponse.PHONE_PATTERN, message = "must be a phone number in digits")
        public String phone;

        @Size(max = 35)
        @Pattern(regexp = "[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", message = "must be a language tag such as en or pt-BR")
        public String language;

        @NotNull
        @Size(max = 200)
        public List<@NotNull @Valid AnswerInput> answers;
    }

    public static class AnswerInput {

        @NotBlank
        @Size(max = 36)
        public String questionId;

        /** A string, number, boolean, array of strings or null, as the question's type requires. */
        public JsonValue response;
    }

    public record Accepted(String id) {
    }
}
