package com.rateup.webhooks.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A {@link TestReceiver} in a JVM of its own, for outages that are real: {@link #kill()} ends the
 * process with SIGKILL, and its port refuses connections until a receiver is started on it again.
 * What it received is read back from the file it appends each x-webhook-id to.
 */
public final class ReceiverProcess implements AutoCloseable {

    private final Process process;
    private final Path record;

    private ReceiverProcess(Process process, Path record) {
        this.process = process;
        this.record = record;
    }

    /** Starts one on {@code port}, appending to {@code record}, and waits until it listens. */
    public static ReceiverProcess start(int port, Path record) throws IOException, InterruptedException {
        Path log = Files.createTempFile(record.getParent(), "receiver-", ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Path.of("target", "test-classes").toAbsolutePath().toString(), TestReceiver.class.getName(),
                Integer.toString(port), record.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!Files.readString(log).contains("listening on " + port)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the receiver process did not start on port " + port + ": " + Files.readString(log));
            }
            Thread.sleep(50);
        }
        return new ReceiverProcess(process, record);
    }

    /** The x-webhook-ids it (and any earlier process on the same record) received, in arrival order. */
    public List<String> received() throws IOException {
        return Files.exists(record) ? Files.readAllLines(record) : List.of();
    }

    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
