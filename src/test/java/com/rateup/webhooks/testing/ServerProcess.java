package com.rateup.webhooks.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The packaged WAR on the server under test (Payara Micro, or WildFly when
 * {@code rateup.test.server=wildfly}) in a process of its own, so a test can kill it the hard way
 * (SIGKILL) and start it again on the same database.
 */
public final class ServerProcess implements AutoCloseable {

    private static final boolean WILDFLY = "wildfly".equals(System.getProperty("rateup.test.server"));
    /** http, https, management http and https, ajp, transaction recovery and status */
    private static final int[] WILDFLY_PORTS = {8080, 8443, 9990, 9993, 8009, 4712, 4713};

    private final Process process;
    private final int port;
    private final long startedNanos = System.nanoTime();

    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Everything the server wrote to stdout and stderr. */
    public Path log() {
        return log;
    }

    /**
     * The configuration process-based tests share: the tests' settings (test-settings.properties),
     * a file database in {@code workDir}, or the tests' PostgreSQL server when
     * {@code rateup.test.db=postgresql}, and retries 1.5 s apart, so that a server killed between
     * retries dies before a delivery's round is over.
     */
    public static Map<String, String> testConfig(Path workDir, Map<String, String> overrides) {
        Map<String, String> config = new java.util.HashMap<>(TestSettings.asMap());
        config.put("rateup.db.url", "jdbc:h2:file:" + workDir.resolve("db/rateup") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;RETENTION_TIME=5000");
        config.put("rateup.admin.password", Api.ADMIN_PASSWORD);
        config.put("rateup.delivery.backoff-initial-ms", "1500");
        if ("postgresql".equals(System.getProperty("rateup.test.db"))) {
            config.put("rateup.db.url", "jdbc:postgresql://127.0.0.1:" + System.getProperty("pg.port", "12432") + "/rateup");
            config.put("rateup.db.datasource-class", "org.postgresql.ds.PGSimpleDataSource");
            // WildFly: the driver packaged in the WAR, named after the deployment (WEB-INF/rateup-ds.xml)
            config.put("rateup.db.wildfly-driver", "rateup-webhooks.war_org.postgresql.Driver_42_7");
        }
        config.putAll(overrides);
        return config;
    }

    /** Starts the app with the given configuration (as system properties) and waits until it answers. */
    public static ServerProcess start(Path workDir, String name, Map<String, String> config) throws IOException, InterruptedException {
        return start(workDir, name, config, List.of());
    }

    /**
     * Starts the app with {@code jvmOptions} given to the server's JVM itself, for what the JDK reads
     * before the server sets its system properties (e.g. {@code -Djdk.net.hosts.file}).
     */
    public static ServerProcess start(Path workDir, String name, Map<String, String> config, List<String> jvmOptions)
            throws IOException, InterruptedException {
        ServerProcess server = launch(workDir, name, config, jvmOptions);
        server.awaitReady(Duration.ofMinutes(3));
        return server;
    }

    private static ServerProcess launch(Path workDir, String name, Map<String, String> config) throws IOException {
        return launch(workDir, name, config, List.of());
    }

    private static ServerProcess launch(Path workDir, String name, Map<String, String> config, List<String> jvmOptions) throws IOException {
        List<String> properties = new ArrayList<>();
        config.forEach((key, value) -> properties.add("-D" + key + "=" + value));
        ProcessBuilder builder;
        int port;
        if (WILDFLY) {
            int offset = freePortOffset(WILDFLY_PORTS);
            port = 8080 + offset;
            builder = wildfly(workDir.resolve("wildfly-" + name), offset, properties, jvmOptions);
        } else {
            port = freePort();
            builder = payaraMicro(workDir.resolve("payara-" + name), port, jvmOptions, properties);
        }
        Path logs = Path.of(System.getProperty("server.logs", "target/server-logs"));
        Files.createDirectories(logs);
        Path log = logs.resolve(workDir.getFileName() + "-" + name + ".log");
        Process process = builder.directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new ServerProcess(process, port, log);
    }

    private static ProcessBuilder payaraMicro(Path rootDir, int port, List<String> jvmOptions, List<String> properties) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(properties);
        command.addAll(List.of("-jar", System.getProperty("payara.microJar"),
                "--nohazelcast", "--disablephonehome", "--port", Integer.toString(port), "--contextroot", "/",
                "--rootdir", rootDir.toString(),
                "--prebootcommandfile", System.getProperty("preboot.file"),
                "--deploy", System.getProperty("war.file")));
        return new ProcessBuilder(command);
    }

    /**
     * A server base directory of its own (configuration prepared by configure.cli, the WAR in its
     * deployments), on the shared installation; kept across restarts of the same name.
     */
    private static ProcessBuilder wildfly(Path baseDir, int portOffset, List<String> properties, List<String> jvmOptions) throws IOException {
        Path home = Path.of(System.getProperty("wildfly.home"));
        if (!Files.isDirectory(baseDir.resolve("configuration"))) {
            copyConfiguration(home.resolve("standalone/configuration"), baseDir.resolve("configuration"));
        }
        Files.createDirectories(baseDir.resolve("deployments"));
        Files.copy(Path.of(System.getProperty("war.file")), baseDir.resolve("deployments/rateup-webhooks.war"), StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + baseDir, "-Djboss.socket.binding.port-offset=" + portOffset,
                "-b", "127.0.0.1", "-bmanagement", "127.0.0.1"));
        command.addAll(properties);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS", "-Xmx512m -XX:TieredStopAtLevel=1 -Djava.net.preferIPv4Stack=true"
                + " -Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true " + String.join(" ", jvmOptions));
        return builder;
    }

    /**
     * Copies the installation's configuration without its deployments: the Arquillian tests' WAR stays
     * deployed on the shared server for the whole run (OneDeploymentPerRun), and this server deploys
     * its own from its deployments directory.
     */
    private static void copyConfiguration(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (file.getFileName().toString().equals("standalone.xml")) {
                    Files.writeString(target, DEPLOYMENTS.matcher(Files.readString(file)).replaceAll(""));
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static final Pattern DEPLOYMENTS = Pattern.compile("<deployments>.*?</deployments>", Pattern.DOTALL);

    public URL url() {
        try {
            return URI.create("http://127.0.0.1:" + port + "/").toURL();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A MicroProfile Health check ({@code live}, {@code ready}): the app's port on Payara, the management port on WildFly. */
    public URI health(String check) {
        int healthPort = WILDFLY ? port - 8080 + 9990 : port;
        return URI.create("http://127.0.0.1:" + healthPort + "/health/" + check);
    }

    public Duration startedIn() {
        return Duration.ofNanos(readyNanos - startedNanos);
    }

    private long readyNanos;

    private void awaitReady(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + log);
            }
            if (answers()) {
                readyNanos = System.nanoTime();
                return;
            }
            Thread.sleep(200);
        }
        kill();
        throw new IllegalStateException("the server did not become ready within " + patience + "; see " + log);
    }

    private static final HttpClient PROBE = HttpClient.newHttpClient();

    /** Whether the app (not just the server) answers: its own JSON 404 for an unknown survey. */
    private boolean answers() throws InterruptedException {
        try {
            HttpResponse<Void> response = PROBE.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/surveys/none/responses"))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"answers\":[]}")).header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 404 && response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        } catch (IOException notYet) {
            return false; // not listening yet
        }
    }

    /**
     * Starts the app expecting it not to come up: waits until the server log shows {@code line}
     * (the server may exit, or keep running without the application), stops it, and returns the
     * log. Fails when the app answers instead, or the server exits or the time is up without the line.
     */
    public static String startFailing(Path workDir, String name, Map<String, String> config, String line, Duration patience)
            throws IOException, InterruptedException {
        try (ServerProcess server = launch(workDir, name, config)) {
            long deadline = System.nanoTime() + patience.toNanos();
            while (System.nanoTime() < deadline) {
                boolean exited = !server.process.isAlive();
                String log = Files.readString(server.log);
                if (log.contains(line)) {
                    return log;
                }
                if (exited) {
                    throw new IllegalStateException("the server exited without '" + line + "'; see " + server.log);
                }
                if (server.answers()) {
                    throw new IllegalStateException("the app started; see " + server.log);
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("'" + line + "' did not appear within " + patience + "; see " + server.log);
        }
    }

    /**
     * SIGTERM: the server shuts down as an operator's stop would, and this waits until it has exited.
     * WildFly's JVM is a child of standalone.sh: the signal goes to the JVMs, not only to the script,
     * and this waits for each of them, since the script may exit first while the JVM still holds the
     * embedded database's file lock the next server needs.
     */
    public void stop() throws InterruptedException {
        if (!endAll(false, Duration.ofMinutes(2))) {
            throw new IllegalStateException("the server did not stop within 2 minutes; see " + log);
        }
    }

    /** SIGKILL: no shutdown hooks, no graceful undeploy, in-flight work simply stops. */
    public void kill() throws InterruptedException {
        endAll(true, Duration.ofMinutes(1));
    }

    @Override
    public void close() throws InterruptedException {
        if (!endAll(false, Duration.ofSeconds(30))) {
            kill();
        }
    }

    /** Signals the process and its descendants; true when all of them exited within {@code patience}. */
    private boolean endAll(boolean forcibly, Duration patience) throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(handle -> {
            if (forcibly) {
                handle.destroyForcibly();
            } else {
                handle.destroy();
            }
        });
        long deadline = System.nanoTime() + patience.toNanos();
        for (ProcessHandle handle : all) {
            while (handle.isAlive()) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(50);
            }
        }
        process.waitFor();
        return true;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A port offset at which every port of a stock WildFly standalone.xml is free. */
    private static int freePortOffset(int[] ports) {
        for (int attempt = 0; attempt < 100; attempt++) {
            // every port below 32768, where Linux hands out no ephemeral ports: a port found free could
            // otherwise be taken by an outgoing connection before WildFly binds it (seen in CI on PostgreSQL)
            int offset = ThreadLocalRandom.current().nextInt(10_000, 22_000);
            if (Arrays.stream(ports).allMatch(port -> isFree(port + offset))) {
                return offset;
            }
        }
        throw new IllegalStateException("no free port offset for WildFly");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
