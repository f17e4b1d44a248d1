package com.rateup.webhooks.platform.control;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Our spans, and a span's context in the form of the W3C {@code traceparent} header
 * ({@code 00-<trace id>-<span id>-<flags>}): stored with a delivery, it lets the attempts continue the
 * response's trace, perhaps hours later and on another instance, and it is the header a receiver that
 * traces joins. Off, the servers still make spans of their own (Payara builds an SDK that exports
 * nothing, and its spans have valid ids), so the switch is read by the app too ({@link PlatformConfig#tracing}):
 * off, our spans are the no-op's, without a valid context, so nothing is stored and no header is sent.
 */
@ApplicationScoped
public class Traces {

    public static final String HEADER = "traceparent";

    private static final Tracer OFF = OpenTelemetry.noop().getTracer("rateup-webhooks");

    private static final TextMapGetter<String> STORED = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String traceParent) {
            return List.of(HEADER);
        }

        @Override
        public String get(String traceParent, String key) {
            return HEADER.equals(key) ? traceParent : null;
        }
    };

    @Inject
    PlatformConfig config;

    @Inject
    Tracer tracer;

    /**
     * A span of ours in {@code parent}'s trace, or none (the invalid span) while tracing is off. The parent is
     * always given: the thread's current context is not to be trusted here (WildFly leaves the context of an
     * asynchronous request, such as the intake's, on its worker thread, and then suppresses the next request's
     * server span under it).
     */
    public SpanBuilder span(String name, Context parent) {
        return config.tracing() ? tracer.spanBuilder(name).setParent(parent) : OFF.spanBuilder(name).setNoParent();
    }

    /** A span's context as a {@code traceparent}; null for one of {@link #span}'s while tracing is off (it has no valid context). */
    public static String parentOf(Span span) {
        if (!span.getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> headers = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(span), headers, Map::put);
        return headers.get(HEADER);
    }

    /** The context to start a span in: the stored one's, or a new trace's when there is none (or it is malformed). */
    public static Context context(String traceParent) {
        return traceParent == null ? Context.root() : W3CTraceContextPropagator.getInstance().extract(Context.root(), traceParent, STORED);
    }
}
