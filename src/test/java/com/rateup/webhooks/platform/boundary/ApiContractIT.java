package com.rateup.webhooks.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.Api.Reply;
import com.rateup.webhooks.testing.SurveyWithWebhookFixture;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The REST contract (docs/api.md): statuses, the JSON error shape, authentication, tenant
 * isolation, and that refused input changes nothing.
 */
class ApiContractIT extends SurveyWithWebhookFixture {

    @Test
    void adminCreatesTeamsWithBasicAuthAndGetsTheTokenOnce() {
        Reply created = api.send("POST", "api/teams", Api.basic("admin", Api.ADMIN_PASSWORD), Json.createObjectBuilder().add("name", "Globex").build());
        Reply anotherToken = api.send("POST", "api/teams/" + created.object().getString("id") + "/tokens",
                Api.basic("admin", Api.ADMIN_PASSWORD), null, null);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).hasValueSatisfying(l -> l.endsWith("/api/teams/" + created.object().getString("id")));
        assertThat(created.object().getString("name")).isEqualTo("Globex");
        assertThat(created.object().getString("apiToken")).startsWith("rut_");
        assertThat(anotherToken.status()).isEqualTo(201);
        String firstToken = created.object().getString("apiToken");
        String secondToken = anotherToken.object().getString("apiToken");
        String teamPath = "api/teams/" + created.object().getString("id") + "/surveys";
        assertThat(api.send("GET", teamPath, Api.bearer(firstToken), null, null).status()).isEqualTo(200);
        assertThat(api.send("GET", teamPath, Api.bearer(secondToken), null, null).status()).isEqualTo(200);
    }

    @Test
    void adminRoutesRefuseMissingOrWrongCredentialsAndTeamTokens() {
        var body = Json.createObjectBuilder().add("name", "Nope").build();

        assertError(api.send("POST", "api/teams", null, body), 401);
        assertError(api.send("POST", "api/teams", Api.basic("admin", "wrong"), body), 401);
        assertError(api.send("POST", "api/teams", Api.basic("root", Api.ADMIN_PASSWORD), body), 401);
        assertError(api.send("POST", "api/teams", Api.bearer(team.token()), body), 401);
        assertError(api.send("POST", "api/teams", "Basic not-base64!", body), 401);
        assertThat(api.send("POST", "api/teams", null, body).header("WWW-Authenticate")).hasValueSatisfying(h -> h.startsWith("Basic"));
    }

    @Test
    void teamRoutesRefuseMissingForgedAndAdminCredentials() {
        String path = "api/teams/" + team.id() + "/surveys";

        assertError(api.send("GET", path, null, null, null), 401);
        assertError(api.send("GET", path, Api.bearer("rut_forged"), null, null), 401);
        assertError(api.send("GET", path, Api.bearer(team.token() + "x"), null, null), 401);
        assertError(api.send("GET", path, Api.basic("admin", Api.ADMIN_PASSWORD), null, null), 401);
    }

    @Test
    void anotherTeamsTokenAndIdsAnswerNotFoundAndChangeNothing() {
        Api.Team other = api.createTeam("Other team");
        String otherSurvey = api.createSurvey(other, "FLOW", "Text").getString("id");
        String mine = "api/teams/" + team.id() + "/surveys";

        // my token on the other team's routes
        assertError(api.send("GET", "api/teams/" + other.id() + "/surveys", Api.bearer(team.token()), null, null), 404);
        assertError(api.send("GET", "api/teams/" + other.id() + "/surveys/" + otherSurvey, Api.bearer(team.token()), null, null), 404);
        assertError(api.send("PUT", "api/teams/" + other.id() + "/surveys/" + otherSurvey + "/webhook", Api.bearer(team.token()),
                webhookBody("https://example.com/steal")), 404);
        // the other team's survey id under my team
        assertError(api.send("GET", mine + "/" + otherSurvey, Api.bearer(team.token()), null, null), 404);
        assertError(api.send("PUT", mine + "/" + otherSurvey + "/webhook", Api.bearer(team.token()), webhookBody("https://example.com/steal")), 404);
        assertError(api.send("GET", mine + "/" + otherSurvey + "/webhook/deliveries", Api.bearer(team.token()), null, null), 404);
        assertError(api.send("POST", mine + "/" + otherSurvey + "/webhook/test", Api.bearer(team.token()), null, null), 404);

        assertError(api.call(other, "GET", Api.webhookPath(other, otherSurvey)), 404);
        assertThat(api.call(other, "GET", "api/teams/" + other.id() + "/surveys").array()).hasSize(1);
    }

    @Test
    void surveysAreCreatedListedByKindAndReadWithQuestionIds() {
        api.createSurvey(team, "FLOW", "YesNo");
        String path = "api/teams/" + team.id() + "/surveys";

        Reply all = api.call(team, "GET", path);
        Reply flows = api.call(team, "GET", path + "?kind=FLOW");
        Reply one = api.call(team, "GET", path + "/" + surveyId);

        assertThat(all.array()).hasSize(2);
        assertThat(flows.array()).hasSize(1);
        assertThat(flows.array().getJsonObject(0).getString("kind")).isEqualTo("FLOW");
        assertThat(one.object().getString("tag")).isEqualTo("feedback");
        assertThat(one.object().getJsonArray("questions")).hasSize(8)
                .allSatisfy(q -> assertThat(q.asJsonObject().getString("id")).isNotBlank());
        assertError(api.call(team, "GET", path + "?kind=POLL"), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"kind\":\"SURVEY\",\"questions\":[{\"type\":\"Text\",\"title\":\"t\"}]}",
        "{\"kind\":\"POLL\",\"title\":\"x\",\"questions\":[{\"type\":\"Text\",\"title\":\"t\"}]}",
        "{\"kind\":\"SURVEY\",\"title\":\"x\",\"questions\":[]}",
        "{\"kind\":\"SURVEY\",\"title\":\"x\",\"questions\":[{\"type\":\"Slider\",\"title\":\"t\"}]}",
        "{\"kind\":\"SURVEY\",\"title\":\"x\",\"questions\":[{\"type\":\"Text\",\"title\":\"  \"}]}",
        "{\"kind\":\"SURVEY\",\"title\":\"x\",\"questions\":[null]}",
        "{\"kind\":\"SURVEY\",\"title\":\"x\",\"questions\":\"Text\"}",
        "{\"kind\":\"SURVEY\",\"title\":",
        "[]"
    })
    void invalidSurveysAreRefusedAndNothingIsCreated(String body) {
        String path = "api/teams/" + team.id() + "/surveys";

        Reply reply = api.send("POST", path, Api.bearer(team.token()), "application/json", body);

        assertError(reply, 400);
        assertThat(api.call(team, "GET", path).array()).hasSize(1);
    }

    @Test
    void validationErrorsNameTheField() {
        Reply reply = api.send("POST", "api/teams/" + team.id() + "/surveys", Api.bearer(team.token()), "application/json",
                "{\"kind\":\"POLL\",\"questions\":[{\"type\":\"Text\",\"title\":\"\"}]}");

        assertError(reply, 400);
        assertThat(reply.object().getJsonArray("details").getValuesAs(jakarta.json.JsonString::getString))
                .anyMatch(d -> d.startsWith("kind:"))
                .anyMatch(d -> d.startsWith("title:"))
                .anyMatch(d -> d.startsWith("questions[0].title:"));
    }

    @Test
    void webhookSettingsAreCreatedWithAServerSecretChangedAndRemoved() {
        String path = Api.webhookPath(team, surveyId);
        JsonObject first = api.call(team, "GET", path).object();

        Reply changed = api.send("PUT", path, Api.bearer(team.token()),
                Json.createObjectBuilder().add("url", "https://example.com/other").add("enabled", false).build());
        Reply removed = api.call(team, "DELETE", path);

        assertThat(first.getString("secret")).matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(first.getBoolean("enabled")).isTrue();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.object().getString("url")).isEqualTo("https://example.com/other");
        assertThat(changed.object().getBoolean("enabled")).isFalse();
        assertThat(changed.object().getString("secret")).isEqualTo(first.getString("secret"));
        assertThat(removed.status()).isEqualTo(204);
        assertError(api.call(team, "GET", path), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a url", "ftp://example.com/hook", "/relative/hook", "http://user:pw@example.com/hook",
        "https://", "javascript:alert(1)", "http://exa mple.com/"})
    void invalidEndpointUrlsAreRefusedAndTheSettingsStayAsTheyWere(String url) {
        String path = Api.webhookPath(team, surveyId);
        JsonObject before = api.call(team, "GET", path).object();

        Reply reply = api.send("PUT", path, Api.bearer(team.token()), webhookBody(url));

        assertError(reply, 400);
        assertThat(api.call(team, "GET", path).object()).isEqualTo(before);
    }

    @Test
    void overlongEndpointUrlIsRefused() {
        Reply reply = api.send("PUT", Api.webhookPath(team, surveyId), Api.bearer(team.token()),
                webhookBody("https://example.com/" + "a".repeat(2048)));

        assertError(reply, 400);
    }

    @Test
    void badResponsesAreRefusedWithTheDocumentedStatusAndNothingIsStoredOrSent() throws Exception {
        String intake = "api/surveys/" + surveyId + "/responses";
        String rating = questionId(0);

        assertError(api.send("POST", intake, null, "application/json", "{\"answers\":["), 400);
        assertError(api.send("POST", intake, null, "application/json", "\"answers\""), 400);
        assertError(api.send("POST", intake, null, "text/plain", "{\"answers\":[]}"), 415);
        assertError(api.send("POST", "api/surveys/no-such-survey/responses", null, "application/json", "{\"answers\":[]}"), 404);
        assertError(api.send("POST", intake, null, "application/json", "{}"), 400);
        assertError(api.send("POST", intake, null, "application/json", answer("no-such-question", "3")), 400);
        assertError(api.send("POST", intake, null, "application/json",
                "{\"answers\":[{\"questionId\":\"" + rating + "\",\"response\":3},{\"questionId\":\"" + rating + "\",\"response\":4}]}"), 400);
        assertError(api.send("POST", intake, null, "application/json", "{\"phone\":\"call me\",\"answers\":[]}"), 400);
        String[][] wrongTypes = {
            {"0", "6"}, {"0", "\"5\""}, {"1", "\"Ecstatic\""}, {"2", "11"}, {"3", "42"}, {"4", "[\"a\"]"},
            {"5", "\"a\""}, {"6", "\"yes\""}, {"7", "\"12\""}, {"7", "1e999"}, {"3", "\"\\ud800\""}, {"3", "{\"a\":1}"}
        };
        for (String[] wrong : wrongTypes) {
            Reply reply = api.send("POST", intake, null, "application/json", answer(questionId(Integer.parseInt(wrong[0])), wrong[1]));
            assertError(reply, 400);
            assertThat(reply.object().getJsonArray("details").getString(0)).startsWith("answers[0].");
        }

        Thread.sleep(1500); // a sweep interval: anything stored would now be on its way
        assertThat(api.deliveries(team, surveyId)).isEmpty();
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void oversizedBodiesAreRefusedWith413AndNothingIsStored() throws Exception {
        String intake = "api/surveys/" + surveyId + "/responses";
        String huge = "{\"answers\":[{\"questionId\":\"" + questionId(3) + "\",\"response\":\"" + "x".repeat(70_000) + "\"}]}";

        Reply withLength = api.send("POST", intake, null, "application/json", huge);
        var chunked = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(api.base().resolve(intake))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(huge.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());

        assertError(withLength, 413);
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.body()).contains("request body too large");
        Thread.sleep(1500);
        assertThat(api.deliveries(team, surveyId)).isEmpty();
    }

    @Test
    void responsesCarryBrowserHardeningHeaders() {
        Reply reply = api.call(team, "GET", "api/teams/" + team.id() + "/surveys");

        assertThat(reply.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(reply.header("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(reply.header("Referrer-Policy")).contains("no-referrer");
    }

    @Test
    void unknownDeliveryAndPathAnswerJsonNotFound() {
        assertError(api.call(team, "GET", Api.webhookPath(team, surveyId) + "/deliveries/nope"), 404);
        assertError(api.call(team, "POST", Api.webhookPath(team, surveyId) + "/deliveries/nope/redeliver"), 404);
        assertError(api.send("GET", "api/nothing-here", null, null, null), 404);
    }

    private static String answer(String questionId, String responseJson) {
        return "{\"answers\":[{\"questionId\":\"" + questionId + "\",\"response\":" + responseJson + "}]}";
    }

    private static JsonObject webhookBody(String url) {
        return Json.createObjectBuilder().add("url", url).add("enabled", true).build();
    }

    private static void assertError(Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonObject error = reply.object();
        assertThat(error.getString("error")).isNotBlank();
        assertThat(error.getJsonArray("details")).isNotNull();
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
