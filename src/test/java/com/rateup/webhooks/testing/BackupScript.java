package com.rateup.webhooks.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code ops/backup.sh} as an operator would, with the app's database settings in its environment. */
public final class BackupScript {

    public record Run(int exitCode, String output) {
    }

    private BackupScript() {
    }

    /** {@code action} is {@code create} or {@code restore}; {@code environment} the RATEUP_* variables. */
    public static Run run(String action, Path dir, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", "ops/backup.sh", action, dir.toString())).redirectErrorStream(true);
        Map<String, String> env = new HashMap<>(environment);
        env.putIfAbsent("RATEUP_H2_JAR", System.getProperty("h2.jar"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("ops/backup.sh " + action + " did not end: " + output);
        }
        return new Run(process.exitValue(), output);
    }
}
