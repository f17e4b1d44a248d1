package com.rateup.webhooks.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged WAR on Payara Micro in a process of its own, so a test can kill it the hard way
 * (SIGKILL) and start it again on the same database.
 */
public final class MicroProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final long startedNanos = System.nanoTime();

    private final Path log;

    private MicroProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Everything the server wrote to stdout and stderr. */
    public Path log() {
        return log;
    }

    /**
     * The configuration process-based tests share: quick timeouts and retries, and a file database
     * in {@code workDir}, or the tests' PostgreSQL server when {@code rateup.test.db=postgresql}.
     */
    public static Map<String, String> testConfig(Path workDir, Map<String, String> overrides) {
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "rateup.db.url", "jdbc:h2:file:" + workDir.resolve("db/rateup") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                "rateup.admin.password", Api.ADMIN_PASSWORD,
                "rateup.delivery.timeout-ms", "1500",
                "rateup.delivery.backoff-initial-ms", "1500",
                "rateup.delivery.sweep-interval-ms", "1000",
                "rateup.delivery.lease-ms", "2000",
                "rateup.delivery.allow-private-network", "true", // the test receivers are on 127.0.0.1
                // the per-endpoint circuit would pause a failing test receiver for 30 s; tests that want it set it
                "rateup.delivery.breaker-failures", "1000"));
        if ("postgresql".equals(System.getProperty("rateup.test.db"))) {
            config.put("rateup.db.url", "jdbc:postgresql://127.0.0.1:" + System.getProperty("pg.port", "55432") + "/rateup");
            config.put("rateup.db.datasource-class", "org.postgresql.ds.PGSimpleDataSource");
        }
        config.putAll(overrides);
        return config;
    }

    /** Starts the app with the given configuration (as system properties) and waits until it answers. */
    public static MicroProcess start(Path workDir, String name, Map<String, String> config) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m", "-XX:TieredStopAtLevel=1"));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", System.getProperty("payara.microJar"),
                "--nohazelcast", "--disablephonehome", "--port", Integer.toString(port), "--contextroot", "/",
                "--rootdir", workDir.resolve("payara-" + name).toString(),
                "--prebootcommandfile", System.getProperty("preboot.file"),
                "--deploy", System.getProperty("war.file")));
        Path logs = Path.of(System.getProperty("micro.logs", "target/micro-logs"));
        java.nio.file.Files.createDirectories(logs);
        Path log = logs.resolve(workDir.getFileName() + "-" + name + ".log");
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        MicroProcess micro = new MicroProcess(process, port, log);
        micro.awaitReady(Duration.ofMinutes(3));
        return micro;
    }

    public URL url() {
        try {
            return URI.create("http://127.0.0.1:" + port + "/").toURL();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Duration startedIn() {
        return Duration.ofNanos(readyNanos - startedNanos);
    }

    private long readyNanos;

    private void awaitReady(Duration patience) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/surveys/none/responses"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"answers\":[]}")).header("Content-Type", "application/json").build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 404 && response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                    readyNanos = System.nanoTime();
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("Payara Micro did not become ready within " + patience);
    }

    /** SIGTERM: the server shuts down as an operator's stop would, and this waits until it has exited. */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** SIGKILL: no shutdown hooks, no graceful undeploy, in-flight work simply stops. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(Duration.ofSeconds(30).toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
