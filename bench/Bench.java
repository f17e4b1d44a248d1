import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator and receiver of bench/run.sh (run as a single-file program: java bench/Bench.java).
 * Everything is measured in one run, on one machine, so the end-to-end figures can be read as
 * ratios of the raw HTTP ceiling: the same client, keep-alive connections and concurrency,
 * POSTing a typical delivery straight to the same receiver.
 */
public class Bench {

    private static final Pattern PHONE = Pattern.compile("\"phone\":\"(\\d+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"apiToken\":\"([^\"]+)\"");
    private static final Pattern QUESTION_IDS = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"title\"");

    private final Map<String, String> options;
    private final URI base;
    private final HttpClient client;
    private final Receiver receiver;
    private final AtomicLong phones = new AtomicLong(1_000_000_000L);
    private final List<String[]> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("seconds", "15", "concurrency", "8", "rate", "100", "warmup", "60"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int status = 1;
        try {
            new Bench(options).run();
            status = 0;
        } catch (Exception | Error e) {
            e.printStackTrace(); // System.exit below would swallow it
        } finally {
            System.exit(status); // the receiver's and the client's threads would keep the JVM alive
        }
    }

    Bench(Map<String, String> options) throws IOException {
        this.options = options;
        this.base = URI.create(options.get("base") + "/");
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(intOption("concurrency") * 2))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.receiver = new Receiver();
    }

    void run() throws Exception {
        long startMs = awaitReady();
        int concurrency = intOption("concurrency");
        int seconds = intOption("seconds");
        int rate = intOption("rate");

        String admin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + options.get("admin-password")).getBytes(StandardCharsets.UTF_8));
        String[] team = createTeam(admin, "Bench");
        Survey survey = createSurvey(team, receiver.url());
        if (options.containsKey("deliveries")) {
            storeGrowth(team, survey, Long.parseLong(options.get("deliveries")), concurrency, seconds, rate);
            return;
        }
        // not reported: the server's JIT compiles for a minute or more under load on 2 cores, and the phases measure it warm
        closedLoop(intOption("warmup"), concurrency, () -> submit(survey));
        awaitArrivals(Duration.ofSeconds(60));
        receiver.reset();
        // after the warm-up: right after its start the server still compiles and would take CPU from the ceiling
        Throughput raw = closedLoop(seconds, concurrency, this::postRawDelivery);
        receiver.reset();
        // the server's own request path without any delivery: what the end-to-end figure is bounded by
        Survey withoutWebhook = createSurvey(team, null);
        Throughput intake = closedLoop(seconds, concurrency, () -> submit(withoutWebhook));

        Throughput endToEnd = endToEnd(seconds, concurrency, survey);
        String[] fanOutTeam = createTeam(admin, "Bench fan-out");
        Throughput fanOut3 = endToEnd(seconds, concurrency, fanOut(fanOutTeam, 3));
        Throughput fanOut10 = endToEnd(seconds, concurrency, fanOut(fanOutTeam, 10));
        Latencies steady = fixedRate(rate, seconds, List.of(survey));

        List<Survey> mixed = new ArrayList<>();
        try (DeadEndpoint dead = new DeadEndpoint()) {
            for (int i = 0; i < 4; i++) {
                mixed.add(createSurvey(team, receiver.url()));
            }
            mixed.add(createSurvey(team, dead.url()));
            Latencies isolated = fixedRate(rate, seconds, mixed);
            Latencies sharedHost = fixedRate(rate, seconds, sharedHost(admin, team));
            Survey statsSurvey = options.containsKey("psql") ? seededAttempts(team, Integer.parseInt(options.getOrDefault("seed-attempts", "1000000")))
                    : survey;
            Throughput stats = closedLoop(5, 1, () -> ok(HttpRequest.newBuilder(base.resolve("api/teams/" + team[0] + "/surveys/"
                    + statsSurvey.id() + "/webhook/stats")).header("Authorization", "Bearer " + team[1]).GET().build()));
            report(startMs, raw, intake, new Throughput[] {endToEnd, fanOut3, fanOut10}, steady, isolated, sharedHost, stats, concurrency,
                    seconds, rate);
        }
    }

    /**
     * {@code --deliveries N --store-file PATH}: how the database file grows under sustained load. Responses to a
     * survey delivered to 10 endpoints each (the cheapest deliveries) are sent back to back until N deliveries
     * arrived, with the file's size every 10 s; the latency at a fixed rate is measured before and after.
     */
    private void storeGrowth(String[] team, Survey steadySurvey, long deliveries, int concurrency, int seconds, int rate)
            throws Exception {
        Path file = Path.of(options.get("store-file"));
        StringBuilder report = new StringBuilder("# Store growth: " + deliveries + " deliveries, " + options.get("database") + "\n\n");
        // warm (the JIT compiles for a minute under load) and without a backlog: the warm-up's deliveries all arrived
        long warmUp = closedLoop(intOption("warmup"), concurrency, () -> submit(steadySurvey)).latencies().count();
        long patience = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (receiver.delivered.get() < warmUp && System.nanoTime() < patience) {
            Thread.sleep(100);
        }
        receiver.reset();
        Latencies before = fixedRate(rate, seconds, List.of(steadySurvey));
        String beforeLine = String.format("p99 at %d/s before: %.1f ms (p50 %.1f ms)%n%n", rate, before.ms(99), before.ms(50));
        System.out.print(beforeLine);
        report.append(beforeLine);
        report.append("| seconds | deliveries | file MB |\n|---|---|---|\n");
        Survey fanOut = fanOut(createTeam("Basic " + Base64.getEncoder().encodeToString(("admin:" + options.get("admin-password"))
                .getBytes(StandardCharsets.UTF_8)), "Bench growth"), 10);
        long start = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        for (int w = 0; w < concurrency; w++) {
            workers.submit(() -> {
                while (receiver.delivered.get() < deliveries) {
                    submit(fanOut);
                }
            });
        }
        workers.shutdown();
        long nextSample = 0;
        while (!workers.awaitTermination(1, TimeUnit.SECONDS)) {
            long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            if (elapsed >= nextSample) {
                String line = String.format("| %d | %d | %.0f |%n", elapsed, receiver.delivered.get(), Files.size(file) / 1e6);
                System.out.print(line);
                report.append(line);
                nextSample = elapsed + 10;
            }
        }
        awaitArrivals(Duration.ofSeconds(120));
        report.append(String.format("| %d | %d | %.0f |%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start),
                receiver.delivered.get(), Files.size(file) / 1e6));
        receiver.reset();
        Latencies after = fixedRate(rate, seconds, List.of(steadySurvey));
        report.append(String.format("%np99 at %d/s after: %.1f ms (p50 %.1f ms)%n", rate, after.ms(99), after.ms(50)));
        Files.writeString(Path.of(options.get("report")), report);
        System.out.println(report);
    }

    /**
     * The topology production has: teams' webhooks on one integration host. Another team's two endpoints
     * on the receiver's host and port, one answering 500 to everything, one never answering in time, get
     * two of every three responses; the benchmark team's endpoint on the same host gets the third.
     */
    private List<Survey> sharedHost(String admin, String[] team) throws Exception {
        String[] other = createTeam(admin, "Bench neighbour");
        return List.of(createSurvey(team, receiver.url()), createSurvey(other, receiver.url("/broken")),
                createSurvey(other, receiver.url("/silent")));
    }

    /** A survey whose responses go to {@code webhooks} endpoints: its own webhook and team webhooks listing it. */
    private Survey fanOut(String[] team, int webhooks) throws Exception {
        Survey survey = createSurvey(team, receiver.url("/fan-out-" + webhooks + "/0"));
        for (int i = 1; i < webhooks; i++) {
            call("POST", "api/teams/" + team[0] + "/webhooks", "Bearer " + team[1],
                    "{\"url\":\"" + receiver.url("/fan-out-" + webhooks + "/" + i) + "\",\"surveys\":[\"" + survey.id() + "\"]" + filterField() + "}");
        }
        return survey;
    }

    /**
     * A survey whose webhook got one real delivery, to which {@code count} attempts are then added in bulk
     * with SQL ({@code --psql}: the command that runs psql on the benchmark's PostgreSQL): what the stats
     * route reads must not grow with them.
     */
    private Survey seededAttempts(String[] team, int count) throws Exception {
        Survey seeded = createSurvey(team, receiver.url("/seeded"));
        submit(seeded);
        String bearer = "Bearer " + team[1];
        String deliveries = "api/teams/" + team[0] + "/surveys/" + seeded.id() + "/webhook/deliveries";
        String deliveryId = null;
        for (int i = 0; i < 100 && deliveryId == null; i++) {
            String list = call("GET", deliveries, bearer, "");
            deliveryId = list.contains("\"DELIVERED\"") ? find(ID, list) : null;
            Thread.sleep(100);
        }
        String sql = "INSERT INTO delivery_attempt (id, delivery_id, number, started_at, duration_ms, status_code)"
                + " SELECT md5(random()::text || g)::uuid::text, '" + deliveryId + "', g + 1, now() - (g % 86400) * interval '1 second',"
                + " 20 + g % 200, 200 FROM generate_series(1, " + count + ") g;"
                + " UPDATE delivery SET attempt_count = " + (count + 1) + " WHERE id = '" + deliveryId + "';";
        Process psql = new ProcessBuilder("bash", "-c", options.get("psql") + " -v ON_ERROR_STOP=1 -q -c \"" + sql + "\"")
                .inheritIO().start();
        if (psql.waitFor() != 0) {
            throw new IllegalStateException("seeding the attempts failed");
        }
        return seeded;
    }

    // ---- measurements

    /** Workers send back to back for the given time; returns requests per second and their latencies. */
    private Throughput closedLoop(int seconds, int concurrency, Sender sender) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers.submit(() -> {
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    if (sender.send()) {
                        latencies.add(System.nanoTime() - t);
                    } else {
                        failures.incrementAndGet();
                    }
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(seconds + 60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Throughput(latencies.size() / elapsed, new Latencies(latencies), failures.get());
    }

    /**
     * Responses submitted back to back; deliveries per second, counted until the last signed delivery
     * arrived (with fan-out, each response makes several).
     */
    private Throughput endToEnd(int seconds, int concurrency, Survey survey) throws InterruptedException {
        long start = System.nanoTime();
        Throughput submitted = closedLoop(seconds, concurrency, () -> submit(survey));
        long lastArrival = awaitArrivals(Duration.ofSeconds(120));
        double elapsed = (lastArrival - start) / 1e9;
        long delivered = receiver.delivered.get();
        receiver.reset();
        return new Throughput(delivered / elapsed, submitted.latencies(), submitted.failures());
    }

    /** Open loop: one submission every 1/rate s, whatever the answers; latency = submission to arrival. */
    private Latencies fixedRate(int rate, int seconds, List<Survey> surveys) throws InterruptedException {
        Map<String, Long> submittedAt = new ConcurrentHashMap<>();
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        int total = rate * seconds;
        CountDownLatch sent = new CountDownLatch(total);
        AtomicLong counter = new AtomicLong();
        ticks.scheduleAtFixedRate(() -> {
            long n = counter.getAndIncrement();
            if (n >= total) {
                return;
            }
            Survey survey = surveys.get((int) (n % surveys.size()));
            String phone = Long.toString(phones.incrementAndGet());
            if (survey.healthy()) {
                submittedAt.put(phone, System.nanoTime());
            }
            client.sendAsync(survey.submission(base, phone), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> sent.countDown());
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        sent.await(seconds + 120L, TimeUnit.SECONDS);
        ticks.shutdownNow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!receiver.arrivals.keySet().containsAll(submittedAt.keySet()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<Long> latencies = new ArrayList<>();
        submittedAt.forEach((phone, at) -> {
            Long arrived = receiver.arrivals.get(phone);
            if (arrived != null) {
                latencies.add(arrived - at);
            }
        });
        receiver.reset();
        return new Latencies(latencies, submittedAt.size());
    }

    private long awaitArrivals(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        long seen = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = receiver.delivered.get();
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(3)) {
                break;
            }
            Thread.sleep(20);
        }
        return receiver.lastArrival.get();
    }

    private long awaitReady() throws Exception {
        long started = Long.parseLong(options.get("started-at-ms"));
        HttpRequest probe = HttpRequest.newBuilder(base.resolve("api/surveys/none/responses"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"answers\":[]}")).build();
        for (int i = 0; i < 1200; i++) {
            try {
                HttpResponse<Void> answer = client.send(probe, HttpResponse.BodyHandlers.discarding());
                // the app's own JSON 404 for an unknown survey, not the server's page while it still deploys
                if (answer.statusCode() == 404 && answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                    return System.currentTimeMillis() - started;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server did not start; see its log");
    }

    // ---- the API

    private boolean postRawDelivery() {
        String body = "{\"tag\":\"feedback\",\"createdAt\":\"2024-09-17T10:00:00Z\",\"phone\":\"" + phones.incrementAndGet()
                + "\",\"language\":\"en\",\"responses\":[{\"type\":\"NPS\",\"response\":9,\"title\":\"How likely are you to recommend us?\"},"
                + "{\"type\":\"Text\",\"response\":\"Fast and friendly, thank you!\",\"title\":\"Anything else?\"}],"
                + "\"teamId\":\"3112a17e-d353-482b-82e0-0af2f10771ee\",\"surveyId\":\"4365b702-69a3-4362-a162-1725ad50f259\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(receiver.url()))
                .header("Content-Type", "application/json")
                .header("x-webhook-id", "00000000-0000-0000-0000-000000000000")
                .header("x-rateup-signature", "bench")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return ok(request);
    }

    private boolean submit(Survey survey) {
        return ok(survey.submission(base, Long.toString(phones.incrementAndGet())));
    }

    private boolean ok(HttpRequest request) {
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String[] createTeam(String admin, String name) throws Exception {
        String body = call("POST", "api/teams", admin, "{\"name\":\"" + name + "\"}");
        return new String[] {find(ID, body), find(TOKEN, body)};
    }

    /** {@code url} null: a survey without a webhook. */
    private Survey createSurvey(String[] team, String url) throws Exception {
        String bearer = "Bearer " + team[1];
        String body = call("POST", "api/teams/" + team[0] + "/surveys", bearer,
                "{\"kind\":\"FLOW\",\"title\":\"Bench\",\"tag\":\"feedback\",\"questions\":[{\"type\":\"NPS\",\"title\":\"How likely are you to recommend us?\"},{\"type\":\"Text\",\"title\":\"Anything else?\"}]}");
        String surveyId = find(Pattern.compile("^\\{.*\"id\":\"([0-9a-f-]{36})\",\"kind\""), body);
        Matcher questions = QUESTION_IDS.matcher(body);
        List<String> ids = new ArrayList<>();
        while (questions.find()) {
            ids.add(questions.group(1));
        }
        if (url != null) {
            call("PUT", "api/teams/" + team[0] + "/surveys/" + surveyId + "/webhook", bearer, "{\"url\":\"" + url + "\",\"enabled\":true" + filterField() + "}");
        }
        return new Survey(surveyId, ids.get(0), ids.get(1), receiver.url().equals(url));
    }

    /** {@code --filter}: a filter (#31) on every webhook the benchmark makes; it must match what the benchmark submits. */
    private String filterField() {
        return options.containsKey("filter") ? ",\"filter\":" + options.get("filter") : "";
    }

    private String call(String method, String path, String authorization, String json) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException(pattern + " not in " + text);
        }
        return matcher.group(1);
    }

    private int intOption(String name) {
        return Integer.parseInt(options.get(name));
    }

    // ---- report

    /** {@code endToEnd}: at fan-out 1, 3 and 10. */
    private void report(long startMs, Throughput raw, Throughput intake, Throughput[] endToEnd, Latencies steady, Latencies isolated,
            Latencies sharedHost, Throughput stats, int concurrency, int seconds, int rate) throws IOException {
        long[] memory = serverMemoryKb();
        StringBuilder md = new StringBuilder();
        md.append("# rateup-webhooks benchmark\n\n")
                .append(String.format("Server: %s. Database: %s. Concurrency %d, %d s per phase after %d s of warm-up, fixed rate %d/s. %d cores, Java %s.%n%n",
                        options.getOrDefault("server", "payara"), options.get("database"), concurrency, seconds, intOption("warmup"), rate, Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version")))
                .append(options.containsKey("filter") ? "Every webhook has the filter `" + options.get("filter") + "`.\n\n" : "")
                .append("| measure | value | ratio |\n| --- | --- | --- |\n")
                .append(String.format("| raw HTTP ceiling: client → receiver | %.0f req/s (p50 %.1f ms, p99 %.1f ms) | 1.00 |%n",
                        raw.perSecond(), raw.latencies().ms(50), raw.latencies().ms(99)))
                .append(String.format("| intake alone: responses accepted, survey without webhook | %.0f responses/s (p50 %.1f ms, p99 %.1f ms; %d refused) | %.2f of raw |%n",
                        intake.perSecond(), intake.latencies().ms(50), intake.latencies().ms(99), intake.failures(),
                        intake.perSecond() / raw.perSecond()))
                .append(String.format("| end to end: responses accepted and delivered, signed | %.0f deliveries/s (intake p50 %.1f ms, p99 %.1f ms; %d refused) | %.2f of raw |%n",
                        endToEnd[0].perSecond(), endToEnd[0].latencies().ms(50), endToEnd[0].latencies().ms(99), endToEnd[0].failures(),
                        endToEnd[0].perSecond() / raw.perSecond()));
        int[] fanOuts = {3, 10};
        for (int i = 0; i < fanOuts.length; i++) {
            Throughput fanned = endToEnd[i + 1];
            md.append(String.format("| same at fan-out %d: each response to %d webhooks (own + team webhooks) | %.0f deliveries/s = %.0f responses/s (intake p50 %.1f ms, p99 %.1f ms; %d refused) | %.2f of raw |%n",
                    fanOuts[i], fanOuts[i], fanned.perSecond(), fanned.perSecond() / fanOuts[i], fanned.latencies().ms(50),
                    fanned.latencies().ms(99), fanned.failures(), fanned.perSecond() / raw.perSecond()));
        }
        md
                .append(String.format("| submit → arrival at %d/s, all endpoints healthy | p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d of %d arrived) | |%n",
                        rate, steady.ms(50), steady.ms(95), steady.ms(99), steady.count(), steady.expected()))
                .append(String.format("| same with 1 of 5 endpoints dead (never answers): healthy ones | p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d of %d arrived) | p99 %.2f × all-healthy |%n",
                        isolated.ms(50), isolated.ms(95), isolated.ms(99), isolated.count(), isolated.expected(),
                        isolated.ms(99) / Math.max(0.001, steady.ms(99))))
                .append(String.format("| same on a shared host: another team's endpoints on the receiver's host and port answer 500 or never; ours (1 of 3) | p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d of %d arrived) | p99 %.2f × all-healthy |%n",
                        sharedHost.ms(50), sharedHost.ms(95), sharedHost.ms(99), sharedHost.count(), sharedHost.expected(),
                        sharedHost.ms(99) / Math.max(0.001, steady.ms(99))))
                .append(String.format("| endpoint stats (`…/webhook/stats`) of %s, one client | p50 %.1f ms, p99 %.1f ms (%d requests, %d refused) | |%n",
                        options.containsKey("psql") ? "a webhook with " + options.getOrDefault("seed-attempts", "1000000") + " attempts seeded in bulk"
                                : "the webhook that got every delivery above",
                        stats.latencies().ms(50), stats.latencies().ms(99), stats.latencies().count(), stats.failures()))
                .append(String.format("| server start to first successful request | %d ms | |%n", startMs))
                .append(String.format("| server memory: peak RSS (VmHWM), RSS at the end | %d MiB, %d MiB | |%n", memory[0] / 1024, memory[1] / 1024));
        String text = md.toString();
        System.out.println(text);
        Files.createDirectories(Path.of(options.get("report")).getParent());
        Files.writeString(Path.of(options.get("report")), text);
    }

    private long[] serverMemoryKb() throws IOException {
        long hwm = 0;
        long rss = 0;
        for (String line : Files.readAllLines(Path.of("/proc/" + options.get("server-pid") + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                hwm = Long.parseLong(line.replaceAll("\\D", ""));
            } else if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return new long[] {hwm, rss};
    }

    // ---- parts

    interface Sender {
        boolean send();
    }

    record Throughput(double perSecond, Latencies latencies, long failures) {
    }

    record Latencies(List<Long> sortedNanos, int expected) {

        Latencies(List<Long> nanos) {
            this(nanos, nanos.size());
        }

        Latencies {
            sortedNanos = new ArrayList<>(sortedNanos);
            Collections.sort(sortedNanos);
        }

        int count() {
            return sortedNanos.size();
        }

        double ms(int percentile) {
            if (sortedNanos.isEmpty()) {
                return Double.NaN;
            }
            int index = Math.max(0, (int) Math.ceil(percentile / 100.0 * sortedNanos.size()) - 1);
            return sortedNanos.get(index) / 1e6;
        }
    }

    record Survey(String id, String npsQuestion, String textQuestion, boolean healthy) {

        HttpRequest submission(URI base, String phone) {
            String body = "{\"phone\":\"" + phone + "\",\"language\":\"en\",\"answers\":[{\"questionId\":\"" + npsQuestion
                    + "\",\"response\":9},{\"questionId\":\"" + textQuestion + "\",\"response\":\"Fast and friendly, thank you!\"}]}";
            return HttpRequest.newBuilder(base.resolve("api/surveys/" + id + "/responses"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        }
    }

    /**
     * A receiver on 127.0.0.1 that answers 204 at once and notes when each phone number arrived; on the
     * same host and port, {@code /broken} answers 500 and {@code /silent} answers only after the timeout.
     */
    static final class Receiver {

        /** When the first delivery of each response (by phone number) arrived. */
        final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        /** Every signed delivery that arrived, whichever response. */
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong lastArrival = new AtomicLong();
        private final HttpServer server;

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            // cached: a /silent request holds its thread for 10 s, which must not take threads from /hook
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/broken", exchange -> {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(500, -1);
                exchange.close();
            });
            server.createContext("/silent", exchange -> {
                exchange.getRequestBody().readAllBytes();
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.createContext("/", exchange -> {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                long now = System.nanoTime();
                Matcher phone = PHONE.matcher(new String(body, StandardCharsets.UTF_8));
                if (phone.find() && exchange.getRequestHeaders().getFirst("x-rateup-signature") != null) {
                    arrivals.putIfAbsent(phone.group(1), now);
                    delivered.incrementAndGet();
                    lastArrival.accumulateAndGet(now, Math::max);
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return url("/hook");
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        void reset() {
            arrivals.clear();
            delivered.set(0);
        }
    }

    /** An endpoint that accepts connections and never answers. */
    static final class DeadEndpoint implements AutoCloseable {

        private final ServerSocket socket;
        private final List<Socket> held = Collections.synchronizedList(new ArrayList<>());

        DeadEndpoint() throws IOException {
            socket = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        held.add(socket.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/hook";
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
