import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What an erasure (#34) leaves on disk, measured (bench/run.sh --erasure-residue [--postgresql]): stores
 * responses of one respondent with a marker phone number and free text, lets them be delivered, erases
 * them through the API, and counts the marker's bytes in the database's files — H2's file; PostgreSQL's
 * table files and its write-ahead log — right after, and after what makes them go away (H2: the app's
 * compaction, given time; PostgreSQL: CHECKPOINT, VACUUM, VACUUM FULL). Run as a single-file program.
 */
public class ErasureResidue {

    private static final String PHONE = "19998887776";
    private static final String TEXT = "erasure-residue-marker";
    private static final int RESPONSES = 100;
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"apiToken\":\"([^\"]+)\"");

    private final Map<String, String> options;
    private final URI base;
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<String> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int status = 1;
        try {
            new ErasureResidue(options).run();
            status = 0;
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            System.exit(status);
        }
    }

    ErasureResidue(Map<String, String> options) {
        this.options = options;
        this.base = URI.create(options.get("base") + "/");
    }

    void run() throws Exception {
        if (options.containsKey("count")) {
            // a file measured again after the server stopped (bench/run.sh compacts it offline first)
            Path file = Path.of(options.get("count"));
            String row = "| " + options.get("when") + " | " + occurrences(file, PHONE) + " | " + occurrences(file, TEXT) + " | "
                    + Files.size(file) / 1024 + " KiB |\n";
            System.out.print(row);
            Files.writeString(Path.of(options.get("report")), row, StandardOpenOption.APPEND);
            return;
        }
        awaitReady();
        AtomicInteger delivered = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            delivered.incrementAndGet();
        });
        receiver.start();
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + options.get("admin-password")).getBytes(StandardCharsets.UTF_8));
        String team = send("POST", "api/teams", basic, "{\"name\":\"Residue\"}");
        String teamId = first(ID, team);
        String bearer = "Bearer " + first(TOKEN, team);
        String survey = send("POST", "api/teams/" + teamId + "/surveys", bearer,
                "{\"kind\":\"FLOW\",\"title\":\"Residue\",\"tag\":\"residue\",\"questions\":[{\"type\":\"Rating\",\"title\":\"Rate\"},{\"type\":\"Text\",\"title\":\"Why\"}]}");
        Matcher ids = ID.matcher(survey);
        List<String> found = new ArrayList<>();
        while (ids.find()) {
            found.add(ids.group(1));
        }
        String surveyId = found.get(0);
        send("PUT", "api/teams/" + teamId + "/surveys/" + surveyId + "/webhook", bearer,
                "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\",\"enabled\":true}");
        String answers = "{\"phone\":\"+" + PHONE + "\",\"language\":\"en\",\"answers\":[{\"questionId\":\"" + found.get(1) + "\",\"response\":4},"
                + "{\"questionId\":\"" + found.get(2) + "\",\"response\":\"" + TEXT + "\"}]}";
        for (int i = 0; i < RESPONSES; i++) {
            send("POST", "api/surveys/" + surveyId + "/responses", null, answers);
        }
        while (delivered.get() < RESPONSES) {
            Thread.sleep(100);
        }
        Thread.sleep(2000); // the attempts' records
        count("before the erasure");
        String erased = send("POST", "api/teams/" + teamId + "/erasures", bearer, "{\"phone\":\"" + PHONE + "\"}");
        System.out.println("erasure: " + erased);
        count("right after the erasure");
        if ("postgresql".equals(options.get("database"))) {
            psql("VACUUM");
            count("after VACUUM");
            psql("VACUUM FULL");
            count("after VACUUM FULL");
        } else {
            for (int seconds : new int[] {10, 60}) {
                Thread.sleep(seconds * 1000L);
                count(seconds + " s later (the app compacts the file every rateup.db.h2-compaction-interval)");
            }
        }
        receiver.stop(0);
        String report = "| when | " + ("postgresql".equals(options.get("database"))
                ? "phone in table files | free text in table files | phone in WAL | free text in WAL |\n| --- | --- | --- | --- | --- |\n"
                : "phone in the H2 file | free text in the H2 file | file size |\n| --- | --- | --- | --- |\n")
                + String.join("\n", rows) + "\n";
        System.out.println(report);
        Files.writeString(Path.of(options.getOrDefault("report", "target/erasure-residue.md")), report);
    }

    private void count(String when) throws Exception {
        if ("postgresql".equals(options.get("database"))) {
            psql("CHECKPOINT"); // what is in shared buffers reaches the files
            Path data = Path.of(psql("SHOW data_directory").strip());
            rows.add("| " + when + " | " + occurrences(data.resolve("base"), PHONE) + " | " + occurrences(data.resolve("base"), TEXT) + " | "
                    + occurrences(data.resolve("pg_wal"), PHONE) + " | " + occurrences(data.resolve("pg_wal"), TEXT) + " |");
        } else {
            Path file = Path.of(options.get("store-file"));
            rows.add("| " + when + " | " + occurrences(file, PHONE) + " | " + occurrences(file, TEXT) + " | " + Files.size(file) / 1024 + " KiB |");
        }
        System.out.println(rows.get(rows.size() - 1));
    }

    /** How often the marker's bytes occur in the file or the files under the directory. */
    private static long occurrences(Path where, String marker) throws IOException {
        byte[] needle = marker.getBytes(StandardCharsets.US_ASCII);
        try (Stream<Path> files = Files.isDirectory(where) ? Files.walk(where) : Stream.of(where)) {
            long total = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(file);
                } catch (IOException gone) {
                    continue; // a WAL segment recycled meanwhile
                }
                outer:
                for (int i = 0; i + needle.length <= bytes.length; i++) {
                    for (int j = 0; j < needle.length; j++) {
                        if (bytes[i + j] != needle[j]) {
                            continue outer;
                        }
                    }
                    total++;
                }
            }
            return total;
        }
    }

    private String psql(String sql) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", options.get("psql") + " -Atc '" + sql + "'").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(sql + ": " + out);
        }
        return out;
    }

    private void awaitReady() throws Exception {
        HttpRequest probe = HttpRequest.newBuilder(base.resolve("api/surveys/none/responses"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"answers\":[]}")).build();
        for (int i = 0; i < 1200; i++) {
            try {
                // the app's own JSON 404 for an unknown survey, not the server's page while it still deploys
                HttpResponse<Void> answer = client.send(probe, HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 404 && answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server did not get ready");
    }

    private String send(String method, String path, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException(pattern + " not in " + text);
        }
        return matcher.group(1);
    }
}
