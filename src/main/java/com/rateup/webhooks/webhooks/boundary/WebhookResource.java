package com.rateup.webhooks.webhooks.boundary;

import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.teams.boundary.TeamAuthentication;
import com.rateup.webhooks.teams.boundary.TeamScoped;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
import com.rateup.webhooks.webhooks.entity.EventType;
import com.rateup.webhooks.webhooks.entity.Receives;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A survey's own webhook, the seed's route: its settings and secret. The routes every webhook has
 * (deliveries, recovery, test, check, stats) share this path ({@code deliveries.boundary.SurveyWebhookOperations}).
 */
@Path(WebhookResource.PATH)
@TeamScoped
@SecurityRequirement(name = "team")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource {

    public static final String PATH = "teams/{teamId}/surveys/{surveyId}/webhook";

    @Inject
    TeamWebhooks webhooks;

    @Inject
    SurveyWebhook surveyWebhook;

    @PathParam("teamId")
    String teamId;

    @PathParam("surveyId")
    String surveyId;

    @Operation(summary = "The survey's webhook settings, with its secret")
    @APIResponse(responseCode = "200", description = "The webhook",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookView.class)))
    @GET
    public WebhookView get() {
        return WebhookView.of(surveyWebhook.get());
    }

    /** Creates the webhook (with a new secret; 201) or changes its URL and switch (200); the secret stays. */
    @Operation(summary = "Create the survey's webhook or change its URL and switch; the server generates the secret on creation")
    @APIResponse(responseCode = "200", description = "Changed; the secret stays",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "201", description = "Created with a new secret",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookView.class)))
    @PUT
    public Response put(@Valid WebhookSettings settings) {
        Problems.required(settings);
        try {
            var saved = webhooks.saveOfSurvey(teamId, surveyId, EndpointUrl.Validator.parse(settings.url), settings.enabled == null || settings.enabled,
                    settings.receives(EventsField.ANY));
            return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                    .entity(WebhookView.of(saved.webhook()))
                    .build();
        } catch (TeamWebhooks.RefusedEndpoint e) {
            throw Problems.badRequest("validation failed", e.field() + ": " + e.getMessage());
        }
    }

    @Operation(summary = "Remove the survey's webhook")
    @APIResponse(responseCode = "204", description = "Removed")
    @DELETE
    public Response delete() {
        webhooks.remove(surveyWebhook.get().id());
        return Response.noContent().build();
    }

    /** Replaces the secret; the previous one keeps signing the Standard Webhooks header for a grace period. */
    @Operation(summary = "Rotate the secret; the previous one keeps signing the Standard Webhooks header for rateup.webhook.secret-grace")
    @APIResponse(responseCode = "200", description = "The webhook with its new secret",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookView.class)))
    @POST
    @Path("secret")
    public WebhookView rotateSecret(@Context HttpServletRequest request) {
        return webhooks.rotateSecret(surveyWebhook.get().id(), (String) request.getAttribute(TeamAuthentication.CALLER)).map(WebhookView::of)
                .orElseThrow(() -> Problems.notFound("webhook"));
    }

    /**
     * A class, not a record: see {@link Problems#required}. Absent {@code enabled} means enabled; absent
     * {@code events}, what the webhook had (a new one: {@code ["response.created"]}); absent {@code filter}, its filter.
     */
    @Schema(example = "{\"url\":\"https://hooks.example.com/rateup\",\"enabled\":true,\"events\":[\"response.created\"]}")
    public static class WebhookSettings {

        @NotBlank
        @EndpointUrl
        public String url;

        public Boolean enabled;

        @Schema(description = "The event types it receives: response.created, or the alert types webhook.failing, webhook.slow,"
                + " webhook.circuit_open, webhook.disabled, webhook.recovered, delivery.failed")
        public List<String> events;

        @Schema(description = FilterField.DESCRIPTION, example = "{\"language\":{\"$in\":[\"de\",\"at\"]}}")
        public JsonValue filter;

        @Schema(description = PersonalDataField.DESCRIPTION, example = "{\"phone\":\"pseudonymise\",\"freeText\":\"omit\"}")
        public JsonValue personalData;

        @Schema(description = AuthenticationField.DESCRIPTION, example = "{\"type\":\"headers\",\"headers\":{\"X-Api-Key\":\"…\"}}")
        public JsonValue authentication;

        Receives receives(Set<EventType> allowedEvents) {
            return new Receives(EventsField.parse(events, allowedEvents), FilterField.parse(filter), PersonalDataField.parse(personalData),
                    AuthenticationField.parse(authentication));
        }
    }

    public record WebhookView(String url, boolean enabled, List<String> events, JsonValue filter, JsonValue personalData, JsonValue authentication, String disabledReason, Instant disabledAt,
            Instant failingSince, String secret, Instant previousSecretExpiresAt, Instant secretRotatedAt, String secretRotatedBy,
            Instant createdAt, Instant updatedAt) {

        static WebhookView of(Webhook webhook) {
            return new WebhookView(webhook.url().toString(), webhook.enabled(), EventsField.of(webhook), FilterField.of(webhook), PersonalDataField.of(webhook), AuthenticationField.of(webhook),
                    webhook.disabledReason(), webhook.disabledAt(), webhook.failingSince(), webhook.secret(), webhook.previousSecretExpiresAt(),
                    webhook.secretRotatedAt(), webhook.secretRotatedBy(), webhook.createdAt(), webhook.updatedAt());
        }
    }
}
