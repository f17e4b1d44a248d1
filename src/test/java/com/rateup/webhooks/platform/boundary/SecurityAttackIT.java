package com.rateup.webhooks.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.ServerProcess;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks the application as deployed with its safe defaults (private networks refused,
 * production mode with a configured secret key) and counts, per class, what it tried and what
 * was refused; the tally goes to {@code target/attack-report.md}. Last, the server's whole log is
 * searched for every secret, token and password the suite handled.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityAttackIT {

    private static final String USER_PASSWORD = "a long team user password";
    private static final Pattern STACK_TRACE = Pattern.compile("(?i)exception|\\bat [a-z]+\\.[a-z]|org\\.eclipse|org\\.glassfish|org\\.jboss|payara|jersey|resteasy|undertow|wildfly|\\.java:");

    @TempDir
    static Path work;

    private static ServerProcess server;
    private static Api api;
    private static final Map<String, int[]> tally = new LinkedHashMap<>();
    /** Every secret value the suite saw; none may appear in the server's log. */
    private static final Set<String> secrets = new ConcurrentSkipListSet<>();

    private static Api.Team victim;
    private static Api.Team attacker;
    private static String victimSurvey;
    private static String victimDelivery;
    private static String victimTeamWebhook;
    private static String victimJob;
    private static String victimUser;

    @BeforeAll
    static void startWithSafeDefaults() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String secretKey = Base64.getEncoder().encodeToString(key);
        secrets.add(secretKey);
        secrets.add(Api.ADMIN_PASSWORD);
        secrets.add(USER_PASSWORD);
        server = ServerProcess.start(work, "attack", ServerProcess.testConfig(work, Map.of(
                "rateup.delivery.allow-private-network", "false",
                "rateup.delivery.denied-networks", "198.51.100.0/24, 2001:db8::/32",
                "rateup.delivery.allowed-networks", "10.99.0.0/16",
                "rateup.mode", "production",
                "rateup.webhook.secret-key", secretKey,
                "rateup.login.lockout", "PT2S")));
        api = new Api(server.url());

        victim = api.createTeam("Victim");
        attacker = api.createTeam("Attacker");
        secrets.add(victim.token());
        secrets.add(attacker.token());
        victimSurvey = api.createTitledSurvey(victim, "SURVEY", "Victim survey", "private", "Rating", "NPS", "YesNo", "MultiChoice", "Text")
                .getString("id");
        // a public address literal: accepted without DNS; deliveries to it fail here (no internet), which is fine
        secrets.add(api.putWebhook(victim, victimSurvey, "http://93.184.216.34/hooks").getString("secret"));
        api.submit(victimSurvey, "{\"answers\":[]}");
        victimDelivery = api.deliveries(victim, victimSurvey).getJsonObject(0).getString("id");
        JsonObject teamWebhook = api.send("POST", "api/teams/" + victim.id() + "/webhooks", Api.bearer(victim.token()),
                Json.createObjectBuilder().add("url", "http://93.184.216.34/all").add("surveys", "all").build()).object();
        victimTeamWebhook = teamWebhook.getString("id");
        victimJob = api.send("POST", Api.webhookPath(victim, victimSurvey) + "/backfill", Api.bearer(victim.token()),
                Json.createObjectBuilder().add("since", "2020-01-01T00:00:00Z").build()).object().getString("id");
        secrets.add(teamWebhook.getString("secret"));
        victimUser = "victim-user";
        api.createUser(victim, victimUser, USER_PASSWORD);
    }

    @AfterAll
    static void report() throws Exception {
        StringBuilder report = new StringBuilder("# Attack suite\n\n| class | tried | refused |\n| --- | ---: | ---: |\n");
        tally.forEach((name, counts) -> report.append("| ").append(name).append(" | ").append(counts[0]).append(" | ").append(counts[1]).append(" |\n"));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/attack-report.md"), report);
        System.out.println(report);
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void endpointUrlsOfEveryNonPublicClassInSeveralSpellingsAreRefusedAndNothingIsSaved() {
        String survey = api.createTitledSurvey(victim, "SURVEY", "SSRF target", "ssrf", "Text").getString("id");
        Map<String, List<String>> classes = new LinkedHashMap<>();
        classes.put("endpoint: loopback", List.of("http://127.0.0.1/x", "http://127.1/x", "http://0x7f.1/x", "http://2130706433/x",
                "http://017700000001/x", "http://127.0.0.1.nip.io.localhost/x", "http://localhost:8080/x", "http://[::1]/x",
                "http://[0:0:0:0:0:0:0:1]/x", "http://[::ffff:127.0.0.1]/x", "http://127.255.255.254/x"));
        classes.put("endpoint: private (RFC 1918)", List.of("http://10.0.0.1/x", "http://10.255.255.255/x", "http://172.16.0.1/x",
                "http://172.31.255.1/x", "http://192.168.1.1/x", "http://[::ffff:10.0.0.1]/x", "http://0xa000001/x", "http://167772161/x"));
        classes.put("endpoint: link-local", List.of("http://169.254.1.1/x", "http://[fe80::1]/x", "http://[fe80::1%25eth0]/x"));
        classes.put("endpoint: CGNAT 100.64/10", List.of("http://100.64.0.1/x", "http://100.127.255.254/x", "http://[::ffff:100.64.0.1]/x"));
        classes.put("endpoint: unique-local IPv6", List.of("http://[fc00::1]/x", "http://[fd12:3456:789a::1]/x"));
        classes.put("endpoint: IPv4-mapped/compatible, 6to4, NAT64", List.of("http://[::ffff:7f00:1]/x", "http://[::127.0.0.1]/x",
                "http://[2002:7f00:1::1]/x", "http://[2002:a00:1::1]/x", "http://[64:ff9b::7f00:1]/x", "http://[64:ff9b::a00:1]/x"));
        classes.put("endpoint: multicast", List.of("http://224.0.0.1/x", "http://239.255.255.250/x", "http://[ff02::1]/x"));
        classes.put("endpoint: unspecified", List.of("http://0.0.0.0/x", "http://0/x", "http://[::]/x"));
        classes.put("endpoint: broadcast", List.of("http://255.255.255.255/x"));
        classes.put("endpoint: cloud metadata", List.of("http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/x",
                "http://metadata.google.internal/computeMetadata/v1/", "http://100.100.100.200/x"));
        // the operator's own rules: a public range denied (in every IPv6 form that carries it), one private range allowed
        classes.put("endpoint: operator's denied networks", List.of("http://198.51.100.7/x", "http://[::ffff:198.51.100.7]/x",
                "http://[2002:c633:6407::1]/x", "http://[64:ff9b::c633:6407]/x", "http://[2001:db8::1]/x", "http://10.98.0.1/x"));
        classes.put("endpoint: not http(s), credentials, too long", List.of("ftp://93.184.216.34/x", "file:///etc/passwd",
                "gopher://93.184.216.34/x", "javascript:alert(1)", "http://user:pass@93.184.216.34/x", "//93.184.216.34/x",
                "http://93.184.216.34/" + "a".repeat(2048)));
        classes.forEach((name, urls) -> {
            for (String url : urls) {
                Api.Reply reply = api.send("PUT", Api.webhookPath(victim, survey), Api.bearer(victim.token()),
                        Json.createObjectBuilder().add("url", url).add("enabled", true).build());
                boolean refused = reply.status() == 400 && reply.body().contains("url")
                        && api.call(victim, "GET", Api.webhookPath(victim, survey)).status() == 404;
                count(name, refused);
                assertThat(refused).as(url + " answered " + reply.status() + " " + reply.body()).isTrue();
            }
        });
        Api.Reply denied = api.send("PUT", Api.webhookPath(victim, survey), Api.bearer(victim.token()),
                Json.createObjectBuilder().add("url", "http://198.51.100.7/x").build());
        assertThat(denied.body()).as("names the rule").contains("198.51.100.0/24").contains("rateup.delivery.denied-networks");
        Api.Reply partner = api.send("PUT", Api.webhookPath(victim, survey), Api.bearer(victim.token()),
                Json.createObjectBuilder().add("url", "http://10.99.1.1/partner").add("enabled", false).build());
        assertThat(partner.status()).as("a private range the operator allows: " + partner.body()).isEqualTo(201);
    }

    @Test
    @Order(2)
    void anotherTeamsTokenOnEveryTeamRouteReadsNothingAndChangesNothing() {
        String before = victimState();
        String v = "api/teams/" + victim.id();
        String a = "api/teams/" + attacker.id();
        String hook = "/surveys/" + victimSurvey + "/webhook";
        String delivery = hook + "/deliveries/" + victimDelivery;
        String newSurvey = "{\"kind\":\"SURVEY\",\"title\":\"planted\",\"questions\":[{\"type\":\"Text\",\"title\":\"q\"}]}";
        String newHook = "{\"url\":\"http://93.184.216.34/stolen\",\"enabled\":true}";
        String since = "{\"since\":\"2020-01-01T00:00:00Z\"}";
        List<String[]> routes = List.of(
                new String[] {"GET", v + "/surveys", null}, new String[] {"GET", v + "/surveys?kind=SURVEY", null},
                new String[] {"POST", v + "/surveys", newSurvey}, new String[] {"GET", v + "/surveys/" + victimSurvey, null},
                new String[] {"GET", v + hook, null}, new String[] {"PUT", v + hook, newHook}, new String[] {"DELETE", v + hook, null},
                new String[] {"POST", v + hook + "/secret", ""}, new String[] {"POST", v + hook + "/test", ""},
                new String[] {"GET", v + hook + "/deliveries", null}, new String[] {"GET", v + delivery, null},
                new String[] {"POST", v + delivery + "/redeliver", ""},
                new String[] {"POST", v + hook + "/deliveries/redeliver", since}, new String[] {"POST", v + hook + "/backfill", since},
                new String[] {"GET", v + hook + "/jobs/" + victimJob, null}, new String[] {"DELETE", v + hook + "/jobs/" + victimJob, null},
                new String[] {"POST", v + hook + "/check", ""},
                // the attacker's own team in the path, the victim's objects after it
                new String[] {"GET", a + "/surveys/" + victimSurvey, null}, new String[] {"GET", a + hook, null},
                new String[] {"PUT", a + hook, newHook}, new String[] {"DELETE", a + hook, null},
                new String[] {"POST", a + hook + "/secret", ""}, new String[] {"POST", a + hook + "/test", ""},
                new String[] {"GET", a + hook + "/deliveries", null}, new String[] {"GET", a + delivery, null},
                new String[] {"POST", a + delivery + "/redeliver", ""},
                new String[] {"POST", a + hook + "/deliveries/redeliver", since}, new String[] {"POST", a + hook + "/backfill", since},
                new String[] {"GET", a + hook + "/jobs/" + victimJob, null}, new String[] {"DELETE", a + hook + "/jobs/" + victimJob, null},
                new String[] {"POST", a + hook + "/check", ""});
        String teamHook = "/webhooks/" + victimTeamWebhook;
        String newTeamHook = "{\"url\":\"http://93.184.216.34/stolen\",\"surveys\":\"all\"}";
        List<String[]> teamWebhookRoutes = new java.util.ArrayList<>(routes);
        for (String team : List.of(v, a)) {
            teamWebhookRoutes.addAll(List.of(new String[] {"GET", team + teamHook, null}, new String[] {"PUT", team + teamHook, newTeamHook},
                    new String[] {"DELETE", team + teamHook, null}, new String[] {"POST", team + teamHook + "/secret", ""},
                    new String[] {"POST", team + teamHook + "/test", ""}, new String[] {"GET", team + teamHook + "/deliveries", null},
                    new String[] {"GET", team + teamHook + "/deliveries/" + victimDelivery, null},
                    new String[] {"POST", team + teamHook + "/deliveries/" + victimDelivery + "/redeliver", ""}));
        }
        teamWebhookRoutes.addAll(List.of(new String[] {"GET", v + "/webhooks", null}, new String[] {"POST", v + "/webhooks", newTeamHook},
                new String[] {"GET", a + "/webhooks?surveyId=" + victimSurvey, null}));
        for (String[] route : teamWebhookRoutes) {
            Api.Reply reply = api.send(route[0], route[1], Api.bearer(attacker.token()), route[2] == null ? null : "application/json", route[2]);
            boolean refused = reply.status() == 404 && !reply.body().contains("Victim survey") && !reply.body().contains("whsec_");
            count("another team's token on a team route", refused);
            assertThat(refused).as(route[0] + " " + route[1] + " answered " + reply.status() + " " + reply.body()).isTrue();
        }
        // the attacker's own team webhook, scoped to the victim's survey: refused like a survey that does not exist
        Api.Reply scoped = api.send("POST", a + "/webhooks", Api.bearer(attacker.token()), "application/json",
                "{\"url\":\"http://93.184.216.34/stolen\",\"surveys\":[\"" + victimSurvey + "\"]}");
        boolean refused = scoped.status() == 400 && scoped.body().contains("no survey or flow " + victimSurvey + " in this team");
        count("another team's survey in a webhook's scope", refused);
        assertThat(refused).as(scoped.body()).isTrue();
        assertThat(victimState()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void forgedAndRevokedTokensAndTheAdministratorsCredentialsOpenNoTeamRoute() {
        Api.Reply issued = api.send("POST", "api/teams/" + victim.id() + "/tokens", Api.basic("admin", Api.ADMIN_PASSWORD), null, "");
        String revoked = issued.object().getString("apiToken");
        secrets.add(revoked);
        assertThat(api.send("GET", "api/teams/" + victim.id() + "/surveys", Api.bearer(revoked), null, null).status()).isEqualTo(200);
        assertThat(api.send("DELETE", "api/teams/" + victim.id() + "/tokens/" + issued.object().getString("id"),
                Api.basic("admin", Api.ADMIN_PASSWORD), null, null).status()).isEqualTo(204);
        String tampered = victim.token().substring(0, victim.token().length() - 1) + (victim.token().endsWith("A") ? "B" : "A");
        List<String> authorizations = List.of(Api.bearer(revoked), Api.bearer(tampered), Api.bearer("rut_" + "A".repeat(43)),
                Api.bearer(""), "Bearer", Api.bearer(victim.token() + " "  + victim.token()), Api.bearer("x".repeat(5000)),
                "Basic " + Base64.getEncoder().encodeToString(("admin:" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)),
                "Token " + victim.token(), "");
        for (String authorization : authorizations) {
            for (String route : List.of("/surveys", "/surveys/" + victimSurvey + "/webhook")) {
                Api.Reply reply = api.send("GET", "api/teams/" + victim.id() + route, authorization.isEmpty() ? null : authorization, null, null);
                boolean refused = reply.status() == 401 && !reply.body().contains("whsec_");
                count("forged, revoked or wrong-kind token", refused);
                assertThat(refused).as(authorization.length() > 60 ? authorization.substring(0, 60) : authorization).isTrue();
            }
        }
        JsonObject listed = api.send("GET", "api/teams/" + victim.id() + "/tokens", Api.basic("admin", Api.ADMIN_PASSWORD), null, null)
                .array().stream().map(v -> v.asJsonObject()).filter(t -> t.getString("id").equals(issued.object().getString("id")))
                .findFirst().orElseThrow();
        assertThat(listed.isNull("revokedAt")).isFalse();
        assertThat(listed.isNull("lastUsedAt")).isFalse();
        assertThat(listed.toString()).doesNotContain(revoked);
    }

    @Test
    @Order(4)
    void wrongAdministratorCredentialsAndTeamTokensOpenNoAdminRouteAndGuessingIsThrottled() throws Exception {
        List<String> authorizations = List.of(Api.basic("admin", "wrong"), Api.basic("root", Api.ADMIN_PASSWORD),
                Api.basic("admin", ""), Api.basic("", ""), "Basic !!!", Api.bearer(victim.token()),
                Api.basic(victimUser, USER_PASSWORD), "");
        for (String authorization : authorizations) {
            Api.Reply reply = api.send("POST", "api/teams", authorization.isEmpty() ? null : authorization, "application/json", "{\"name\":\"x\"}");
            count("wrong administrator credentials", reply.status() == 401);
            assertThat(reply.status()).as(authorization).isEqualTo(401);
            api.send("POST", "api/teams", Api.basic("admin", Api.ADMIN_PASSWORD), "application/json", "{\"name\":\"reset\"}");
        }
        for (int i = 0; i < 5; i++) {
            assertThat(api.send("GET", "api/teams/" + victim.id() + "/tokens", Api.basic("admin", "guess " + i), null, null).status()).isEqualTo(401);
        }
        Api.Reply whileLocked = api.send("GET", "api/teams/" + victim.id() + "/tokens", Api.basic("admin", Api.ADMIN_PASSWORD), null, null);
        count("password guessing (right password while locked)", whileLocked.status() == 401);
        assertThat(whileLocked.status()).isEqualTo(401);
        Thread.sleep(2500);
        assertThat(api.send("GET", "api/teams/" + victim.id() + "/tokens", Api.basic("admin", Api.ADMIN_PASSWORD), null, null).status())
                .isEqualTo(200);
    }

    @Test
    @Order(5)
    void oversizedDeeplyNestedAndWronglyTypedBodiesAreRefusedClearlyAndStoreNothing() {
        JsonObject survey = api.call(victim, "GET", "api/teams/" + victim.id() + "/surveys/" + victimSurvey).object();
        List<String> q = survey.getJsonArray("questions").stream().map(v -> v.asJsonObject().getString("id")).toList();
        String rating = q.get(0);
        String nps = q.get(1);
        String yesNo = q.get(2);
        String multi = q.get(3);
        String text = q.get(4);
        int before = api.deliveries(victim, victimSurvey).size();
        String intake = "api/surveys/" + victimSurvey + "/responses";
        List<Object[]> bodies = new ArrayList<>();
        bodies.add(new Object[] {"oversized body", 413, "{\"answers\":[],\"phone\":\"" + "1".repeat(70_000) + "\"}"});
        bodies.add(new Object[] {"oversized body", 413, "{\"answers\":[" + ("{\"questionId\":\"" + text + "\",\"response\":\"" + "a".repeat(60) + "\"},")
                .repeat(1_000) + "{}]}"});
        bodies.add(new Object[] {"deeply nested body", 400, answer(text, "[".repeat(10_000) + "]".repeat(10_000))});
        bodies.add(new Object[] {"deeply nested body", 400, "{\"answers\":[],\"x\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}"});
        bodies.add(new Object[] {"deeply nested body", 400, answer(multi, "[[[[\"a\"]]]]")});
        for (String[] wrong : new String[][] {{rating, "\"5\""}, {rating, "6"}, {rating, "4.5"}, {rating, "true"}, {nps, "11"},
                {nps, "-1"}, {yesNo, "\"yes\""}, {yesNo, "1"}, {multi, "\"a\""}, {multi, "[1,2]"}, {text, "{}"},
                {text, "\"" + "t".repeat(4001) + "\""}, {"no-such-question", "1"}}) {
            bodies.add(new Object[] {"wrongly typed body", 400, answer(wrong[0], wrong[1])});
        }
        for (String body : List.of("{\"answers\":\"none\"}", "{\"answers\":[1]}", "{\"answers\":[{\"questionId\":5}]}", "{}", "[]",
                "{\"answers\":[],\"phone\":{\"n\":1}}", "{\"answers\":[],\"unknown\":1}", "{\"answers\":[{\"questionId\":\"" + text + "\",\"respons\":\"typo\"}]}", "{\"answers\":[],\"phone\":\"<script>\"}", "{\"answers\":[],\"language\":\"../../etc\"}",
                "{\"answers\":[" + ("{\"questionId\":\"" + rating + "\",\"response\":1},").repeat(200) + "{\"questionId\":\"" + rating + "\",\"response\":1}]}",
                "{\"answers\":[]", "not json", "")) {
            bodies.add(new Object[] {"wrongly typed body", 400, body});
        }
        for (Object[] attempt : bodies) {
            Api.Reply reply = api.send("POST", intake, null, "application/json", (String) attempt[2]);
            boolean refused = reply.status() == (int) attempt[1] && reply.body().startsWith("{") && reply.body().contains("\"error\":")
                    && !STACK_TRACE.matcher(reply.body()).find();
            count((String) attempt[0], refused);
            String shown = ((String) attempt[2]).length() > 80 ? ((String) attempt[2]).substring(0, 80) + "…" : (String) attempt[2];
            assertThat(refused).as(shown + " answered " + reply.status() + " " + reply.body()).isTrue();
        }
        Api.Reply xml = api.send("POST", intake, null, "application/xml", "<answers/>");
        count("wrongly typed body", xml.status() == 415);
        assertThat(api.deliveries(victim, victimSurvey)).hasSize(before);
    }

    @Test
    @Order(6)
    void hostileTextIsEscapedOnTheAdminPages() throws Exception {
        List<String> payloads = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>",
                "javascript:alert(1)//<a href=x>", "</title><script>alert(1)</script>", "#{1+1}${1+1}", "<iframe src=//evil>");
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        URI base = api.base();
        String login = browser.send(HttpRequest.newBuilder(base.resolve("login.xhtml")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String form = "login=login&login%3Ausername=" + victimUser + "&login%3Apassword=" + URLEncoder.encode(USER_PASSWORD, StandardCharsets.UTF_8)
                + "&login%3Asubmit=Log+in&jakarta.faces.ViewState=" + URLEncoder.encode(viewState(login), StandardCharsets.UTF_8);
        browser.send(HttpRequest.newBuilder(base.resolve("login.xhtml")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        for (String payload : payloads) {
            String id = api.createTitledSurvey(victim, "SURVEY", payload, payload.length() > 100 ? "t" : payload, "Text").getString("id");
            for (String page : List.of("surveys.xhtml", "survey.xhtml?id=" + id, "survey.xhtml?id=" + id + "&tab=settings")) {
                HttpResponse<String> html = browser.send(HttpRequest.newBuilder(base.resolve(page)).build(), HttpResponse.BodyHandlers.ofString());
                String encoded = payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"); // quotes are harmless in text
                boolean escaped = html.statusCode() == 200 && html.body().contains("Victim survey") == page.startsWith("surveys")
                        // shown as text; #{1+1}${1+1} too, verbatim rather than evaluated
                        && html.body().contains(encoded) && (encoded.equals(payload) || !html.body().contains(payload));
                boolean headers = html.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'")
                        && html.headers().firstValue("X-Content-Type-Options").orElse("").equals("nosniff");
                count("hostile text on the admin pages (escaped, CSP)", escaped && headers);
                assertThat(escaped && headers).as(payload + " on " + page + ": " + html.statusCode() + " " + html.headers().map()
                        + html.body().substring(Math.max(0, html.body().indexOf("<main") ), Math.min(html.body().length(), html.body().indexOf("<main") + 1500))).isTrue();
            }
        }
    }

    @Test
    @Order(7)
    void storedSecretsAreEncryptedAndNoSecretTokenOrPasswordEverReachesTheLog() throws IOException {
        String log = Files.readString(server.log());
        assertThat(log).as("the log searched is the app's").contains("database schema at version");
        for (String secret : secrets) {
            boolean absent = !log.contains(secret) && !log.contains(secret.replace("whsec_", ""));
            count("secret, token or password searched in the server log", absent);
            assertThat(absent).as("a secret of " + secret.length() + " characters appears in the log").isTrue();
        }
    }

    private static String answer(String questionId, String rawResponse) {
        return "{\"answers\":[{\"questionId\":\"" + questionId + "\",\"response\":" + rawResponse + "}]}";
    }

    private static String viewState(String html) {
        Matcher m = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** The victim's surveys, webhook URL and secret, and delivery ids, as its own token sees them (attempts go on meanwhile). */
    private static String victimState() {
        JsonObject webhook = api.call(victim, "GET", Api.webhookPath(victim, victimSurvey)).object();
        return api.call(victim, "GET", "api/teams/" + victim.id() + "/surveys").body()
                + api.call(victim, "GET", "api/teams/" + victim.id() + "/webhooks/" + victimTeamWebhook).body()
                + webhook.getString("url") + webhook.getString("secret") + webhook.getBoolean("enabled")
                + api.deliveries(victim, victimSurvey).stream().map(d -> d.asJsonObject().getString("id")).toList();
    }

    private static void count(String name, boolean refused) {
        int[] counts = tally.computeIfAbsent(name, k -> new int[2]);
        counts[0]++;
        if (refused) {
            counts[1]++;
        }
    }
}
