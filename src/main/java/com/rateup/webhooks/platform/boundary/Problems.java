package com.rateup.webhooks.platform.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/** Exceptions that end a request with the API's JSON error shape. */
public final class Problems {

    private Problems() {
    }

    public static WebApplicationException badRequest(String error, String... details) {
        return of(Status.BAD_REQUEST, error, List.of(details));
    }

    public static WebApplicationException badRequest(String error, List<String> details) {
        return of(Status.BAD_REQUEST, error, details);
    }

    public static WebApplicationException notFound(String what) {
        return of(Status.NOT_FOUND, what + " not found", List.of());
    }

    public static WebApplicationException conflict(String error) {
        return of(Status.CONFLICT, error, List.of());
    }

    public static WebApplicationException of(Status status, String error, List<String> details) {
        return new WebApplicationException(error, response(status.getStatusCode(), error, details));
    }

    public static Response response(int status, String error, List<String> details) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(error, details))
                .build();
    }
}
