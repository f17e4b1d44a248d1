package com.rateup.webhooks.deliveries.boundary;

import com.rateup.webhooks.deliveries.control.DeliveryLog;
import com.rateup.webhooks.deliveries.entity.DeliveryStatus;
import com.rateup.webhooks.platform.boundary.ErrorBody;
import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.teams.boundary.TeamScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The delivery log of a survey's webhook, and manual redelivery. */
@Path("teams/{teamId}/surveys/{surveyId}/webhook/deliveries")
@TeamScoped
@SecurityRequirement(name = "team")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
public class DeliveriesResource {

    static final int MAX_LIMIT = 500;


    @Inject
    DeliveryLog log;

    @PathParam("teamId")
    String teamId;

    @PathParam("surveyId")
    String surveyId;

    /** Newest first. */
    @Operation(summary = "The delivery log, newest first, with every attempt")
    @APIResponse(responseCode = "200", description = "The deliveries",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryView.class)))
    @GET
    public List<DeliveryView> list(
            @QueryParam("status") String statusName,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return page(log, DeliveryLog.Of.survey(surveyId), statusName, limit);
    }

    /** The newest {@code limit} deliveries of the log, with the status named, if any. */
    static List<DeliveryView> page(DeliveryLog log, DeliveryLog.Of of, String statusName, int limit) {
        // checked here, not with @Min/@Max: those on a query parameter crash Payara's OpenAPI generator (6.2025.10)
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problems.badRequest("validation failed", "limit: must be from 1 to " + MAX_LIMIT);
        }
        DeliveryStatus status = Problems.optionalEnum(DeliveryStatus.class, "status", statusName);
        return log.page(of, status, 0, limit).stream().map(DeliveryView::summary).toList();
    }

    @Operation(summary = "One delivery with its payload, its attempts and the receiver's answers")
    @APIResponse(responseCode = "200", description = "The delivery",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeliveryView.class)))
    @GET
    @Path("{deliveryId}")
    public DeliveryView get(@PathParam("deliveryId") String deliveryId) {
        return DeliveryView.detail(log.find(DeliveryLog.Of.survey(surveyId), deliveryId).orElseThrow(() -> Problems.notFound("delivery")));
    }

    /** Sends it again with the same {@code x-webhook-id} and a fresh round of attempts. */
    @Operation(summary = "Send a delivery again with the same x-webhook-id and a fresh round of attempts")
    @APIResponse(responseCode = "202", description = "Accepted; the delivery is PENDING again",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "409", description = "The delivery is being attempted right now",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @POST
    @Path("{deliveryId}/redeliver")
    public Response redeliver(@PathParam("deliveryId") String deliveryId) {
        return redeliver(log, DeliveryLog.Of.survey(surveyId), deliveryId);
    }

    static Response redeliver(DeliveryLog log, DeliveryLog.Of of, String deliveryId) {
        var redelivery = log.redeliver(of, deliveryId).orElseThrow(() -> Problems.notFound("delivery"));
        if (!redelivery.started()) {
            throw Problems.conflict("delivery is being attempted right now; redeliver it once this round ends");
        }
        return Response.accepted(DeliveryView.detail(redelivery.delivery())).build();
    }
}
