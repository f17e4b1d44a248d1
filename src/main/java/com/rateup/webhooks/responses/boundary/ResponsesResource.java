package com.rateup.webhooks.responses.boundary;

import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.platform.control.JavaScriptJson;
import com.rateup.webhooks.responses.entity.ResponseSubmitted;
import com.rateup.webhooks.responses.entity.SurveyResponse;
import com.rateup.webhooks.surveys.entity.Survey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The only anonymous write: respondents (or the channel that collected their answers) submit here. */
@Path("surveys/{surveyId}/responses")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ResponsesResource {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<ResponseSubmitted> submitted;

    @Operation(summary = "Submit a respondent's answers (public, no credentials); each webhook of the survey gets a delivery")
    @APIResponse(responseCode = "201", description = "Stored together with its deliveries",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Accepted.class)))
    @POST
    public Response submit(@PathParam("surveyId") String surveyId, @Valid Submission submission) {
        Problems.required(submission);
        Survey survey = em.createNamedQuery(Survey.WITH_QUESTIONS, Survey.class)
                .setParameter("id", surveyId)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> Problems.notFound("survey"));
        Survey.Checked answers = survey.check(submission.answers.stream()
                .map(answer -> new Survey.Given(answer.questionId, answer.response)).toList());
        if (!answers.problems().isEmpty()) {
            throw Problems.badRequest("validation failed", answers.problems());
        }
        SurveyResponse response = new SurveyResponse(survey, submission.phone, submission.language);
        answers.accepted().forEach(answer -> response.answer(answer.question(), JavaScriptJson.stringify(answer.value())));
        em.persist(response);
        submitted.fire(new ResponseSubmitted(survey, response));
        return Response.status(Response.Status.CREATED).entity(new Accepted(response.id())).build();
    }

    /** Classes, not records: see {@link Problems#required}. Unknown fields are refused (JsonbResolver). */
    @Schema(example = "{\"phone\":\"14155552671\",\"language\":\"en\",\"answers\":[{\"questionId\":\"573fdf2a-101c-4985-8e97-7e84723693ae\",\"response\":3},{\"questionId\":\"2a24dc11-ccaf-46b5-8ebe-27ab1059363d\",\"response\":\"Happy\"}]}")
    public static class Submission {

        @Size(max = 32)
        @Pattern(regexp = "\\+?[0-9]{3,20}", message = "must be a phone number in digits")
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
