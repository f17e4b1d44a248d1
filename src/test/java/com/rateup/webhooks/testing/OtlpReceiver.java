package com.rateup.webhooks.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * An OpenTelemetry collector's OTLP/HTTP trace endpoint ({@code POST /v1/traces}, protobuf) on 127.0.0.1:
 * it decodes what a server exports with OpenTelemetry's own protobuf classes and keeps every span, with
 * the service name of the resource it came from.
 */
public final class OtlpReceiver implements AutoCloseable {

    /** A received span, its ids in the lowercase hex of the W3C {@code traceparent} header. */
    public record ExportedSpan(String service, Span span) {

        public String traceId() {
            return HexFormat.of().formatHex(span.getTraceId().toByteArray());
        }

        public String spanId() {
            return HexFormat.of().formatHex(span.getSpanId().toByteArray());
        }

        public String parentSpanId() {
            return HexFormat.of().formatHex(span.getParentSpanId().toByteArray());
        }

        public Optional<AnyValue> attribute(String key) {
            return span.getAttributesList().stream().filter(attribute -> attribute.getKey().equals(key)).map(KeyValue::getValue).findFirst();
        }

        public String stringAttribute(String key) {
            return attribute(key).map(AnyValue::getStringValue).orElse(null);
        }

        public Long longAttribute(String key) {
            return attribute(key).map(AnyValue::getIntValue).orElse(null);
        }
    }

    private final HttpServer server;
    private final List<ExportedSpan> spans = Collections.synchronizedList(new ArrayList<>());

    public OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/traces", this::traces);
        server.start();
    }

    /** What {@code otel.exporter.otlp.endpoint} is set to (the exporter appends {@code /v1/traces}). */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<ExportedSpan> spans() {
        synchronized (spans) {
            return List.copyOf(spans);
        }
    }

    private void traces(HttpExchange exchange) throws IOException {
        try (exchange) {
            ExportTraceServiceRequest request;
            try (InputStream body = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                request = ExportTraceServiceRequest.parseFrom(body);
            }
            request.getResourceSpansList().forEach(resourceSpans -> {
                String service = resourceSpans.getResource().getAttributesList().stream()
                        .filter(attribute -> attribute.getKey().equals("service.name"))
                        .map(attribute -> attribute.getValue().getStringValue()).findFirst().orElse(null);
                resourceSpans.getScopeSpansList().forEach(scope -> scope.getSpansList()
                        .forEach(span -> spans.add(new ExportedSpan(service, span))));
            });
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
