package com.rateup.webhooks.egress.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.ServerProcess;
import com.rateup.webhooks.testing.TestReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every delivery POST goes through the egress proxy (#32 part 3): a real Squid (src/test/proxy/squid.sh)
 * in front of the receiver; its access log shows each delivery, and the app still refuses what its own
 * rules forbid. Its own server (the proxy is a server-wide setting), on H2 only; about 30 s.
 */
class EgressProxyIT {

    @TempDir
    Path workDir;

    @Test
    void deliveriesGoThroughTheProxyItsLogShowsThemAndADeniedNetworkIsStillRefused() throws Exception {
        int proxyPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            proxyPort = socket.getLocalPort();
        }
        // not under workDir: Squid works as the user proxy, which may not enter the test's own temporary directory
        Path proxyDir = Files.createTempDirectory("rateup-squid-");
        squid("start", proxyDir.toString(), Integer.toString(proxyPort));
        try (TestReceiver receiver = new TestReceiver();
                ServerProcess server = ServerProcess.start(workDir, "proxied", ServerProcess.testConfig(workDir, Map.of(
                        "rateup.delivery.proxy", "http://127.0.0.1:" + proxyPort,
                        "rateup.delivery.denied-networks", "127.0.0.2/32")))) {
            Api api = new Api(server.url());
            Api.Team team = api.createTeam("Proxied team");
            JsonObject survey = api.createSurvey(team, "SURVEY", "Rating");
            String surveyId = survey.getString("id");
            String secret = api.putWebhook(team, surveyId, receiver.url("/through-the-proxy")).getString("secret");
            String answer = "{\"answers\":[{\"questionId\":\"" + survey.getJsonArray("questions").getJsonObject(0).getString("id")
                    + "\",\"response\":4}]}";
            for (int i = 0; i < 3; i++) {
                api.submit(surveyId, answer);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() == 3);
            assertThat(receiver.received()).allSatisfy(request ->
                    assertThat(request.header("x-rateup-signature")).as("signed as ever").isEqualTo(Signatures.rateup(secret, request.body())));
            Path accessLog = proxyDir.resolve("access.log");
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(accessLog)
                    && Files.readAllLines(accessLog).stream().filter(line -> line.contains("POST " + receiver.url("/through-the-proxy"))).count() == 3);

            Api.Reply denied = api.send("PUT", Api.webhookPath(team, surveyId), Api.bearer(team.token()),
                    Json.createObjectBuilder().add("url", "http://127.0.0.2:" + receiver.port() + "/x").build());
            assertThat(denied.status()).as("the app's own rules hold behind the proxy: " + denied.body()).isEqualTo(400);
            assertThat(denied.body()).contains("rateup.delivery.denied-networks");
            assertThat(api.deliveries(team, surveyId)).allSatisfy(delivery -> assertThat(delivery.asJsonObject().getString("status")).isEqualTo("DELIVERED"));
        } finally {
            squid("stop", proxyDir.toString());
            try (var files = Files.walk(proxyDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    private static void squid(String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 2];
        command[0] = "bash";
        command[1] = "src/test/proxy/squid.sh";
        System.arraycopy(arguments, 0, command, 2, arguments.length);
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("squid.sh " + String.join(" ", arguments) + " failed");
        }
    }
}
