package com.rateup.webhooks.teams.boundary;

import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.teams.control.Logins;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthentication implements ContainerRequestFilter {

    private static final String BASIC = "Basic ";

    @Inject
    Logins logins;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length()) || !valid(header.substring(BASIC.length()))) {
            request.abortWith(Response.fromResponse(
                            Problems.response(401, "administrator credentials required", List.of()))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"rateup-admin\", charset=\"UTF-8\"")
                    .build());
        }
    }

    private boolean valid(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        int colon = decoded.indexOf(':');
        return colon > 0 && logins.checkAdministrator(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
