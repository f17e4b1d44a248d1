package com.rateup.webhooks.platform.boundary;

import com.rateup.webhooks.platform.control.DatabaseOutage;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
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

    /**
     * The request body, which must be present. Checked here rather than with {@code @NotNull} on the
     * parameter: Payara's OpenAPI generator (6.2025.10) fails on any constrained parameter that
     * is not a path parameter.
     */
    public static <T> T required(T body) {
        if (body == null) {
            throw badRequest("validation failed", "body: must not be null");
        }
        return body;
    }

    /** The enum constant a query parameter names, or 400 naming the allowed values; null when absent. */
    public static <E extends Enum<E>> E optionalEnum(Class<E> type, String parameter, String value) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw badRequest("validation failed", parameter + ": must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
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

    /**
     * Our database cannot be reached or used: not the caller's fault, nor a bug. Nothing was stored —
     * unless the database ended the connection during the commit itself, whose outcome nobody knows:
     * a client that sends again with the same {@code Idempotency-Key} is safe either way.
     */
    public static Response databaseUnavailable() {
        return Response.fromResponse(response(503, "database unavailable", List.of("nothing was stored; try again in a few seconds")))
                .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER.toSeconds())
                .build();
    }

    public static Response response(int status, String error, List<String> details) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(error, details))
                .build();
    }
}
