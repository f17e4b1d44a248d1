package com.rateup.webhooks.platform.boundary;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A request body that is not JSON, or JSON of the wrong shape for the endpoint: the JSON-B
 * provider reports both as a processing error caused by a JSON-B or JSON-P exception.
 */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<ProcessingException> {

    private static final Logger LOG = Logger.getLogger(MalformedJsonMapper.class.getName());

    @Override
    public Response toResponse(ProcessingException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException || cause instanceof JsonException) {
                return Problems.response(400, "malformed request body", List.of("the body must be JSON of the documented shape"));
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "unexpected processing error, incident " + incident, exception);
        return Problems.response(500, "internal error", List.of("incident " + incident));
    }
}
