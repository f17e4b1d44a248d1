package com.rateup.webhooks.surveys.boundary;

import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.surveys.entity.QuestionType;
import com.rateup.webhooks.surveys.entity.Survey;
import com.rateup.webhooks.surveys.entity.SurveyKind;
import com.rateup.webhooks.teams.boundary.TeamScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("teams/{teamId}/surveys")
@TeamScoped
@SecurityRequirement(name = "team")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SurveysResource {

    static final String KINDS = "SURVEY|FLOW";
    static final String TYPES = "Rating|Smiley|NPS|Text|Choice|MultiChoice|YesNo|Number";

    @PersistenceContext
    EntityManager em;

    @Inject
    TeamSurvey teamSurvey;

    @Context
    UriInfo uriInfo;

    @PathParam("teamId")
    String teamId;

    @Operation(summary = "Create a web survey or a WhatsApp flow")
    @APIResponse(responseCode = "201", description = "The survey with its question ids; Location names it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SurveyView.class)))
    @POST
    public Response create(@Valid NewSurvey request) {
        Problems.required(request);
        Survey survey = new Survey(teamId, SurveyKind.valueOf(request.kind), request.title.strip(), request.tag);
        request.questions.forEach(q -> survey.addQuestion(QuestionType.valueOf(q.type), q.title.strip()));
        em.persist(survey);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(survey.id()).build())
                .entity(SurveyView.of(survey))
                .build();
    }

    @Operation(summary = "List the team's surveys and flows, optionally of one kind")
    @APIResponse(responseCode = "200", description = "The surveys",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = SurveyView.class)))
    @GET
    public List<SurveyView> list(@QueryParam("kind") String kindName) {
        SurveyKind kind = Problems.optionalEnum(SurveyKind.class, "kind", kindName);
        var query = kind == null
                ? em.createNamedQuery(Survey.OF_TEAM, Survey.class)
                : em.createNamedQuery(Survey.OF_TEAM_AND_KIND, Survey.class).setParameter("kind", kind);
        return query.setParameter("teamId", teamId)
                .getResultStream()
                .map(SurveyView::of)
                .toList();
    }

    @Operation(summary = "One survey with its question ids")
    @APIResponse(responseCode = "200", description = "The survey",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SurveyView.class)))
    @GET
    @Path("{surveyId}")
    public SurveyView get(@PathParam("surveyId") String surveyId) {
        return SurveyView.of(teamSurvey.get());
    }

    /** Classes, not records: see {@link Problems#required}. */
    @Schema(example = "{\"kind\":\"SURVEY\",\"title\":\"Checkout\",\"tag\":\"feedback\",\"questions\":[{\"type\":\"Rating\",\"title\":\"Please rate us?\"},{\"type\":\"Smiley\",\"title\":\"Are you satisfied?\"}]}")
    public static class NewSurvey {

        @NotNull
        @Pattern(regexp = KINDS, message = "must be SURVEY or FLOW")
        public String kind;

        @NotBlank
        @Size(max = 200)
        public String title;

        @Size(max = 100)
        public String tag;

        @NotEmpty
        @Size(max = 100)
        public List<@NotNull @Valid NewQuestion> questions;
    }

    public static class NewQuestion {

        @NotNull
        @Pattern(regexp = TYPES, message = "must be one of " + TYPES)
        public String type;

        @NotBlank
        @Size(max = 500)
        public String title;
    }

    public record SurveyView(String id, String kind, String title, String tag, List<QuestionView> questions,
            Instant createdAt) {

        static SurveyView of(Survey survey) {
            return new SurveyView(survey.id(), survey.kind().name(), survey.title(), survey.tag(),
                    survey.questions().stream().map(q -> new QuestionView(q.id(), q.type().name(), q.title())).toList(),
                    survey.createdAt());
        }
    }

    public record QuestionView(String id, String type, String title) {
    }
}
