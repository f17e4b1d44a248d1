package com.rateup.webhooks.platform.boundary;

import com.rateup.webhooks.platform.control.DatabaseOutage;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything the resources did not answer themselves. Our database being unreachable is not the
 * caller's fault nor a bug: 503 with {@code Retry-After}, nothing stored, one log line per outage.
 * Anything else unforeseen is logged with an incident id the caller also gets, so support can find
 * it, while the response carries no stack trace or server detail.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Inject
    DatabaseOutage outage;

    @Override
    public Response toResponse(Throwable exception) {
        if (outage.noticed(exception)) {
            return Problems.databaseUnavailable();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "unexpected error, incident " + incident, exception);
        return Problems.response(500, "internal error", List.of("incident " + incident));
    }
}
