package com.rateup.webhooks.platform.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Gives the runtime's own HTTP errors (404 for unknown paths, 405, 415, 406, malformed bodies)
 * the JSON error shape; errors thrown through {@link Problems} already have it.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response response = exception.getResponse();
        if (response.hasEntity()) {
            return response;
        }
        return Response.fromResponse(response)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(messageFor(response), List.of()))
                .build();
    }

    private static String messageFor(Response response) {
        return switch (response.getStatus()) {
            case 400 -> "malformed request body";
            case 401 -> "authentication required";
            case 404 -> "not found";
            case 405 -> "method not allowed";
            case 406 -> "not acceptable: this API produces application/json";
            case 415 -> "unsupported media type: send application/json";
            default -> response.getStatusInfo().getReasonPhrase().toLowerCase();
        };
    }
}
