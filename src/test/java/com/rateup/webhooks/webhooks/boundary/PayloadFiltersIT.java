package com.rateup.webhooks.webhooks.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rateup.webhooks.egress.control.Signatures;
import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.SurveyWithWebhookFixture;
import com.rateup.webhooks.testing.TestReceiver;
import com.rateup.webhooks.testing.TestReceiver.Received;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each webhook gets only the responses its filter matches (#31), on the survey path and the team path, at
 * the intake, in a backfill and in a bulk redelivery. Cost: about 4 s per database on this machine.
 */
class PayloadFiltersIT extends SurveyWithWebhookFixture {

    private static final String UNHAPPY = "{\"responses\":{\"$elemMatch\":{\"title\":\"Rating question\",\"response\":{\"$lte\":2}}}}";
    private static final String GERMAN = "{\"language\":{\"$in\":[\"de\",\"at\"]}}";

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private String submit(int rating, String language) {
        return api.submit(surveyId, "{\"language\":\"" + language + "\",\"answers\":[{\"questionId\":\"" + questionId(0) + "\",\"response\":"
                + rating + "}]}");
    }

    private Api.Reply putFilter(JsonValue filter) {
        return api.send("PUT", Api.webhookPath(team, surveyId), Api.bearer(team.token()),
                Json.createObjectBuilder().add("url", receiver.url("/hooks/rateup")).add("filter", filter).build());
    }

    private JsonObject createTeamWebhook(String url, JsonValue surveys, JsonValue filter) {
        var settings = Json.createObjectBuilder().add("url", url).add("surveys", surveys);
        if (filter != null) {
            settings.add("filter", filter);
        }
        Api.Reply reply = api.send("POST", "api/teams/" + team.id() + "/webhooks", Api.bearer(team.token()), settings.build());
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.object();
    }

    private static JsonObject body(Received request) {
        return json(request.bodyText());
    }

    private static int rating(Received request) {
        return body(request).getJsonArray("responses").getJsonObject(0).getInt("response");
    }

    @Test
    void threeWebhooksOnOneSurveyEachReceiveExactlyWhatTheirFilterMatches() throws Exception {
        assertThat(webhook().get("filter")).as("no filter: everything").isEqualTo(JsonValue.NULL);
        Api.Reply saved = putFilter(json(UNHAPPY));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(webhook().getJsonObject("filter")).as("reads back as saved").isEqualTo(json(UNHAPPY));
        String ownSecret = webhook().getString("secret");
        try (TestReceiver sales = new TestReceiver(); TestReceiver warehouse = new TestReceiver()) {
            JsonObject german = createTeamWebhook(sales.url("/sales"), Json.createValue("all"), json(GERMAN));
            assertThat(german.getJsonObject("filter")).isEqualTo(json(GERMAN));
            JsonObject everything = createTeamWebhook(warehouse.url("/dwh"), Json.createArrayBuilder().add(surveyId).build(), null);
            assertThat(everything.get("filter")).isEqualTo(JsonValue.NULL);

            Instant before = Instant.now();
            for (int rating = 1; rating <= 5; rating++) {
                submit(rating, "en");
                submit(rating, "de");
            }

            // the deliveries are made in each response's own commit, before its 201: the logs are complete now
            assertThat(api.deliveries(team, surveyId)).hasSize(4);
            assertThat(api.call(team, "GET", "api/teams/" + team.id() + "/webhooks/" + german.getString("id") + "/deliveries").array()).hasSize(5);
            assertThat(api.call(team, "GET", "api/teams/" + team.id() + "/webhooks/" + everything.getString("id") + "/deliveries").array())
                    .hasSize(10);
            await().atMost(PATIENCE).until(() -> receiver.received().size() == 4 && sales.received().size() == 5
                    && warehouse.received().size() == 10);
            assertThat(receiver.received()).allSatisfy(request -> {
                assertThat(rating(request)).isLessThanOrEqualTo(2);
                assertThat(request.header("x-rateup-signature")).isEqualTo(Signatures.rateup(ownSecret, request.body()));
            });
            assertThat(sales.received()).allSatisfy(request -> {
                assertThat(body(request).getString("language")).isEqualTo("de");
                assertThat(request.header("x-rateup-signature")).isEqualTo(Signatures.rateup(german.getString("secret"), request.body()));
            });
            assertThat(warehouse.received()).extracting(PayloadFiltersIT::rating).containsExactlyInAnyOrder(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);

            // a narrower filter since: a bulk redelivery resends only what it matches now, and its count says so
            assertThat(putFilter(json("{\"responses.response\":{\"$lte\":1}}")).status()).isEqualTo(200);
            Api.Reply job = api.send("POST", Api.webhookPath(team, surveyId) + "/deliveries/redeliver", Api.bearer(team.token()),
                    Json.createObjectBuilder().add("status", "DELIVERED").add("since", before.minusSeconds(1).toString()).build());
            assertThat(job.status()).as(job.body()).isEqualTo(202);
            assertThat(job.object().getInt("count")).as("counted before the filter is applied").isEqualTo(4);
            String jobPath = Api.webhookPath(team, surveyId) + "/jobs/" + job.object().getString("id");
            await().atMost(PATIENCE).until(() -> "DONE".equals(api.call(team, "GET", jobPath).object().getString("state")));
            assertThat(api.call(team, "GET", jobPath).object().getInt("count")).isEqualTo(2);
            await().atMost(PATIENCE).until(() -> receiver.received().size() == 6);
            assertThat(receiver.received().subList(4, 6)).extracting(PayloadFiltersIT::rating).containsOnly(1);
        }
    }

    @Test
    void aBadFilterIsRefusedWith400NamingItsPathAndChangesNothing() {
        assertThat(putFilter(json(GERMAN)).status()).isEqualTo(200);
        String deep = "{\"a\":{\"$elemMatch\":{\"b\":{\"$elemMatch\":{\"c\":{\"$elemMatch\":{\"d\":{\"$elemMatch\":{\"e\":1}}}}}}}}}";
        String[][] refusals = {
                {"{\"language\":{\"$regex\":\"^d\"}}", "filter.language.$regex"},
                {"{\"language\":{\"$in\":\"de\"}}", "filter.language.$in expects an array"},
                {"{\"$or\":[]}", "filter.$or expects a non-empty array"},
                {deep, "deeper than 8 levels"},
                {"{\"language\":{\"$in\":[" + "\"xx\",".repeat(900) + "\"de\"]}}", "filter is longer than 4096 bytes"}};
        for (String[] refusal : refusals) {
            Api.Reply reply = putFilter(json(refusal[0]));
            assertThat(reply.status()).as(refusal[1]).isEqualTo(400);
            assertThat(reply.body()).contains(refusal[1]);
        }
        Api.Reply notAnObject = putFilter(Json.createValue("language=de"));
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(notAnObject.body()).contains("filter expects an object or null");
        Api.Reply onTeamPath = api.send("POST", "api/teams/" + team.id() + "/webhooks", Api.bearer(team.token()),
                Json.createObjectBuilder().add("url", "https://hooks.example/a").add("surveys", "all").add("filter", json("{\"$where\":\"1\"}")).build());
        assertThat(onTeamPath.status()).isEqualTo(400);
        assertThat(onTeamPath.body()).contains("filter.$where");

        assertThat(webhook().getJsonObject("filter")).as("the saved filter unchanged").isEqualTo(json(GERMAN));
        assertThat(api.call(team, "GET", "api/teams/" + team.id() + "/webhooks").array()).as("no team webhook made").hasSize(1);

        Api.Reply withoutFilter = api.send("PUT", Api.webhookPath(team, surveyId), Api.bearer(team.token()),
                Json.createObjectBuilder().add("url", receiver.url("/hooks/rateup")).build());
        assertThat(withoutFilter.object().getJsonObject("filter")).as("absent: kept").isEqualTo(json(GERMAN));
        assertThat(putFilter(JsonValue.NULL).object().get("filter")).as("null: everything").isEqualTo(JsonValue.NULL);
    }

    @Test
    void aFilteredBackfillSendsExactlyTheMatchingPastResponsesAndTheTestEventSaysWhetherTheSampleMatches() throws Exception {
        Instant before = Instant.now();
        for (int rating = 1; rating <= 3; rating++) {
            submit(rating, "en");
            submit(rating, "de");
        }
        try (TestReceiver sales = new TestReceiver()) {
            JsonObject german = createTeamWebhook(sales.url("/sales"), Json.createArrayBuilder().add(surveyId).build(), json(GERMAN));
            String path = "api/teams/" + team.id() + "/webhooks/" + german.getString("id");
            Api.Reply job = api.send("POST", path + "/backfill", Api.bearer(team.token()),
                    Json.createObjectBuilder().add("since", before.minusSeconds(1).toString()).build());
            assertThat(job.status()).as(job.body()).isEqualTo(202);
            await().atMost(PATIENCE).until(() -> "DONE".equals(api.call(team, "GET", path + "/jobs/" + job.object().getString("id")).object()
                    .getString("state")));
            await().atMost(PATIENCE).until(() -> sales.received().size() == 3);
            assertThat(sales.received()).extracting(request -> body(request).getString("language")).containsOnly("de");
            assertThat(api.call(team, "GET", path + "/jobs/" + job.object().getString("id")).object().getInt("count")).isEqualTo(3);
            assertThat(api.call(team, "GET", path + "/deliveries").array()).hasSize(3);

            JsonObject test = api.call(team, "POST", path + "/test").object();
            assertThat(test.getBoolean("delivered")).isTrue();
            assertThat(test.getBoolean("matchesFilter")).as("the sample's language is null").isFalse();
        }
        putFilter(json("{\"tag\":\"feedback\"}"));
        assertThat(api.call(team, "POST", Api.webhookPath(team, surveyId) + "/test").object().getBoolean("matchesFilter")).isTrue();
        putFilter(JsonValue.NULL);
        assertThat(api.call(team, "POST", Api.webhookPath(team, surveyId) + "/test").object().get("matchesFilter"))
                .as("no filter: nothing to say").isIn(null, JsonValue.NULL);
    }
}
