package com.rateup.webhooks.webhooks.boundary;

import com.rateup.webhooks.platform.boundary.Problems;
import com.rateup.webhooks.webhooks.entity.EndpointAuthentication;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Any webhook's {@code authentication} that cannot be taken: 400 naming the problem, nothing changed. Also a
 * credential neither given nor stored for the same type, which is known only once the stored one is read, inside
 * the save's transaction (which then rolls back).
 */
@Provider
public class InvalidAuthenticationMapper implements ExceptionMapper<EndpointAuthentication.Invalid> {

    @Override
    public Response toResponse(EndpointAuthentication.Invalid exception) {
        return Problems.response(400, "validation failed", List.of("authentication: " + exception.getMessage()));
    }
}
