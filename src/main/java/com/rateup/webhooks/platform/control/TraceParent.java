package com.rateup.webhooks.platform.control;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A span's context in the form of the W3C {@code traceparent} header ({@code 00-<trace id>-<span id>-<flags>}):
 * stored with a delivery, it lets the attempts continue the response's trace, perhaps hours later and on
 * another instance, and it is the header a receiver that traces joins. Null while tracing is off (the span
 * is the no-op's, without a valid context): then nothing is stored and nothing is sent.
 */
public final class TraceParent {

    public static final String HEADER = "traceparent";

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

    private TraceParent() {
    }

    public static String of(Span span) {
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
