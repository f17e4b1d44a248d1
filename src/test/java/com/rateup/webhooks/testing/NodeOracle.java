package com.rateup.webhooks.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real Node.js as the judge of what receivers will compute: {@code JSON.stringify(JSON.parse(body))},
 * the documented signature check, and the official Standard Webhooks library
 * (src/test/node, installed by {@code npm ci} during the build).
 */
public final class NodeOracle {

    private static final Path DIR = Path.of(System.getProperty("node.dir", "src/test/node"));

    private NodeOracle() {
    }

    /** Runs verify.js on one delivery; see its header for the fields of the answer. */
    public static JsonObject verify(byte[] body, Map<String, String> headers, String secret) throws IOException, InterruptedException {
        Path bodyFile = Files.createTempFile("delivery", ".json");
        Path headersFile = Files.createTempFile("headers", ".json");
        try {
            Files.write(bodyFile, body);
            var headerJson = Json.createObjectBuilder();
            headers.forEach(headerJson::add);
            Files.writeString(headersFile, headerJson.build().toString());
            return Json.createReader(new StringReader(run("verify.js", bodyFile.toString(), headersFile.toString(), secret))).readObject();
        } finally {
            Files.deleteIfExists(bodyFile);
            Files.deleteIfExists(headersFile);
        }
    }

    /** Runs a script of src/test/node and returns what it printed. */
    public static String run(String script, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 2];
        command[0] = "node";
        command[1] = DIR.resolve(script).toString();
        System.arraycopy(args, 0, command, 2, args.length);
        Process node = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
        byte[] output = node.getInputStream().readAllBytes();
        if (!node.waitFor(60, TimeUnit.SECONDS) || node.exitValue() != 0) {
            throw new IllegalStateException("node " + script + " failed: " + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
