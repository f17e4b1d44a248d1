package com.rateup.webhooks.teams.boundary;

import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.teams.entity.ApiToken;
import com.rateup.webhooks.teams.entity.Team;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("teams")
@AdminOnly
@SecurityRequirement(name = "admin")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamsResource {

    @PersistenceContext
    EntityManager em;

    @Context
    UriInfo uriInfo;

    /** Creates a team and its first API token; the token is shown only in this answer. */
    @POST
    public Response create(@Valid NewTeam request) {
        Team team = new Team(Problems.required(request).name);
        em.persist(team);
        em.flush(); // the token row references the team by a plain column, which JPA does not order inserts by
        ApiToken.Issued token = ApiToken.issueFor(team);
        em.persist(token.token());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(team.id()).build())
                .entity(new CreatedTeam(team.id(), team.name(), token.plainValue(), team.createdAt()))
                .build();
    }

    /** Issues another token for the team; earlier tokens stay valid. */
    @POST
    @Path("{teamId}/tokens")
    public Response issueToken(@PathParam("teamId") String teamId) {
        Team team = em.find(Team.class, teamId);
        if (team == null) {
            throw Problems.notFound("team");
        }
        ApiToken.Issued token = ApiToken.issueFor(team);
        em.persist(token.token());
        return Response.status(Response.Status.CREATED)
                .entity(new IssuedToken(token.token().id(), team.id(), token.plainValue()))
                .build();
    }

    /** A class, not a record: see {@link Problems#required}. */
    public static class NewTeam {

        @NotBlank
        @Size(max = 200)
        public String name;
    }

    public record CreatedTeam(String id, String name, String apiToken, Instant createdAt) {
    }

    public record IssuedToken(String id, String teamId, String apiToken) {
    }
}
