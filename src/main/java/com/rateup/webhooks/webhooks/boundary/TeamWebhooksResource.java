package com.rateup.webhooks.webhooks.boundary;

import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.surveys.control.TeamSurveys;
import com.rateup.webhooks.teams.boundary.TeamAuthentication;
import com.rateup.webhooks.teams.boundary.TeamScoped;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
import com.rateup.webhooks.webhooks.entity.EventType;
import com.rateup.webhooks.webhooks.entity.Receives;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The team's webhooks: team webhooks, each receiving the surveys of its scope (a list, or
 * {@code "all"}, present and future), and the surveys' own webhooks, listed with their survey as
 * {@code survey} and managed from the survey (its scope cannot be changed here).
 */
@Path("teams/{teamId}/webhooks")
@TeamScoped
@SecurityRequirement(name = "team")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamWebhooksResource {

    static final String ALL = "all";
    static final int MAX_LISTED_SURVEYS = 1000;

    @Inject
    TeamWebhooks webhooks;

    @Inject
    TeamSurveys surveys;

    @PathParam("teamId")
    String teamId;

    @Operation(summary = "Create a team webhook receiving the listed surveys and flows, or all of them; the server generates its secret")
    @APIResponse(responseCode = "201", description = "Created with a new secret; Location names it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TeamWebhookView.class)))
    @APIResponse(responseCode = "409", description = "The team has rateup.team.max-webhooks team webhooks already")
    @POST
    public Response create(@Valid TeamWebhookSettings settings, @Context UriInfo uri) {
        Problems.required(settings);
        Receives receives = settings.receives();
        Webhook webhook = refusalsAsProblems(() -> webhooks.create(teamId, EndpointUrl.Validator.parse(settings.url),
                settings.enabled(), settings.description, settings.scope(receives.events()), receives));
        return Response.created(uri.getAbsolutePathBuilder().path(webhook.id()).build())
                .entity(TeamWebhookView.of(webhook, true))
                .build();
    }

    @Operation(summary = "The team's webhooks, oldest first (without their secrets); with surveyId, those that receive that survey")
    @APIResponse(responseCode = "200", description = "The webhooks",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = TeamWebhookView.class)))
    @GET
    public List<TeamWebhookView> list(@QueryParam("surveyId") String surveyId) {
        if (surveyId == null) {
            return webhooks.ofTeam(teamId).stream().map(webhook -> TeamWebhookView.of(webhook, false)).toList();
        }
        surveys.find(teamId, surveyId).orElseThrow(() -> Problems.notFound("survey"));
        return webhooks.receiving(teamId, surveyId).stream().map(webhook -> TeamWebhookView.of(webhook, false)).toList();
    }

    static <T> T refusalsAsProblems(Supplier<T> change) {
        try {
            return change.get();
        } catch (TeamWebhooks.RefusedEndpoint e) {
            throw Problems.badRequest("validation failed", e.field() + ": " + e.getMessage());
        } catch (TeamWebhooks.UnknownSurveys e) {
            throw Problems.badRequest("validation failed", "surveys: " + e.getMessage());
        } catch (TeamWebhooks.TooManyWebhooks e) {
            throw Problems.conflict(e.getMessage());
        }
    }

    /** A class, not a record: see {@link Problems#required}. Absent {@code enabled} means enabled. */
    @Schema(example = "{\"url\":\"https://hooks.example.com/crm\",\"enabled\":true,\"surveys\":\"all\",\"description\":\"CRM\"}")
    public static class TeamWebhookSettings {

        @NotBlank
        @EndpointUrl
        public String url;

        public Boolean enabled;

        @Schema(description = "The surveys and flows it receives: a list of their ids, or \"all\" for every one of the team, present and future",
                example = "[\"5c1f0e1e-6a53-4b1c-9a37-2f4b8d1f2a10\"]")
        public JsonValue surveys;

        @Size(max = 500)
        public String description;

        @Schema(description = "The event types it receives (default [\"response.created\"]); one that takes alert types only needs no surveys")
        public List<String> events;

        @Schema(description = FilterField.DESCRIPTION, example = "{\"responses\":{\"$elemMatch\":{\"title\":\"Please rate us?\",\"response\":{\"$lte\":2}}}}")
        public JsonValue filter;

        @Schema(description = PersonalDataField.DESCRIPTION, example = "{\"phone\":\"mask\"}")
        public JsonValue personalData;

        @Schema(description = AuthenticationField.DESCRIPTION, example = "{\"type\":\"basic\",\"username\":\"rateup\",\"password\":\"…\"}")
        public JsonValue authentication;

        boolean enabled() {
            return enabled == null || enabled;
        }

        Receives receives() {
            return new Receives(EventsField.parse(events, EventsField.ANY), FilterField.parse(filter), PersonalDataField.parse(personalData),
                    AuthenticationField.parse(authentication));
        }

        /** {@code events}: as parsed; a webhook that takes no responses may leave its surveys out. */
        Webhook.Scope scope(Set<EventType> events) {
            if (surveys == null && events != null && !events.contains(EventType.RESPONSE_CREATED)) {
                return Webhook.Scope.of(Set.of());
            }
            if (surveys instanceof JsonString text && ALL.equals(text.getString())) {
                return Webhook.Scope.ALL;
            }
            if (surveys instanceof JsonArray list && !list.isEmpty() && list.size() <= MAX_LISTED_SURVEYS
                    && list.stream().allMatch(JsonString.class::isInstance)) {
                Set<String> ids = new LinkedHashSet<>();
                list.getValuesAs(JsonString.class).forEach(id -> ids.add(id.getString()));
                return Webhook.Scope.of(ids);
            }
            throw Problems.badRequest("validation failed",
                    "surveys: must be \"all\" or a list of 1 to " + MAX_LISTED_SURVEYS + " survey or flow ids");
        }
    }

    /**
     * {@code surveys}: {@code "all"} or the ids it receives; {@code survey}: the survey whose own webhook
     * this is (its Settings tab), null for a team webhook; {@code secret} only when one webhook is shown.
     */
    public record TeamWebhookView(String id, String url, boolean enabled, String description, JsonValue surveys, String survey,
            List<String> events, JsonValue filter, JsonValue personalData, JsonValue authentication, String disabledReason, Instant disabledAt, Instant failingSince, String secret, Instant previousSecretExpiresAt,
            Instant secretRotatedAt, String secretRotatedBy, Instant createdAt, Instant updatedAt) {

        static TeamWebhookView of(Webhook webhook, boolean withSecret) {
            Webhook.Scope scope = webhook.scope();
            JsonValue surveys = scope.all() ? Json.createValue(ALL) : Json.createArrayBuilder(scope.surveyIds().stream().sorted().toList()).build();
            return new TeamWebhookView(webhook.id(), webhook.url().toString(), webhook.enabled(), webhook.description(), surveys,
                    webhook.ownerSurveyId().orElse(null), EventsField.of(webhook), FilterField.of(webhook), PersonalDataField.of(webhook), AuthenticationField.of(webhook), webhook.disabledReason(), webhook.disabledAt(), webhook.failingSince(),
                    withSecret ? webhook.secret() : null, webhook.previousSecretExpiresAt(), webhook.secretRotatedAt(),
                    webhook.secretRotatedBy(), webhook.createdAt(), webhook.updatedAt());
        }
    }
}
