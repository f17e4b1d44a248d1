package com.rateup.webhooks.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** A black-box client of the running application's REST API. */
public final class Api {

    public static final String ADMIN_PASSWORD = System.getProperty("rateup.test.admin-password", "test-admin-secret");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    /** Payara Micro advertises a non-loopback address; the listener is on 127.0.0.1 only. */
    public Api(URL deployment) {
        this.base = URI.create("http://127.0.0.1:" + deployment.getPort() + "/");
    }

    public URI base() {
        return base;
    }

    public record Reply(int status, String body, HttpResponse<String> raw) {

        public JsonObject object() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        public JsonArray array() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }
    }

    public record Team(String id, String token) {
    }

    public Reply send(String method, String path, String authorization, String contentType, String body) {
        return send(method, path, authorization, contentType, body, Map.of());
    }

    /** A submission to the public intake with an {@code Idempotency-Key}. */
    public Reply submitOnce(String surveyId, String idempotencyKey, String body) {
        return send("POST", "api/surveys/" + surveyId + "/responses", null, "application/json", body, Map.of("Idempotency-Key", idempotencyKey));
    }

    public Reply send(String method, String path, String authorization, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply send(String method, String path, String authorization, JsonStructure body) {
        return send(method, path, authorization, "application/json", body == null ? null : body.toString());
    }

    /** A body-less call with the team's token. */
    public Reply call(Team team, String method, String path) {
        return send(method, path, bearer(team.token()), null, null);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public Team createTeam(String name) {
        Reply reply = send("POST", "api/teams", basic("admin", ADMIN_PASSWORD), Json.createObjectBuilder().add("name", name).build());
        if (reply.status() != 201) {
            throw new AssertionError("creating a team answered " + reply.status() + ": " + reply.body());
        }
        return new Team(reply.object().getString("id"), reply.object().getString("apiToken"));
    }

    /** A survey with one question of each given type; returns the survey as the API shows it. */
    public JsonObject createSurvey(Team team, String kind, String... questionTypes) {
        return createTitledSurvey(team, kind, "Survey", "feedback", questionTypes);
    }

    public JsonObject createTitledSurvey(Team team, String kind, String title, String tag, String... questionTypes) {
        var questions = Json.createArrayBuilder();
        for (String type : questionTypes) {
            questions.add(Json.createObjectBuilder().add("type", type).add("title", type + " question"));
        }
        Reply reply = send("POST", "api/teams/" + team.id() + "/surveys", bearer(team.token()),
                Json.createObjectBuilder().add("kind", kind).add("title", title).add("tag", tag)
                        .add("questions", questions).build());
        if (reply.status() != 201) {
            throw new AssertionError("creating a survey answered " + reply.status() + ": " + reply.body());
        }
        return reply.object();
    }

    /** A user of the admin pages who sees only this team. */
    public void createUser(Team team, String username, String password) {
        Reply reply = send("POST", "api/teams/" + team.id() + "/users", basic("admin", ADMIN_PASSWORD),
                Json.createObjectBuilder().add("username", username).add("password", password).build());
        if (reply.status() != 201) {
            throw new AssertionError("creating a user answered " + reply.status() + ": " + reply.body());
        }
    }

    public JsonObject putWebhook(Team team, String surveyId, String url) {
        Reply reply = send("PUT", webhookPath(team, surveyId), bearer(team.token()),
                Json.createObjectBuilder().add("url", url).add("enabled", true).build());
        if (reply.status() != 201 && reply.status() != 200) {
            throw new AssertionError("saving the webhook answered " + reply.status() + ": " + reply.body());
        }
        return reply.object();
    }

    public String submit(String surveyId, String body) {
        Reply reply = send("POST", "api/surveys/" + surveyId + "/responses", null, "application/json", body);
        if (reply.status() != 201) {
            throw new AssertionError("submitting a response answered " + reply.status() + ": " + reply.body());
        }
        return reply.object().getString("id");
    }

    public JsonArray deliveries(Team team, String surveyId) {
        return call(team, "GET", webhookPath(team, surveyId) + "/deliveries").array();
    }

    public JsonObject delivery(Team team, String surveyId, String deliveryId) {
        return call(team, "GET", webhookPath(team, surveyId) + "/deliveries/" + deliveryId).object();
    }

    public static String webhookPath(Team team, String surveyId) {
        return "api/teams/" + team.id() + "/surveys/" + surveyId + "/webhook";
    }
}
