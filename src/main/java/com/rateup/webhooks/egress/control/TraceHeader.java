package com.rateup.webhooks.egress.control;

import com.rateup.webhooks.platform.control.Traces;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/**
 * The POST's {@code traceparent} is the attempt's ({@link WebhookRequest#traceParent()}), or none while tracing
 * is off. Registered last on every delivery client: the servers' own JAX-RS client instrumentation runs before
 * it and writes a header of its own, WildFly's even with tracing off (its spans are then not exported, but
 * their ids are real), which would tell a receiver of a trace that nobody can see.
 */
final class TraceHeader implements ClientRequestFilter {

    static final String PROPERTY = TraceHeader.class.getName();
    static final int LAST = Integer.MAX_VALUE;

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().remove(Traces.HEADER);
        request.getHeaders().remove("tracestate");
        Object traceParent = request.getProperty(PROPERTY);
        if (traceParent != null) {
            request.getHeaders().putSingle(Traces.HEADER, traceParent);
        }
    }
}
