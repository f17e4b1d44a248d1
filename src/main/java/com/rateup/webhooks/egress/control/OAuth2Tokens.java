package com.rateup.webhooks.egress.control;

import com.rateup.webhooks.webhooks.entity.EndpointAuthentication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens for receivers behind an OAuth2 authorization server: the client credentials grant
 * (RFC 6749 4.4), the client authenticating with HTTP Basic (2.3.1), through the same clients as the
 * deliveries, so under the same network rules, proxy and pinning. A token is kept until shortly before it
 * expires (a tenth of its life, at most a minute), and forgotten when a receiver answers 401 to it, so
 * the next attempt fetches a new one.
 */
@ApplicationScoped
public class OAuth2Tokens {

    private static final Duration WITHOUT_EXPIRY = Duration.ofMinutes(1);
    private static final Duration MAX_MARGIN = Duration.ofMinutes(1);

    @Inject
    HttpClients clients;

    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant renewAt) {
    }

    /** A failure to get a token, with what the token endpoint said (never the credentials). */
    public static final class Unavailable extends Exception {

        private static final long serialVersionUID = 1L;

        Unavailable(String reason) {
            super(reason, null, false, false);
        }
    }

    String token(EndpointAuthentication.OAuth2 client) throws Unavailable {
        String key = keyOf(client);
        Token known = tokens.get(key);
        if (known != null && Instant.now().isBefore(known.renewAt())) {
            return known.value();
        }
        Token fetched = fetch(client);
        tokens.put(key, fetched);
        return fetched.value();
    }

    void forget(EndpointAuthentication.OAuth2 client) {
        tokens.remove(keyOf(client));
    }

    private Token fetch(EndpointAuthentication.OAuth2 client) throws Unavailable {
        Form form = new Form().param("grant_type", "client_credentials");
        if (client.scope() != null) {
            form.param("scope", client.scope());
        }
        String basic = Base64.getEncoder().encodeToString((urlEncoded(client.clientId()) + ":" + urlEncoded(client.clientSecret()))
                .getBytes(StandardCharsets.UTF_8));
        DeliveryClient http = clients.borrow();
        Response answer;
        try {
            answer = http.client().target(client.tokenUrl()).request(MediaType.APPLICATION_JSON_TYPE)
                    .header("Authorization", "Basic " + basic)
                    .post(Entity.form(form));
        } catch (ProcessingException e) {
            clients.discard(http);
            throw new Unavailable("no token from " + client.tokenUrl() + ": " + reason(e));
        }
        boolean read = false;
        try {
            String body = answer.hasEntity() ? answer.readEntity(String.class) : "";
            read = true;
            if (answer.getStatus() != 200) {
                throw new Unavailable("no token from " + client.tokenUrl() + ": it answered " + answer.getStatus() + errorOf(body));
            }
            JsonObject token = parse(body);
            if (!(token.get("access_token") instanceof JsonString value) || !"bearer".equalsIgnoreCase(token.getString("token_type", ""))) {
                throw new Unavailable("no token from " + client.tokenUrl() + ": its answer has no bearer access_token");
            }
            Duration life = token.get("expires_in") instanceof JsonNumber seconds ? Duration.ofSeconds(seconds.longValue()) : WITHOUT_EXPIRY;
            Duration margin = life.dividedBy(10).compareTo(MAX_MARGIN) < 0 ? life.dividedBy(10) : MAX_MARGIN;
            return new Token(value.getString(), Instant.now().plus(life).minus(margin));
        } catch (ProcessingException e) {
            throw new Unavailable("no token from " + client.tokenUrl() + ": " + reason(e));
        } finally {
            clients.giveBack(http, answer, read);
        }
    }

    private static String reason(ProcessingException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static JsonObject parse(String body) throws Unavailable {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonParsingException | ClassCastException | IllegalStateException e) {
            throw new Unavailable("no token: the token endpoint's answer is not a JSON object");
        }
    }

    /** The error code of an RFC 6749 5.2 answer, which names no secret. */
    private static String errorOf(String body) {
        try {
            JsonObject error = parse(body);
            return error.get("error") instanceof JsonString code ? " (" + code.getString() + ")" : "";
        } catch (Unavailable notJson) {
            return "";
        }
    }

    private static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String keyOf(EndpointAuthentication.OAuth2 client) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\n", client.tokenUrl().toString(), client.clientId(),
                    client.clientSecret(), client.scope() == null ? "" : client.scope()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every Java runtime", e);
        }
    }
}
