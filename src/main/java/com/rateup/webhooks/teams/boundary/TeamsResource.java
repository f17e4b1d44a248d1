package com.rateup.webhooks.teams.boundary;

import com.rateup.webhooks.platform.boundary.ErrorBody;
import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.teams.entity.ApiToken;
import com.rateup.webhooks.teams.control.AdminCredentials;
import com.rateup.webhooks.teams.control.Logins;
import com.rateup.webhooks.teams.control.Passwords;
import com.rateup.webhooks.teams.entity.Team;
import com.rateup.webhooks.teams.entity.TeamUser;
import jakarta.inject.Inject;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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

    @Inject
    AdminCredentials administrator;

    @Inject
    Logins logins;

    @Inject
    Passwords passwords;

    /** Creates a team and its first API token; the token is shown only in this answer. */
    @Operation(summary = "Create a team and its first API token (administrator)")
    @APIResponse(responseCode = "201", description = "The team; its apiToken is shown only in this answer",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreatedTeam.class)))
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
    @Operation(summary = "Issue another API token for a team (administrator)")
    @APIResponse(responseCode = "201", description = "The token; its value is shown only in this answer",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuedToken.class)))
    @POST
    @Path("{teamId}/tokens")
    public Response issueToken(@PathParam("teamId") String teamId) {
        ApiToken.Issued token = ApiToken.issueFor(existingTeam(teamId));
        em.persist(token.token());
        return Response.status(Response.Status.CREATED)
                .entity(new IssuedToken(token.token().id(), teamId, token.plainValue()))
                .build();
    }

    /** The team's tokens (never their values), with when each was last used and whether it is revoked. */
    @Operation(summary = "List a team's API tokens, without their values (administrator)")
    @APIResponse(responseCode = "200", description = "The tokens",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = TokenView.class)))
    @GET
    @Path("{teamId}/tokens")
    public List<TokenView> tokens(@PathParam("teamId") String teamId) {
        existingTeam(teamId);
        return em.createNamedQuery(ApiToken.OF_TEAM, ApiToken.class)
                .setParameter("teamId", teamId)
                .getResultStream()
                .map(TokenView::of)
                .toList();
    }

    /** Revokes the token at once: it authenticates no further request. */
    @Operation(summary = "Revoke an API token at once (administrator)")
    @APIResponse(responseCode = "204", description = "Revoked")
    @DELETE
    @Path("{teamId}/tokens/{tokenId}")
    public Response revoke(@PathParam("teamId") String teamId, @PathParam("tokenId") String tokenId) {
        existingTeam(teamId);
        ApiToken token = em.find(ApiToken.class, tokenId);
        if (token == null || !token.teamId().equals(teamId)) {
            throw Problems.notFound("token");
        }
        token.revoke(Instant.now());
        return Response.noContent().build();
    }

    private Team existingTeam(String teamId) {
        Team team = em.find(Team.class, teamId);
        if (team == null) {
            throw Problems.notFound("team");
        }
        return team;
    }

    public record TokenView(String id, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

        static TokenView of(ApiToken token) {
            return new TokenView(token.id(), token.createdAt(), token.lastUsedAt(), token.revokedAt());
        }
    }

    /** A user who signs in to the admin pages and sees only this team's surveys. */
    @Operation(summary = "Create a user who signs in to the admin pages for this team (administrator)")
    @APIResponse(responseCode = "201", description = "The user",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreatedUser.class)))
    @APIResponse(responseCode = "409", description = "The username is taken",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @POST
    @Path("{teamId}/users")
    public Response createUser(@PathParam("teamId") String teamId, @Valid NewUser request) {
        Problems.required(request);
        existingTeam(teamId);
        if (administrator.isAdministrator(request.username) || logins.teamUser(request.username).isPresent()) {
            throw Problems.conflict("username is taken");
        }
        TeamUser user = new TeamUser(teamId, request.username, passwords.hash(request.password));
        em.persist(user);
        return Response.status(Response.Status.CREATED)
                .entity(new CreatedUser(user.id(), teamId, user.username(), user.createdAt()))
                .build();
    }

    /** A class, not a record: see {@link Problems#required}. */
    @Schema(example = "{\"username\":\"ana@acme.example\",\"password\":\"correct horse battery\"}")
    public static class NewUser {

        @NotNull
        @Pattern(regexp = "[a-z0-9][a-z0-9._@-]{2,99}", message = "3 to 100 lower-case letters, digits, '.', '_', '@' or '-'")
        public String username;

        @NotNull
        @Size(min = 12, max = 200, message = "must be 12 to 200 characters")
        public String password;
    }

    public record CreatedUser(String id, String teamId, String username, Instant createdAt) {
    }

    /** A class, not a record: see {@link Problems#required}. */
    @Schema(example = "{\"name\":\"Acme\"}")
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
