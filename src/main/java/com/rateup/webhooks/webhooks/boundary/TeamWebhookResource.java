package com.rateup.webhooks.webhooks.boundary;

import static com.rateup.webhooks.webhooks.boundary.TeamWebhooksResource.refusalsAsProblems;

import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.teams.boundary.TeamAuthentication;
import com.rateup.webhooks.teams.boundary.TeamScoped;
import com.rateup.webhooks.webhooks.boundary.TeamWebhooksResource.TeamWebhookSettings;
import com.rateup.webhooks.webhooks.boundary.TeamWebhooksResource.TeamWebhookView;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
import com.rateup.webhooks.webhooks.entity.Receives;
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
 * One of the team's webhooks ({@link TeamWebhook}, 404 for another team's): its settings and secret. The
 * routes every webhook has (deliveries, recovery, test, check, stats) share this path
 * ({@code deliveries.boundary.TeamWebhookOperations}).
 */
@Path(TeamWebhookResource.PATH)
@TeamScoped
@SecurityRequirement(name = "team")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamWebhookResource {

    public static final String PATH = "teams/{teamId}/webhooks/{webhookId}";

    @Inject
    TeamWebhooks webhooks;

    @Inject
    TeamWebhook teamWebhook;

    @Operation(summary = "One webhook with its secret")
    @APIResponse(responseCode = "200", description = "The webhook",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TeamWebhookView.class)))
    @GET
    public TeamWebhookView get() {
        return TeamWebhookView.of(teamWebhook.get(), true);
    }

    @Operation(summary = "Change a webhook's URL, switch, description and scope; the secret stays")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TeamWebhookView.class)))
    @APIResponse(responseCode = "409", description = "A survey's own webhook keeps its survey as its scope")
    @PUT
    public TeamWebhookView change(@Valid TeamWebhookSettings settings) {
        Problems.required(settings);
        Webhook webhook = teamWebhook.get();
        Receives receives = settings.receives();
        Webhook.Scope scope = settings.scope(receives.events());
        if (webhook.ownerSurveyId().isPresent() && !scope.equals(webhook.scope())) {
            throw Problems.conflict("this is the own webhook of survey " + webhook.ownerSurveyId().get()
                    + ", which receives that survey only; create a team webhook for other scopes");
        }
        return refusalsAsProblems(() -> webhooks.change(webhook.id(), EndpointUrl.Validator.parse(settings.url), settings.enabled(),
                settings.description, scope, receives))
                .map(changed -> TeamWebhookView.of(changed, true))
                .orElseThrow(() -> Problems.notFound("webhook"));
    }

    @Operation(summary = "Delete a webhook; its pending deliveries end")
    @APIResponse(responseCode = "204", description = "Deleted")
    @DELETE
    public Response delete() {
        webhooks.remove(teamWebhook.get().id());
        return Response.noContent().build();
    }

    @Operation(summary = "Rotate the webhook's secret; the previous one keeps signing the Standard Webhooks header for rateup.webhook.secret-grace")
    @APIResponse(responseCode = "200", description = "The webhook with its new secret",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TeamWebhookView.class)))
    @POST
    @Path("secret")
    public TeamWebhookView rotateSecret(@Context HttpServletRequest request) {
        return webhooks.rotateSecret(teamWebhook.get().id(), (String) request.getAttribute(TeamAuthentication.CALLER))
                .map(webhook -> TeamWebhookView.of(webhook, true))
                .orElseThrow(() -> Problems.notFound("webhook"));
    }
}
