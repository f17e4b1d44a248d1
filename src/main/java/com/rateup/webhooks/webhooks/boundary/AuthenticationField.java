package com.rateup.webhooks.webhooks.boundary;

import com.rateup.webhooks.webhooks.control.ClientCertificates;
import com.rateup.webhooks.webhooks.entity.EndpointAuthentication;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code authentication} of every webhook's JSON: what its receiver requires besides the signature.
 * {@code {"type":"none"}}, {@code {"type":"basic","username","password"}}, {@code {"type":"bearer-oauth2",
 * "tokenUrl","clientId","clientSecret","scope"}}, {@code {"type":"headers","headers":{"<name>":"<value>",…}}}
 * or {@code {"type":"mtls","certificate","privateKey"}} (PEM). Credentials are write-only: answers leave
 * them out, and a credential left out (or a header value given as null) keeps the stored one of the same type.
 * Absent keeps the webhook's. What cannot be taken is {@link EndpointAuthentication.Invalid}: 400 on the API
 * ({@link InvalidAuthenticationMapper}), a message on the pages.
 */
public final class AuthenticationField {

    static final String DESCRIPTION = "What the receiver requires besides the signature: {\"type\":\"none\"}, {\"type\":\"basic\",\"username\","
            + "\"password\"}, {\"type\":\"bearer-oauth2\",\"tokenUrl\",\"clientId\",\"clientSecret\",\"scope\"} (client credentials; the token is"
            + " fetched under the same network rules and cached until shortly before it expires), {\"type\":\"headers\",\"headers\":{\"X-Api-Key\":"
            + "\"…\"}} (at most 10) or {\"type\":\"mtls\",\"certificate\":\"-----BEGIN CERTIFICATE-----…\",\"privateKey\":\"-----BEGIN PRIVATE KEY-----…\"}"
            + " (PEM, the key PKCS#8). Credentials are write-only: answers leave them out; one left out keeps the stored one of the same type";

    static final int MAX_HEADERS = 10;

    /** RFC 9110 token characters. */
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}");
    /** Visible ASCII and spaces inside: no line breaks, nothing a header could not carry. */
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\x21-\\x7E]([\\x20-\\x7E]{0,998}[\\x21-\\x7E])?");
    /** What the request itself, its signature or HTTP owns. */
    private static final Set<String> RESERVED = Set.of("host", "content-type", "content-length", "transfer-encoding", "connection", "user-agent",
            "x-webhook-id", "webhook-id", "webhook-timestamp", "webhook-signature", "expect", "te", "trailer", "upgrade", "keep-alive",
            "proxy-authorization", "traceparent", "tracestate");
    private static final int MAX_TEXT = 2000;

    private AuthenticationField() {
    }

    /** Null when absent: the webhook keeps its authentication. */
    public static EndpointAuthentication parse(JsonValue given) {
        if (given == null) {
            return null;
        }
        if (!(given instanceof JsonObject object) || !(object.get("type") instanceof JsonString type)) {
            throw invalid("expects an object with a type: none, basic, bearer-oauth2, headers or mtls");
        }
        return switch (type.getString()) {
            case "none" -> {
                only(object, Set.of("type"));
                yield EndpointAuthentication.NONE;
            }
            case "basic" -> {
                only(object, Set.of("type", "username", "password"));
                String username = required(object, "username");
                if (username.contains(":")) {
                    throw invalid("username must not contain ':' (HTTP Basic cannot carry it)");
                }
                yield new EndpointAuthentication.Basic(username, optional(object, "password"));
            }
            case "bearer-oauth2" -> {
                only(object, Set.of("type", "tokenUrl", "clientId", "clientSecret", "scope"));
                yield new EndpointAuthentication.OAuth2(tokenUrl(required(object, "tokenUrl")), required(object, "clientId"),
                        optional(object, "clientSecret"), optional(object, "scope"));
            }
            case "headers" -> {
                only(object, Set.of("type", "headers"));
                yield new EndpointAuthentication.Headers(headers(object.get("headers")));
            }
            case "mtls" -> {
                only(object, Set.of("type", "certificate", "privateKey"));
                String certificate = required(object, "certificate");
                String privateKey = optional(object, "privateKey");
                try {
                    ClientCertificates.check(certificate, privateKey);
                } catch (IllegalArgumentException e) {
                    throw invalid(e.getMessage());
                }
                yield new EndpointAuthentication.Mtls(certificate, privateKey);
            }
            default -> throw invalid("unknown type '" + type.getString() + "'; known: none, basic, bearer-oauth2, headers, mtls");
        };
    }

    /** Without credentials; a client certificate is described by its subject and expiry. */
    static JsonObject of(Webhook webhook) {
        EndpointAuthentication authentication = webhook.authentication();
        if (authentication instanceof EndpointAuthentication.Mtls mtls) {
            return ClientCertificates.describe(mtls.certificate(), authentication.view());
        }
        return authentication.view();
    }

    private static Map<String, String> headers(JsonValue given) {
        if (!(given instanceof JsonObject headers) || headers.isEmpty()) {
            throw invalid("headers expects an object of 1 to " + MAX_HEADERS + " header names and values");
        }
        if (headers.size() > MAX_HEADERS) {
            throw invalid("at most " + MAX_HEADERS + " headers");
        }
        Map<String, String> parsed = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (!HEADER_NAME.matcher(name).matches()) {
                throw invalid("headers: '" + name + "' is not a header name");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (RESERVED.contains(lower) || lower.startsWith("x-rateup-")) {
                throw invalid("headers: " + name + " is set by the delivery itself");
            }
            if (parsed.keySet().stream().anyMatch(known -> known.equalsIgnoreCase(name))) {
                throw invalid("headers: " + name + " twice");
            }
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                parsed.put(name, null); // keeps the stored value
            } else if (value instanceof JsonString text && HEADER_VALUE.matcher(text.getString()).matches()) {
                parsed.put(name, text.getString());
            } else {
                throw invalid("headers: the value of " + name + " must be 1 to 1000 printable ASCII characters");
            }
        });
        return parsed;
    }

    private static URI tokenUrl(String given) {
        try {
            URI url = new URI(given);
            if (!("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme())) || url.getHost() == null
                    || url.getRawUserInfo() != null || url.getRawFragment() != null) {
                throw invalid("tokenUrl must be an http or https URL with a host, no user info and no fragment");
            }
            return url;
        } catch (URISyntaxException e) {
            throw invalid("tokenUrl is not a URL");
        }
    }

    private static void only(JsonObject object, Set<String> members) {
        object.keySet().stream().filter(key -> !members.contains(key)).findFirst().ifPresent(unknown -> {
            throw invalid("unknown member '" + unknown + "' for type " + object.getString("type") + "; known: " + String.join(", ", members));
        });
    }

    private static String required(JsonObject object, String name) {
        String value = optional(object, name);
        if (value == null) {
            throw invalid(name + " is required");
        }
        return value;
    }

    private static String optional(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString text) || text.getString().isBlank() || text.getString().length() > (name.equals("certificate")
                || name.equals("privateKey") ? 20_000 : MAX_TEXT)) {
            throw invalid(name + " must be a non-empty string of at most " + MAX_TEXT + " characters (PEM: 20,000)");
        }
        return text.getString();
    }

    private static RuntimeException invalid(String problem) {
        return new EndpointAuthentication.Invalid(problem);
    }
}
