package com.rateup.webhooks.teams.boundary;

import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.teams.control.TeamTokens;
import com.rateup.webhooks.teams.entity.ApiToken;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Optional;

/**
 * Lets a request through only with a valid token of the team named in the path. A valid token
 * of another team gets 404, as if the team did not exist, so ids of other teams reveal nothing.
 */
@Provider
@TeamScoped
@Priority(Priorities.AUTHENTICATION)
public class TeamAuthentication implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    /** Request attribute: who is calling, as recorded with changes (e.g. "API token 1f0c…"). */
    public static final String CALLER = "rateup.caller";

    @Inject
    TeamTokens tokens;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<ApiToken> token = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? tokens.authenticate(header.substring(BEARER.length()).strip())
                : Optional.empty();
        if (token.isEmpty()) {
            request.abortWith(Response.fromResponse(Problems.response(401, "a valid team API token is required", List.of()))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"rateup\"")
                    .build());
            return;
        }
        String pathTeam = request.getUriInfo().getPathParameters().getFirst("teamId");
        if (!token.get().teamId().equals(pathTeam)) {
            request.abortWith(Problems.response(404, "team not found", List.of()));
            return;
        }
        request.setProperty(CALLER, "API token " + token.get().id());
    }
}
