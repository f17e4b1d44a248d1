package com.rateup.webhooks.platform.boundary;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A request body that is not JSON, or JSON of the wrong shape for the endpoint. */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException exception) {
        return Problems.response(400, "malformed request body", List.of("the body must be JSON of the documented shape"));
    }
}
