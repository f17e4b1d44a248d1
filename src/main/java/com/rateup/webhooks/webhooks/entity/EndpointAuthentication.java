package com.rateup.webhooks.webhooks.entity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a receiver requires besides the signature before it takes a delivery: nothing, HTTP Basic
 * credentials, a bearer token from an OAuth2 authorization server (client credentials), headers of its
 * own, or a client certificate (mutual TLS). It adds to the signature headers, never replaces them.
 * Stored as one JSON document, encrypted with the webhook's secrets (credentials included), and never
 * shown back whole: {@link #view()} leaves the credentials out.
 *
 * <p>A credential given as null keeps the one stored for the same type ({@link #keeping}), so a change
 * of the user name does not need the password again.
 */
public sealed interface EndpointAuthentication {

    None NONE = new None();

    /** The wire name of the type: {@code none}, {@code basic}, {@code bearer-oauth2}, {@code headers}, {@code mtls}. */
    String type();

    /** Its settings without the credentials, for GET answers and the pages. */
    JsonObject view();

    /** Everything, credentials included: what is stored (encrypted). */
    JsonObject stored();

    /** This one with the credentials it leaves null taken from {@code current}, when that is of the same type. */
    EndpointAuthentication keeping(EndpointAuthentication current);

    /** The first credential that is still missing, or null when it is complete. */
    String missing();

    record None() implements EndpointAuthentication {

        @Override
        public String type() {
            return "none";
        }

        @Override
        public JsonObject view() {
            return Json.createObjectBuilder().add("type", type()).build();
        }

        @Override
        public JsonObject stored() {
            return view();
        }

        @Override
        public EndpointAuthentication keeping(EndpointAuthentication current) {
            return this;
        }

        @Override
        public String missing() {
            return null;
        }
    }

    record Basic(String username, String password) implements EndpointAuthentication {

        @Override
        public String type() {
            return "basic";
        }

        @Override
        public JsonObject view() {
            return Json.createObjectBuilder().add("type", type()).add("username", username).build();
        }

        @Override
        public JsonObject stored() {
            return with(Json.createObjectBuilder(view()), "password", password).build();
        }

        @Override
        public EndpointAuthentication keeping(EndpointAuthentication current) {
            return password == null && current instanceof Basic stored ? new Basic(username, stored.password) : this;
        }

        @Override
        public String missing() {
            return password == null ? "password" : null;
        }
    }

    /** Client credentials grant (RFC 6749 4.4), the client authenticating with HTTP Basic at the token endpoint. */
    record OAuth2(URI tokenUrl, String clientId, String clientSecret, String scope) implements EndpointAuthentication {

        @Override
        public String type() {
            return "bearer-oauth2";
        }

        @Override
        public JsonObject view() {
            JsonObjectBuilder view = Json.createObjectBuilder().add("type", type()).add("tokenUrl", tokenUrl.toString()).add("clientId", clientId);
            return with(view, "scope", scope).build();
        }

        @Override
        public JsonObject stored() {
            return with(Json.createObjectBuilder(view()), "clientSecret", clientSecret).build();
        }

        @Override
        public EndpointAuthentication keeping(EndpointAuthentication current) {
            return clientSecret == null && current instanceof OAuth2 stored ? new OAuth2(tokenUrl, clientId, stored.clientSecret, scope) : this;
        }

        @Override
        public String missing() {
            return clientSecret == null ? "clientSecret" : null;
        }
    }

    /** Headers of the receiver's own (an API key, a gateway's token); a value given as null keeps the stored one. */
    record Headers(Map<String, String> headers) implements EndpointAuthentication {

        public Headers {
            headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }

        @Override
        public String type() {
            return "headers";
        }

        @Override
        public JsonObject view() {
            var names = Json.createArrayBuilder();
            headers.keySet().forEach(names::add);
            return Json.createObjectBuilder().add("type", type()).add("headers", names).build();
        }

        @Override
        public JsonObject stored() {
            JsonObjectBuilder values = Json.createObjectBuilder();
            headers.forEach((name, value) -> with(values, name, value));
            return Json.createObjectBuilder().add("type", type()).add("headers", values).build();
        }

        @Override
        public EndpointAuthentication keeping(EndpointAuthentication current) {
            if (!(current instanceof Headers stored)) {
                return this;
            }
            Map<String, String> kept = new LinkedHashMap<>();
            headers.forEach((name, value) -> kept.put(name, value != null ? value : stored.valueOf(name)));
            return new Headers(kept);
        }

        @Override
        public String missing() {
            return headers.entrySet().stream().filter(header -> header.getValue() == null).map(header -> "the value of " + header.getKey())
                    .findFirst().orElse(null);
        }

        private String valueOf(String name) {
            return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .filter(Objects::nonNull).findFirst().orElse(null);
        }
    }

    /** A client certificate and its private key, both PEM (the key PKCS#8), for endpoints that require mutual TLS. */
    record Mtls(String certificate, String privateKey) implements EndpointAuthentication {

        @Override
        public String type() {
            return "mtls";
        }

        @Override
        public JsonObject view() {
            return Json.createObjectBuilder().add("type", type()).build();
        }

        @Override
        public JsonObject stored() {
            return with(with(Json.createObjectBuilder(view()), "certificate", certificate), "privateKey", privateKey).build();
        }

        @Override
        public EndpointAuthentication keeping(EndpointAuthentication current) {
            return privateKey == null && current instanceof Mtls stored && certificate.equals(stored.certificate)
                    ? new Mtls(certificate, stored.privateKey) : this;
        }

        @Override
        public String missing() {
            return privateKey == null ? "privateKey" : null;
        }
    }

    /** Settings that cannot be taken; the message says what is wrong, without the credentials. */
    class Invalid extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public Invalid(String problem) {
            super(problem, null, false, false);
        }
    }

    /** A credential the receiver needs is neither given nor stored for the same type. */
    final class Incomplete extends Invalid {

        private static final long serialVersionUID = 1L;

        public Incomplete(String missing) {
            super(missing + " is required");
        }
    }

    /** Reads what {@link #stored()} wrote; null or empty is {@link #NONE}. */
    static EndpointAuthentication ofStored(String json) {
        if (json == null || json.isBlank()) {
            return NONE;
        }
        JsonObject stored;
        try (var reader = Json.createReader(new StringReader(json))) {
            stored = reader.readObject();
        }
        return switch (stored.getString("type")) {
            case "basic" -> new Basic(stored.getString("username"), text(stored, "password"));
            case "bearer-oauth2" -> new OAuth2(URI.create(stored.getString("tokenUrl")), stored.getString("clientId"), text(stored, "clientSecret"),
                    text(stored, "scope"));
            case "headers" -> {
                Map<String, String> headers = new LinkedHashMap<>();
                stored.getJsonObject("headers").forEach((name, value) -> headers.put(name, ((JsonString) value).getString()));
                yield new Headers(headers);
            }
            case "mtls" -> new Mtls(stored.getString("certificate"), text(stored, "privateKey"));
            default -> NONE;
        };
    }

    private static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString text ? text.getString() : null;
    }

    private static JsonObjectBuilder with(JsonObjectBuilder builder, String name, String value) {
        return value == null ? builder : builder.add(name, value);
    }
}
