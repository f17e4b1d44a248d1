package com.rateup.webhooks.egress.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.ServerProcess;
import com.rateup.webhooks.testing.TestReceiver;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A name that answers one address to the check and another to the connection (DNS rebinding) cannot lead
 * a delivery to a denied network (#32 part 1): the server resolves through a hosts file
 * ({@code jdk.net.hosts.file}, no cache) that the test flips every millisecond between 127.0.0.1, where the
 * receiver listens, and 127.0.0.2 ({@code rateup.delivery.denied-networks}), where a socket counts whoever
 * connects. Before the connection was pinned to the addresses checked for it, deliveries reached the denied
 * address in every run. Its own server (JVM options), on H2 only; about 35 s.
 */
class DnsRebindingIT {

    private static final String NAME = "rebinding.test";
    private static final int RESPONSES = 20;

    @TempDir
    Path workDir;

    @Test
    void noDeliveryConnectsToADeniedAddressTheRefusedAttemptsAreLoggedAndTheOthersArrive() throws Exception {
        Path hosts = workDir.resolve("hosts");
        // every attempt on a connection of its own, so every attempt resolves the name
        try (TestReceiver receiver = new TestReceiver().otherwise(new TestReceiver.Status(200, "", Map.of("Connection", "close")));
                ServerSocket denied = new ServerSocket()) {
            int port = receiver.port();
            denied.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), port));
            AtomicInteger deniedConnections = countConnections(denied);
            resolve(hosts, "127.0.0.1");
            try (ServerProcess server = ServerProcess.start(workDir, "rebinding",
                    ServerProcess.testConfig(workDir, Map.of("rateup.delivery.denied-networks", "127.0.0.2/32")),
                    List.of("-Djdk.net.hosts.file=" + hosts, "-Dsun.net.inetaddr.ttl=0", "-Dsun.net.inetaddr.negative.ttl=0"))) {
                Api api = new Api(server.url());
                Api.Team team = api.createTeam("Rebinding team");
                JsonObject survey = api.createSurvey(team, "SURVEY", "Rating");
                String surveyId = survey.getString("id");
                api.putWebhook(team, surveyId, "http://" + NAME + ":" + port + "/hook");

                resolve(hosts, "127.0.0.2");
                assertThat(api.send("PUT", Api.webhookPath(team, surveyId), Api.bearer(team.token()), "application/json",
                        "{\"url\":\"http://" + NAME + ":" + port + "/other\"}").status())
                        .as("while the name answers the denied address, it is refused at save").isEqualTo(400);

                AtomicBoolean flipping = new AtomicBoolean(true);
                Thread flipper = new Thread(() -> flip(hosts, flipping), "hosts-flipper");
                flipper.start();
                try {
                    String answer = "{\"answers\":[{\"questionId\":\"" + survey.getJsonArray("questions").getJsonObject(0).getString("id")
                            + "\",\"response\":4}]}";
                    for (int i = 0; i < RESPONSES; i++) {
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
}
