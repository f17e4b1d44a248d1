package com.rateup.webhooks.egress.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.MtlsReceiver;
import com.rateup.webhooks.testing.ServerProcess;
import com.rateup.webhooks.testing.TestCertificates;
import com.rateup.webhooks.testing.TestReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the delivery POST does on the wire that needs a server of its own, started once for both tests with
 * the JVM options they need: a hosts file ({@code jdk.net.hosts.file}, no cache) that one test flips, and a
 * trust store holding the test receiver's certificate.
 *
 * <p>DNS rebinding (#32 part 1): a name that answers one address to the check and another to the connection
 * cannot lead a delivery to a denied network. The test flips the hosts file every millisecond between
 * 127.0.0.1, where the receiver listens, and 127.0.0.2 ({@code rateup.delivery.denied-networks}), where a
 * socket counts whoever connects. Before the connection was pinned to the addresses checked for it,
 * deliveries reached the denied address in every run (12 of about 20 in one).
 *
 * <p>Receivers that require more than the signature (#32 part 4), each a real one: a header, HTTP Basic, a
 * bearer token from a real OAuth2 authorization server (oidc-provider, src/test/node/oauth2-server.mjs,
 * checked by the receiver through the server's introspection), and a client certificate (the JDK's HTTPS
 * server requiring mutual TLS). Every delivery arrives, a wrong credential is that attempt's 401, an unknown
 * certificate gets nothing through, and no credential is in a GET answer or in the server's log.
 *
 * <p>On H2 only; about 60 s per server, half of it the server's start and stop.
 */
class EgressIT {

    private static final String NAME = "rebinding.test";
    private static final int REBINDING_RESPONSES = 20;
    private static final String API_KEY = "k-7f3a9c1e-api-key-value";
    private static final String BASIC_PASSWORD = "basic-password-9d2b";
    private static final String CLIENT_SECRET = "the-webhooks-client-secret-0123456789";
    private static final int RESPONSES = 3;

    @TempDir
    static Path workDir;

    private static Path hosts;
    private static TestCertificates.Identity receiverIdentity;
    private static ServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        hosts = workDir.resolve("hosts");
        resolve(hosts, "127.0.0.1");
        receiverIdentity = TestCertificates.generate(workDir, "receiver", "ip:127.0.0.1,dns:localhost");
        Path serverTrusts = TestCertificates.trustStore(workDir.resolve("server-trusts.p12"), List.of(receiverIdentity.certificate()));
        server = ServerProcess.start(workDir, "egress", ServerProcess.testConfig(workDir, Map.of(
                        "rateup.delivery.denied-networks", "127.0.0.2/32",
                        // not a test of timing: the first attempts of a cold server build a client per receiver
                        "rateup.delivery.timeout", "PT5S")),
                List.of("-Djdk.net.hosts.file=" + hosts, "-Dsun.net.inetaddr.ttl=0", "-Dsun.net.inetaddr.negative.ttl=0",
                        "-Djavax.net.ssl.trustStore=" + serverTrusts, "-Djavax.net.ssl.trustStorePassword=" + TestCertificates.PASSWORD,
                        "-Djavax.net.ssl.trustStoreType=PKCS12"));
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void noDeliveryConnectsToADeniedAddressTheRefusedAttemptsAreLoggedAndTheOthersArrive() throws Exception {
        // every attempt on a connection of its own, so every attempt resolves the name
        try (TestReceiver receiver = new TestReceiver().otherwise(new TestReceiver.Status(200, "", Map.of("Connection", "close")));
                ServerSocket denied = new ServerSocket()) {
            int port = receiver.port();
            denied.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), port));
            AtomicInteger deniedConnections = countConnections(denied);
            Api api = new Api(server.url());
            Api.Team team = api.createTeam("Rebinding team");
            JsonObject survey = api.createSurvey(team, "SURVEY", "Rating");
            String surveyId = survey.getString("id");
            api.putWebhook(team, surveyId, "http://" + NAME + ":" + port + receiver.path("/hook"));

            resolve(hosts, "127.0.0.2");
            assertThat(api.send("PUT", Api.webhookPath(team, surveyId), Api.bearer(team.token()), "application/json",
                    "{\"url\":\"http://" + NAME + ":" + port + receiver.path("/other") + "\"}").status())
                    .as("while the name answers the denied address, it is refused at save").isEqualTo(400);

            AtomicBoolean flipping = new AtomicBoolean(true);
            Thread flipper = new Thread(() -> flip(hosts, flipping), "hosts-flipper");
            flipper.start();
            try {
                String answer = "{\"answers\":[{\"questionId\":\"" + survey.getJsonArray("questions").getJsonObject(0).getString("id")
                        + "\",\"response\":4}]}";
                for (int i = 0; i < REBINDING_RESPONSES; i++) {
                    api.submit(surveyId, answer);
                }
                await().atMost(Duration.ofSeconds(90)).until(() -> api.deliveries(team, surveyId).stream()
                        .map(JsonValue::asJsonObject).noneMatch(delivery -> delivery.getString("status").equals("PENDING")));
            } finally {
                flipping.set(false);
                flipper.join();
            }
            List<String> errors = api.deliveries(team, surveyId).stream()
                    .map(delivery -> api.delivery(team, surveyId, delivery.asJsonObject().getString("id")))
                    .flatMap(delivery -> delivery.getJsonArray("attempts").stream())
                    .map(attempt -> attempt.asJsonObject().getString("error", null))
                    .filter(error -> error != null)
                    .toList();
            assertThat(deniedConnections).as("connections to the denied address").hasValue(0);
            assertThat(errors).as("the refused attempts are in the log").isNotEmpty()
                    .allMatch(error -> error.equals("not sent: the endpoint must not resolve to an address in 127.0.0.2/32 (127.0.0.2),"
                            + " a network the operator denies (rateup.delivery.denied-networks)"));
            assertThat(receiver.received()).as("deliveries to the allowed address arrive").isNotEmpty();
        }
    }

    @Test
    void everyKindOfReceiverGetsEveryDeliveryAndNoCredentialShows() throws Exception {
        TestCertificates.Identity clientIdentity = TestCertificates.generate(workDir, "rateup-client", "dns:rateup-client");
        TestCertificates.Identity strangerIdentity = TestCertificates.generate(workDir, "stranger", "dns:stranger");
        Path receiverTrusts = TestCertificates.trustStore(workDir.resolve("receiver-trusts.p12"), List.of(clientIdentity.certificate()));
        int oauth2Port = freePort();
        Process oauth2 = new ProcessBuilder("node", "src/test/node/oauth2-server.mjs", Integer.toString(oauth2Port))
                .redirectErrorStream(true).redirectOutput(workDir.resolve("oauth2.log").toFile()).start();
        String basic = "Basic " + Base64.getEncoder().encodeToString(("rateup:" + BASIC_PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (TestReceiver headerReceiver = new TestReceiver().requiring(request -> API_KEY.equals(request.header("x-api-key")));
                TestReceiver basicReceiver = new TestReceiver().requiring(request -> basic.equals(request.header("authorization")));
                TestReceiver bearerReceiver = new TestReceiver().requiring(request -> active(oauth2Port, request.header("authorization")));
                MtlsReceiver mtlsReceiver = new MtlsReceiver(receiverIdentity.keyStore(), receiverTrusts)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(workDir.resolve("oauth2.log")).contains("listening"));
            Api api = new Api(server.url());
            Api.Team team = api.createTeam("Authenticated receivers");
            JsonObject survey = api.createSurvey(team, "SURVEY", "Rating");
            String surveyId = survey.getString("id");

            String headers = create(api, team, headerReceiver.url("/hook"), Json.createObjectBuilder().add("type", "headers")
                    .add("headers", Json.createObjectBuilder().add("X-Api-Key", API_KEY)).build());
            String basicHook = create(api, team, basicReceiver.url("/hook"), Json.createObjectBuilder().add("type", "basic")
                    .add("username", "rateup").add("password", BASIC_PASSWORD).build());
            String bearer = create(api, team, bearerReceiver.url("/hook"), Json.createObjectBuilder().add("type", "bearer-oauth2")
                    .add("tokenUrl", "http://127.0.0.1:" + oauth2Port + "/token").add("clientId", "rateup-webhooks")
                    .add("clientSecret", CLIENT_SECRET).add("scope", "deliveries").build());
            String mtls = create(api, team, mtlsReceiver.url("/hook"), Json.createObjectBuilder().add("type", "mtls")
                    .add("certificate", clientIdentity.certificatePem()).add("privateKey", clientIdentity.privateKeyPem()).build());
            String stranger = create(api, team, mtlsReceiver.url("/stranger"), Json.createObjectBuilder().add("type", "mtls")
                    .add("certificate", strangerIdentity.certificatePem()).add("privateKey", strangerIdentity.privateKeyPem()).build());

            String answer = "{\"answers\":[{\"questionId\":\"" + survey.getJsonArray("questions").getJsonObject(0).getString("id")
                    + "\",\"response\":4}]}";
            for (int i = 0; i < RESPONSES; i++) {
                api.submit(surveyId, answer);
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(List.of(headerReceiver.received().size(),
                    basicReceiver.received().size(), bearerReceiver.received().size(), mtlsReceiver.received().size()))
                    .as("header, basic, bearer, mtls; errors: " + errors(api, team, headers) + errors(api, team, basicHook)
                            + errors(api, team, bearer) + errors(api, team, mtls))
                    .containsOnly(RESPONSES));
            for (String webhookId : List.of(headers, basicHook, bearer, mtls)) {
                assertThat(deliveries(api, team, webhookId)).as("webhook " + webhookId).hasSize(RESPONSES)
                        .allSatisfy(delivery -> assertThat(delivery.getString("status")).isEqualTo("DELIVERED"));
            }
            assertThat(headerReceiver.received()).allSatisfy(request -> assertThat(request.header("x-rateup-signature")).as("signed as ever").isNotBlank());
            assertThat(bearerReceiver.received()).allSatisfy(request -> assertThat(request.header("webhook-signature")).startsWith("v1,"));

            // a client certificate the receiver does not know: the receiver ends the handshake, no request reaches it,
            // no attempt has an answer (with TLS 1.3 the client learns it as a TLS alert, or as a reset or broken pipe
            // once it has sent the request, depending on timing)
            await().atMost(Duration.ofSeconds(30)).until(() -> errors(api, team, stranger).size() >= RESPONSES);
            assertThat(deliveries(api, team, stranger)).noneMatch(delivery -> delivery.getString("status").equals("DELIVERED"));
            assertThat(mtlsReceiver.received()).as("only the known certificate's requests got through").hasSize(RESPONSES);

            // a wrong password: that attempt's 401; the user name alone keeps the stored password
            change(api, team, basicHook, basicReceiver.url("/hook"), Json.createObjectBuilder().add("type", "basic")
                    .add("username", "rateup").add("password", "wrong-password").build());
            api.submit(surveyId, answer);
            await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(api, team, basicHook).stream()
                    .anyMatch(delivery -> api.call(team, "GET", "api/teams/" + team.id() + "/webhooks/" + basicHook + "/deliveries/"
                            + delivery.getString("id")).object().getJsonArray("attempts").stream()
                            .anyMatch(attempt -> attempt.asJsonObject().getInt("statusCode", 0) == 401)));

            Api.Reply incomplete = api.send("POST", "api/teams/" + team.id() + "/webhooks", Api.bearer(team.token()), "application/json",
                    "{\"url\":\"" + basicReceiver.url("/other") + "\",\"surveys\":\"all\",\"authentication\":{\"type\":\"basic\",\"username\":\"x\"}}");
            assertThat(incomplete.status()).as(incomplete.body()).isEqualTo(400);
            assertThat(incomplete.body()).contains("authentication: password is required");
            Api.Reply reserved = api.send("POST", "api/teams/" + team.id() + "/webhooks", Api.bearer(team.token()), "application/json",
                    "{\"url\":\"" + basicReceiver.url("/other") + "\",\"surveys\":\"all\",\"authentication\":{\"type\":\"headers\",\"headers\":{\"webhook-signature\":\"x\"}}}");
            assertThat(reserved.status()).as(reserved.body()).isEqualTo(400);

            String everything = api.call(team, "GET", "api/teams/" + team.id() + "/webhooks").body()
                    + api.call(team, "GET", "api/teams/" + team.id() + "/webhooks/" + mtls).body()
                    + api.call(team, "GET", "api/teams/" + team.id() + "/webhooks/" + basicHook).body()
                    + api.call(team, "GET", "api/teams/" + team.id() + "/webhooks/" + bearer).body()
                    + api.call(team, "GET", "api/teams/" + team.id() + "/webhooks/" + headers).body();
            assertThat(everything).contains("\"type\":\"mtls\"", "CN=rateup-client", "\"username\":\"rateup\"", "X-Api-Key")
                    .doesNotContain(API_KEY, BASIC_PASSWORD, CLIENT_SECRET, "PRIVATE KEY");
            assertThat(Files.readString(server.log())).doesNotContain(API_KEY, BASIC_PASSWORD, "wrong-password", CLIENT_SECRET, "PRIVATE KEY");
        } finally {
            oauth2.destroy();
        }
    }

    /** Rewrites the hosts file (whole, by renaming, so the server never reads half of one) until told to stop. */
    private static void flip(Path hosts, AtomicBoolean flipping) {
        try {
            for (boolean allowed = true; flipping.get(); allowed = !allowed) {
                resolve(hosts, allowed ? "127.0.0.1" : "127.0.0.2");
                Thread.sleep(1);
            }
            resolve(hosts, "127.0.0.1");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void resolve(Path hosts, String address) throws IOException {
        Path next = Files.createTempFile(hosts.getParent(), "hosts", ".next");
        Files.writeString(next, "127.0.0.1 localhost " + InetAddress.getLocalHost().getHostName() + "\n"
                + "::1 localhost\n"
                + address + " " + NAME + "\n");
        Files.move(next, hosts, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static AtomicInteger countConnections(ServerSocket socket) {
        AtomicInteger connections = new AtomicInteger();
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket connection = socket.accept()) {
                    connections.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "denied-address");
        acceptor.setDaemon(true);
        acceptor.start();
        return connections;
    }

    private static String create(Api api, Api.Team team, String url, JsonObject authentication) {
        Api.Reply created = api.send("POST", "api/teams/" + team.id() + "/webhooks", Api.bearer(team.token()),
                Json.createObjectBuilder().add("url", url).add("surveys", "all").add("authentication", authentication).build());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.object().getString("id");
    }

    private static void change(Api api, Api.Team team, String webhookId, String url, JsonObject authentication) {
        Api.Reply changed = api.send("PUT", "api/teams/" + team.id() + "/webhooks/" + webhookId, Api.bearer(team.token()),
                Json.createObjectBuilder().add("url", url).add("surveys", "all").add("authentication", authentication).build());
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    }

    private static List<JsonObject> deliveries(Api api, Api.Team team, String webhookId) {
        return api.call(team, "GET", "api/teams/" + team.id() + "/webhooks/" + webhookId + "/deliveries").array().stream()
                .map(JsonValue::asJsonObject).toList();
    }

    private static List<String> errors(Api api, Api.Team team, String webhookId) {
        return deliveries(api, team, webhookId).stream()
                .flatMap(delivery -> api.call(team, "GET", "api/teams/" + team.id() + "/webhooks/" + webhookId + "/deliveries/"
                        + delivery.getString("id")).object().getJsonArray("attempts").stream())
                .map(attempt -> attempt.asJsonObject().getString("error", null))
                .filter(error -> error != null)
                .toList();
    }

    /** The receiver's check: the authorization server says the bearer token is one it issued and still active. */
    private static boolean active(int oauth2Port, String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        try {
            HttpResponse<String> introspection = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + oauth2Port + "/token/introspection"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "receiver:the-receivers-introspection-secret-0123456789".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + authorization.substring("Bearer ".length())))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return introspection.body().contains("\"active\":true") && introspection.body().contains("\"scope\":\"deliveries\"");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
