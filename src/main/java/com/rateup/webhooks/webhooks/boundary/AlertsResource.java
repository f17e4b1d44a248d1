package com.rateup.webhooks.webhooks.boundary;

import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.teams.boundary.TeamAuthentication;
import com.rateup.webhooks.teams.boundary.TeamScoped;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
import com.rateup.webhooks.webhooks.entity.EventType;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The team's alert endpoint: where alerts about the team's webhooks go (webhook.failing, .slow,
 * .circuit_open, .disabled, .recovered, delivery.failed), signed like deliveries with its own secret.
 * Its settings have the shape of a survey webhook's, and the same rules.
 */
@Path("teams/{teamId}/alerts")
@TeamScoped
@SecurityRequirement(name = "team")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AlertsResource {

    @Inject
    TeamWebhooks webhooks;

    @PathParam("teamId")
    String teamId;

    @Operation(summary = "The team's alert endpoint, with its secret")
    @APIResponse(responseCode = "200", description = "The alert endpoint",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookResource.WebhookView.class)))
    @GET
    public WebhookResource.WebhookView get() {
        return WebhookResource.WebhookView.of(existing());
    }

    @Operation(summary = "Create the team's alert endpoint or change its URL and switch; the server generates the secret on creation")
    @APIResponse(responseCode = "200", description = "Changed; the secret stays",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookResource.WebhookView.class)))
    @APIResponse(responseCode = "201", description = "Created with a new secret",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookResource.WebhookView.class)))
    @PUT
    public Response put(@Valid WebhookResource.WebhookSettings settings) {
        Problems.required(settings);
        try {
            var saved = webhooks.saveAlerts(teamId, EndpointUrl.Validator.parse(settings.url), settings.enabled == null || settings.enabled,
                    settings.receives(EventType.ALERTS));
            return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                    .entity(WebhookResource.WebhookView.of(saved.webhook()))
                    .build();
        } catch (TeamWebhooks.RefusedEndpoint e) {
            throw Problems.badRequest("validation failed", e.field() + ": " + e.getMessage());
        }
    }

    @Operation(summary = "Remove the team's alert endpoint; alerts not yet sent end")
    @APIResponse(responseCode = "204", description = "Removed")
    @DELETE
    public Response delete() {
        webhooks.remove(existing().id());
        return Response.noContent().build();
    }

    @Operation(summary = "Rotate the alert endpoint's secret; the previous one keeps signing the Standard Webhooks header for rateup.webhook.secret-grace")
    @APIResponse(responseCode = "200", description = "The alert endpoint with its new secret",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookResource.WebhookView.class)))
    @POST
    @Path("secret")
    public WebhookResource.WebhookView rotateSecret(@Context HttpServletRequest request) {
        return webhooks.rotateSecret(existing().id(), (String) request.getAttribute(TeamAuthentication.CALLER))
                .map(WebhookResource.WebhookView::of)
                .orElseThrow(() -> Problems.notFound("alert endpoint"));
    }

    private Webhook existing() {
        return webhooks.alertsOf(teamId).orElseThrow(() -> Problems.notFound("alert endpoint"));
    }
}
