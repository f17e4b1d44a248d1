package com.rateup.webhooks.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.rateup.webhooks.teams.boundary.AdminOnly;
import com.rateup.webhooks.teams.boundary.TeamScoped;
import com.rateup.webhooks.testing.Api.Reply;
import com.rateup.webhooks.testing.SurveyWithWebhookFixture;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What operators and client generators read, the same on every server: {@code /metrics} (the app's own,
 * Prometheus text), {@code /health/ready} (the server's MicroProfile Health, on WildFly at the management
 * port) and {@code /openapi}, which must describe every JAX-RS route of the application.
 */
class OperationsEndpointsIT extends SurveyWithWebhookFixture {

    private static final boolean WILDFLY = "wildfly".equals(System.getProperty("rateup.test.server"));
    /** WildFly's management port (9990) shifted by the port offset in arquillian.xml */
    private static final int WILDFLY_MANAGEMENT_PORT = 30963;

    /**
     * The server is shared with the other test classes, so the counters hold their deliveries too:
     * this delivery must add at least one to each, read before and after it.
     */
    @Test
    void metricsNameTheDeliveriesTheSameOnEveryServer() {
        String before = api.send("GET", "metrics", null, null, null).body();
        submitRating(5);
        awaitFinal();

        Reply metrics = api.send("GET", "metrics", null, null, null);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(metrics.body())
                .contains("rateup_delivery_attempt_duration_seconds_bucket{le=")
                .contains("rateup_deliveries_pending ")
                .contains("rateup_deliveries_oldest_pending_age_seconds ")
                .contains("jvm_memory_used_bytes{");
        for (String series : List.of("rateup_delivery_attempts_total{outcome=\"success\"}", "rateup_deliveries_total{status=\"DELIVERED\"}")) {
            assertThat(delta(before, metrics.body(), series)).as(series).isGreaterThanOrEqualTo(1.0);
        }
        // another class's delivery still retrying may be timed meanwhile: every attempt is timed once, whatever its outcome
        assertThat(delta(before, metrics.body(), "rateup_delivery_attempt_duration_seconds_count")).isEqualTo(
                delta(before, metrics.body(), "rateup_delivery_attempts_total{outcome=\"success\"}")
                        + delta(before, metrics.body(), "rateup_delivery_attempts_total{outcome=\"failure\"}"));
    }

    private static double delta(String before, String after, String series) {
        return sample(after, series) - sample(before, series);
    }

    /** The value of one series in Prometheus text; 0 while it has not been written yet. */
    private static double sample(String metrics, String series) {
        return metrics.lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst().orElse(0);
    }

    @Test
    void readinessReportsTheDatabaseAndTheDispatcher() throws Exception {
        URI health = WILDFLY
                ? URI.create("http://127.0.0.1:" + WILDFLY_MANAGEMENT_PORT + "/health/ready")
                : api.base().resolve("health/ready");
        HttpResponse<String> ready = get(health, "application/json");

        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        JsonObject body = Json.createReader(new StringReader(ready.body())).readObject();
        assertThat(body.getString("status")).isEqualTo("UP");
        assertThat(body.getJsonArray("checks")).extracting(check -> check.asJsonObject().getString("name")).contains("database");
    }

    @Test
    void openApiDocumentsEveryRouteWithItsAnswers() throws Exception {
        HttpResponse<String> reply = get(api.base().resolve("openapi"), "application/json");
        assertThat(reply.statusCode()).isEqualTo(200);
        JsonObject document = Json.createReader(new StringReader(reply.body())).readObject();
        JsonObject paths = document.getJsonObject("paths");
        assertThat(document.getJsonObject("components").getJsonObject("securitySchemes").keySet()).contains("admin", "team");
        assertThat(document.getJsonObject("components").getJsonObject("schemas").keySet()).as("the errors' schema").contains("ErrorBody");

        List<Route> routes = routes();
        assertThat(routes).hasSizeGreaterThanOrEqualTo(17);
        for (Route route : routes) {
            assertThat(paths.keySet()).as("routes in /openapi").contains(route.path());
            JsonObject operation = paths.getJsonObject(route.path()).getJsonObject(route.method().toLowerCase(Locale.ROOT));
            assertThat(operation).as(route + " in /openapi").isNotNull();
            assertThat(operation.getString("summary", "")).as(route + " summary").isNotBlank();
            List<String> codes = new ArrayList<>(operation.getJsonObject("responses").keySet());
            assertThat(codes).as(route + " success").anyMatch(code -> code.startsWith("2"));
            assertThat(codes).as(route + " error answers").containsAll(route.errorCodes());
        }
    }

    private static HttpResponse<String> get(URI uri, String accept) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Every resource method of the application's JAX-RS classes, with the error answers its route can give. */
    private static List<Route> routes() throws IOException {
        var classes = Paths.get("target/classes");
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            return files.map(classes::relativize)
                    .map(file -> file.toString().replace('/', '.'))
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> load(name.substring(0, name.length() - ".class".length())))
                    .filter(type -> type.isAnnotationPresent(Path.class))
                    .flatMap(type -> Arrays.stream(type.getMethods())
                            .filter(method -> httpMethod(method) != null)
                            .map(method -> Route.of(type, method)))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, OperationsEndpointsIT.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(annotation -> annotation.annotationType().getAnnotation(HttpMethod.class))
                .filter(java.util.Objects::nonNull)
                .map(HttpMethod::value)
                .findFirst().orElse(null);
    }

    private record Route(String method, String path, List<String> errorCodes) {

        static Route of(Class<?> type, Method method) {
            String path = "/api/" + type.getAnnotation(Path.class).value()
                    + (method.isAnnotationPresent(Path.class) ? "/" + method.getAnnotation(Path.class).value() : "");
            boolean takesBody = Arrays.stream(method.getParameters()).anyMatch(p -> Arrays.stream(p.getAnnotations())
                    .noneMatch(a -> a.annotationType().getPackageName().equals("jakarta.ws.rs")
                            || a.annotationType().getPackageName().equals("jakarta.ws.rs.core")));
            List<String> errors = new ArrayList<>();
            if (takesBody) {
                errors.addAll(List.of("400", "413", "415"));
            }
            if (type.isAnnotationPresent(TeamScoped.class) || type.isAnnotationPresent(AdminOnly.class)) {
                errors.add("401");
            }
            if (path.contains("{")) {
                errors.add("404");
            }
            return new Route(httpMethod(method), path, errors);
        }
    }
}
