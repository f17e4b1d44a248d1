package com.rateup.webhooks.deliveries.boundary;

import com.rateup.webhooks.deliveries.control.DeliveryLog;
import com.rateup.webhooks.platform.boundary.ErrorBody;
import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.teams.boundary.TeamScoped;
import com.rateup.webhooks.webhooks.boundary.TeamWebhook;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The delivery log of one of the team's webhooks, and manual redelivery: the survey path's routes, per webhook. */
@Path("teams/{teamId}/webhooks/{webhookId}/deliveries")
@TeamScoped
@SecurityRequirement(name = "team")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
public class TeamWebhookDeliveriesResource {

    @Inject
    DeliveryLog log;

    @Inject
    TeamWebhook teamWebhook;

    @PathParam("teamId")
    String teamId;

    @PathParam("webhookId")
    String webhookId;

    @Operation(summary = "The webhook's delivery log, newest first, with every attempt; searched and paged like the survey's")
    @APIResponse(responseCode = "200", description = "The deliveries; the next page's address in Link: <…>; rel=\"next\"",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryView.class)))
    @GET
    public Response list(@BeanParam DeliverySearchParameters search) {
        return search.search(log, logOf());
    }

    @Operation(summary = "One delivery of the webhook with its payload, its attempts and the receiver's answers")
    @APIResponse(responseCode = "200", description = "The delivery",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeliveryView.class)))
    @GET
    @Path("{deliveryId}")
    public DeliveryView get(@PathParam("deliveryId") String deliveryId) {
        return DeliveryView.detail(log.find(logOf(), deliveryId).orElseThrow(() -> Problems.notFound("delivery")));
    }

    @Operation(summary = "Send a delivery of the webhook again with the same x-webhook-id and a fresh round of attempts")
    @APIResponse(responseCode = "202", description = "Accepted; the delivery is PENDING again",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "409", description = "The delivery is being attempted right now",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @POST
    @Path("{deliveryId}/redeliver")
    public Response redeliver(@PathParam("deliveryId") String deliveryId) {
        return DeliveriesResource.redeliver(log, logOf(), deliveryId);
    }

    private DeliveryLog.Of logOf() {
        return DeliveryLog.Of.webhook(teamWebhook.get().id());
    }
}
