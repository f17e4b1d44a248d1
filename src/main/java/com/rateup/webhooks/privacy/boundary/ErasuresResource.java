package com.rateup.webhooks.privacy.boundary;

import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.privacy.control.Respondents;
import com.rateup.webhooks.privacy.entity.Erasure;
import com.rateup.webhooks.teams.boundary.TeamAuthentication;
import com.rateup.webhooks.teams.boundary.TeamScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A respondent's erasure (GDPR Art. 17) and the team's record of erasures, which holds who, when and how
 * much, never the phone number. The number travels in the request body only.
 */
@Path("teams/{teamId}/erasures")
@TeamScoped
@SecurityRequirement(name = "team")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ErasuresResource {

    static final int LISTED_ERASURES = 500;

    @Inject
    Respondents respondents;

    @PathParam("teamId")
    String teamId;

    @Operation(summary = "Erase the team's data of a respondent: responses, payloads and receivers' answers of their deliveries"
            + " (pending ones are cancelled), idempotency keys. Another team's data is untouched")
    @APIResponse(responseCode = "201", description = "Erased; the audit record with the counts (never the phone number)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErasureView.class)))
    @POST
    public Response erase(@Valid RespondentsResource.Respondent respondent, @Context HttpServletRequest request, @Context UriInfo uri) {
        Problems.required(respondent);
        Erasure erasure = respondents.erase(teamId, respondent.phone, (String) request.getAttribute(TeamAuthentication.CALLER));
        return Response.created(uri.getAbsolutePathBuilder().path(erasure.id()).build()).entity(ErasureView.of(erasure)).build();
    }

    @Operation(summary = "The team's erasures, newest first: when, by whom, how many (never the phone number)")
    @APIResponse(responseCode = "200", description = "At most 500, newest first",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErasureView[].class)))
    @GET
    public List<ErasureView> erasures() {
        return respondents.erasures(teamId, LISTED_ERASURES).stream().map(ErasureView::of).toList();
    }

    @Operation(summary = "One erasure of the team")
    @APIResponse(responseCode = "200", description = "The erasure",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErasureView.class)))
    @APIResponse(responseCode = "404", description = "No such erasure of this team")
    @GET
    @Path("{erasureId}")
    public ErasureView erasure(@PathParam("erasureId") String erasureId) {
        return respondents.erasure(teamId, erasureId).map(ErasureView::of).orElseThrow(() -> Problems.notFound("erasure"));
    }

    public record ErasureView(String id, Instant createdAt, String requestedBy, int responses, int deliveries, int cancelled,
            int idempotencyKeys) {

        static ErasureView of(Erasure erasure) {
            return new ErasureView(erasure.id(), erasure.createdAt(), erasure.requestedBy(), erasure.responses(), erasure.deliveries(),
                    erasure.cancelled(), erasure.idempotencyKeys());
        }
    }
}
