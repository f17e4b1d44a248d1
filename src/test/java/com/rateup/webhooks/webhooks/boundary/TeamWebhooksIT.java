package com.rateup.webhooks.webhooks.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rateup.webhooks.egress.control.Signatures;
import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.SurveyWithWebhookFixture;
import com.rateup.webhooks.testing.TestReceiver.Received;
import com.rateup.webhooks.testing.TestReceiver;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Team webhooks: several webhooks per survey, and webhooks for all of a team's surveys and flows.
 * The fixture's survey has its own webhook (its Settings tab's URL) pointing at {@code receiver}.
 */
class TeamWebhooksIT extends SurveyWithWebhookFixture {

    @Test
    void aWebhookForAllReceivesEverySurveyOfItsTeamIncludingOnesCreatedAfterIt() throws Exception {
        try (TestReceiver agency = new TestReceiver()) {
            createTeamWebhook(team, agency.url("/all"), Json.createValue("all"));
            String flowId = api.createSurvey(team, "FLOW", "Rating").getString("id");

            submitRating(4);
            String flowResponse = api.submit(flowId, "{\"answers\":[]}");

            await().atMost(PATIENCE).until(() -> agency.received().size() == 2);
            assertThat(agency.received()).extracting(request -> body(request).getString("surveyId"))
                    .containsExactlyInAnyOrder(surveyId, flowId);
            assertThat(receiver.received()).hasSize(1);
            assertThat(api.deliveries(team, flowId)).as("the flow has no webhook of its own").isEmpty();
            assertThat(flowResponse).isNotBlank();
        }
    }

    @Test
    void threeWebhooksGetThreeDeliveriesOfTheSameBytesEachVerifiableOnlyWithItsOwnSecret() throws Exception {
        try (TestReceiver crm = new TestReceiver(); TestReceiver warehouse = new TestReceiver()) {
            String ownSecret = webhook().getString("secret");
            String crmSecret = createTeamWebhook(team, crm.url("/crm"), surveys(surveyId)).getString("secret");
            String warehouseSecret = createTeamWebhook(team, warehouse.url("/dwh"), surveys(surveyId)).getString("secret");

            submitRating(5);

            await().atMost(PATIENCE).until(() -> receiver.received().size() == 1 && crm.received().size() == 1
                    && warehouse.received().size() == 1);
            Received own = receiver.received().get(0);
            Received toCrm = crm.received().get(0);
            Received toWarehouse = warehouse.received().get(0);
            assertThat(Set.of(own.header("x-webhook-id"), toCrm.header("x-webhook-id"), toWarehouse.header("x-webhook-id"))).hasSize(3);
            assertThat(toCrm.body()).isEqualTo(own.body());
            assertThat(toWarehouse.body()).isEqualTo(own.body());
            List<String> secrets = List.of(ownSecret, crmSecret, warehouseSecret);
            List<Received> requests = List.of(own, toCrm, toWarehouse);
            for (int i = 0; i < requests.size(); i++) {
                for (int j = 0; j < secrets.size(); j++) {
                    boolean verifies = requests.get(i).header("x-rateup-signature").equals(Signatures.rateup(secrets.get(j), requests.get(i).body()));
                    assertThat(verifies).as("request %d with secret %d", i, j).isEqualTo(i == j);
                }
            }
        }
    }

    @Test
    void aDeadWebhookDoesNotHoldUpTheOthersOfTheSameSurvey() throws Exception {
        receiver.otherwise(new TestReceiver.Silent());
        try (TestReceiver crm = new TestReceiver(); TestReceiver warehouse = new TestReceiver()) {
            JsonObject crmHook = createTeamWebhook(team, crm.url("/crm"), surveys(surveyId));
            createTeamWebhook(team, warehouse.url("/dwh"), Json.createValue("all"));

            for (int rating = 1; rating <= 3; rating++) {
                submitRating(rating);
            }

            await().atMost(PATIENCE).until(() -> crm.received().size() == 3 && warehouse.received().size() == 3);
            // the dead receiver's round (1.5 s timeouts, then growing backoffs) is far from over
            assertThat(api.deliveries(team, surveyId)).hasSize(3)
                    .allSatisfy(d -> assertThat(d.asJsonObject().getString("status")).isEqualTo("PENDING"));
            await().atMost(PATIENCE).until(() -> teamWebhookDeliveries(crmHook).stream()
                    .allMatch(d -> "DELIVERED".equals(d.asJsonObject().getString("status"))));
            assertThat(teamWebhookDeliveries(crmHook)).hasSize(3);
        }
    }

    @Test
    void aScopeChangeAppliesToTheNextResponse() throws Exception {
        String otherId = api.createSurvey(team, "SURVEY", "Rating").getString("id");
        try (TestReceiver crm = new TestReceiver()) {
            JsonObject hook = createTeamWebhook(team, crm.url("/crm"), surveys(surveyId));
            submitRating(1);
            await().atMost(PATIENCE).until(() -> crm.received().size() == 1);

            Api.Reply changed = api.send("PUT", hookPath(hook), Api.bearer(team.token()), Json.createObjectBuilder()
                    .add("url", crm.url("/crm")).add("surveys", surveys(otherId)).add("description", "only the other").build());
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.object().getJsonArray("surveys")).containsExactly(Json.createValue(otherId));
            assertThat(changed.object().getString("secret")).isEqualTo(hook.getString("secret"));

            submitRating(2);
            api.submit(otherId, "{\"answers\":[]}");
            await().atMost(PATIENCE).until(() -> crm.received().size() == 2 && receiver.received().size() == 2);
            assertThat(body(crm.received().get(1)).getString("surveyId")).isEqualTo(otherId);
            assertThat(listed(team, "?surveyId=" + surveyId)).extracting(w -> w.asJsonObject().getString("url"))
                    .containsExactly(receiver.url("/hooks/rateup"));
            assertThat(listed(team, "?surveyId=" + otherId)).extracting(w -> w.asJsonObject().getString("url"))
                    .containsExactly(crm.url("/crm"));
        }
    }

    @Test
    void theTeamRoutesOfAWebhookWorkLikeTheSurveyPathOnes() throws Exception {
        try (TestReceiver crm = new TestReceiver()) {
            TestReceiver.Status down = new TestReceiver.Status(500, "down");
            crm.then(down, down, down, down); // a round: the first attempt and 3 retries
            JsonObject hook = createTeamWebhook(team, crm.url("/crm"), surveys(surveyId));
            assertThat(hook.getString("secret")).startsWith("whsec_");
            assertThat(hook.getString("survey", null)).isNull();

            submitRating(3);
            await().atMost(PATIENCE).until(() -> teamWebhookDeliveries(hook).stream()
                    .anyMatch(d -> "FAILED".equals(d.asJsonObject().getString("status"))));
            String deliveryId = teamWebhookDeliveries(hook).getJsonObject(0).getString("id");
            assertThat(api.call(team, "GET", hookPath(hook) + "/deliveries/" + deliveryId).object().getString("payload"))
                    .contains(surveyId);
            assertThat(api.call(team, "POST", hookPath(hook) + "/deliveries/" + deliveryId + "/redeliver").status()).isEqualTo(202);
            await().atMost(PATIENCE).until(() -> crm.received().stream().filter(r -> deliveryId.equals(r.header("x-webhook-id"))).count() == 5);
            await().atMost(PATIENCE).until(() -> "DELIVERED".equals(teamWebhookDeliveries(hook).getJsonObject(0).getString("status")));
            assertThat(api.deliveries(team, surveyId)).as("the survey's log is its own webhook's").hasSize(1)
                    .allSatisfy(d -> assertThat(d.asJsonObject().getString("id")).isNotEqualTo(deliveryId));

            JsonObject test = api.call(team, "POST", hookPath(hook) + "/test").object();
            assertThat(test.getBoolean("delivered")).isTrue();

            JsonObject rotated = api.call(team, "POST", hookPath(hook) + "/secret").object();
            assertThat(rotated.getString("secret")).isNotEqualTo(hook.getString("secret"));
            assertThat(listed(team, "")).allSatisfy(w -> assertThat(w.asJsonObject().isNull("secret")).isTrue());
            JsonObject own = listed(team, "").stream().map(JsonValue::asJsonObject)
                    .filter(w -> surveyId.equals(w.getString("survey", null))).findFirst().orElseThrow();
            assertThat(own.getJsonArray("surveys")).containsExactly(Json.createValue(surveyId));

            assertThat(api.call(team, "DELETE", hookPath(hook)).status()).isEqualTo(204);
            assertThat(api.call(team, "GET", hookPath(hook)).status()).isEqualTo(404);
            assertThat(api.call(team, "GET", hookPath(hook) + "/deliveries").status()).isEqualTo(404);
        }
    }

    /**
     * The recovery routes the survey path has, by the same code, on a team webhook for all surveys: a backfill
     * of both surveys' past responses (only this team's, on a server other tests share), a bulk redelivery,
     * their jobs at the team path, the receiver check and the stats; a job is found only under its own webhook.
     */
    @Test
    void aTeamWebhookBackfillsRedeliversInBulkAndChecksItsReceiverLikeASurveysOwn() throws Exception {
        String since = java.time.Instant.now().minusSeconds(60).toString();
        String otherId = api.createSurvey(team, "FLOW", "Rating").getString("id");
        submitRating(1);
        submitRating(2);
        api.submit(otherId, "{\"answers\":[]}");
        try (TestReceiver warehouse = new TestReceiver()) {
            JsonObject hook = createTeamWebhook(team, warehouse.url("/dwh"), Json.createValue("all"));
            JsonObject window = Json.createObjectBuilder().add("since", since).build();

            Api.Reply backfill = api.send("POST", hookPath(hook) + "/backfill", Api.bearer(team.token()), window);
            assertThat(backfill.status()).as(backfill.body()).isEqualTo(202);
            assertThat(backfill.object().getInt("count")).isEqualTo(3);
            String backfillJob = backfill.object().getString("id");
            assertThat(backfill.header("Location")).hasValueSatisfying(location -> assertThat(location)
                    .endsWith("/api/teams/" + team.id() + "/webhooks/" + hook.getString("id") + "/jobs/" + backfillJob));
            awaitDone(hook, backfillJob);
            assertThat(warehouse.received()).extracting(request -> body(request).getString("surveyId"))
                    .containsExactlyInAnyOrder(surveyId, surveyId, otherId);
            Api.Reply again = api.send("POST", hookPath(hook) + "/backfill", Api.bearer(team.token()), window);
            assertThat(again.object().getInt("count")).as("nothing twice").isZero();
            assertThat(api.call(team, "GET", Api.webhookPath(team, surveyId) + "/jobs/" + backfillJob).status())
                    .as("another webhook's job").isEqualTo(404);

            Api.Reply redelivery = api.send("POST", hookPath(hook) + "/deliveries/redeliver", Api.bearer(team.token()),
                    Json.createObjectBuilder().add("status", "DELIVERED").add("since", since).build());
            assertThat(redelivery.status()).as(redelivery.body()).isEqualTo(202);
            assertThat(redelivery.object().getInt("count")).isEqualTo(3);
            awaitDone(hook, redelivery.object().getString("id"));
            assertThat(warehouse.received()).hasSize(6);
            assertThat(warehouse.received().stream().map(r -> r.header("x-webhook-id")).distinct()).as("the same ids again").hasSize(3);

            JsonObject check = api.call(team, "POST", hookPath(hook) + "/check").object();
            assertThat(check.getBoolean("acceptsSigned")).isTrue();
            assertThat(check.getBoolean("rejectsMisSigned")).as("this receiver verifies nothing").isFalse();
            assertThat(api.call(team, "GET", hookPath(hook) + "/stats").object().getString("state")).isEqualTo("HEALTHY");

            String ownId = listed(team, "?surveyId=" + surveyId).getJsonObject(0).getString("id");
            assertThat(api.call(team, "GET", "api/teams/" + team.id() + "/webhooks/" + ownId + "/deliveries").array())
                    .as("a survey's own webhook at the team path").hasSameSizeAs(api.deliveries(team, surveyId));
        }
    }

    private void awaitDone(JsonObject hook, String jobId) {
        await().atMost(PATIENCE).until(() -> "DONE".equals(api.call(team, "GET", hookPath(hook) + "/jobs/" + jobId).object().getString("state")));
    }

    @Test
    void anotherTeamsWebhookIsNotFoundOnEveryRouteAndNeverReceivesThisTeamsResponses() throws Exception {
        Api.Team other = api.createTeam("Other team");
        String otherSurvey = api.createSurvey(other, "SURVEY", "Rating").getString("id");
        try (TestReceiver theirs = new TestReceiver(); TestReceiver ours = new TestReceiver()) {
            JsonObject foreign = createTeamWebhook(other, theirs.url("/all"), Json.createValue("all"));
            createTeamWebhook(team, ours.url("/all"), Json.createValue("all"));
            api.submit(otherSurvey, "{\"answers\":[]}");
            await().atMost(PATIENCE).until(() -> theirs.received().size() == 1);
            String foreignDelivery = api.call(other, "GET", hookPath(other, foreign) + "/deliveries").array().getJsonObject(0).getString("id");

            String asOurs = "api/teams/" + team.id() + "/webhooks/" + foreign.getString("id");
            JsonObject body = Json.createObjectBuilder().add("url", ours.url("/x")).add("surveys", "all").build();
            for (String[] route : new String[][] {{"GET", ""}, {"PUT", ""}, {"DELETE", ""}, {"POST", "/secret"}, {"POST", "/test"},
                    {"GET", "/deliveries"}, {"GET", "/deliveries/" + foreignDelivery}, {"POST", "/deliveries/" + foreignDelivery + "/redeliver"},
                    {"POST", "/deliveries/redeliver"}, {"POST", "/backfill"}, {"GET", "/jobs/" + foreignDelivery}, {"DELETE", "/jobs/" + foreignDelivery},
                    {"POST", "/check"}, {"GET", "/stats"}}) {
                Api.Reply reply = api.send(route[0], asOurs + route[1], Api.bearer(team.token()),
                        "PUT".equals(route[0]) ? body : "POST".equals(route[0]) ? Json.createObjectBuilder().add("since", "2026-01-01T00:00:00Z").build() : null);
                assertThat(reply.status()).as(route[0] + " " + route[1]).isEqualTo(404);
            }
            Api.Reply foreignScope = api.send("POST", "api/teams/" + team.id() + "/webhooks", Api.bearer(team.token()),
                    Json.createObjectBuilder().add("url", ours.url("/y")).add("surveys", surveys(otherSurvey)).build());
            assertThat(foreignScope.status()).isEqualTo(400);
            assertThat(foreignScope.body()).contains("surveys: no survey or flow " + otherSurvey);

            submitRating(2);
            await().atMost(PATIENCE).until(() -> ours.received().size() == 1);
            assertThat(body(ours.received().get(0)).getString("teamId")).isEqualTo(team.id());
            assertThat(theirs.received()).hasSize(1);
            assertThat(api.send("GET", "api/teams/" + other.id() + "/webhooks/" + foreign.getString("id"),
                    Api.bearer(other.token()), null).status()).isEqualTo(200);
        }
    }

    @Test
    void badSettingsAreRefusedWithAClearErrorAndChangeNothing() {
        String path = "api/teams/" + team.id() + "/webhooks";
        for (String bad : new String[] {"{\"url\":\"https://hooks.example/a\"}", "{\"url\":\"https://hooks.example/a\",\"surveys\":[]}",
                "{\"url\":\"https://hooks.example/a\",\"surveys\":\"some\"}", "{\"url\":\"https://hooks.example/a\",\"surveys\":[1]}",
                "{\"url\":\"ftp://hooks.example/a\",\"surveys\":\"all\"}", "{\"surveys\":\"all\"}"}) {
            Api.Reply reply = api.send("POST", path, Api.bearer(team.token()), "application/json", bad);
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(reply.object().getString("error")).as(bad).isEqualTo("validation failed");
        }
        JsonObject own = listed(team, "").getJsonObject(0).asJsonObject();
        Api.Reply widened = api.send("PUT", path + "/" + own.getString("id"), Api.bearer(team.token()),
                Json.createObjectBuilder().add("url", own.getString("url")).add("surveys", "all").build());
        assertThat(widened.status()).isEqualTo(409);
        assertThat(listed(team, "")).hasSize(1);
        assertThat(api.send("GET", path + "?surveyId=no-such-survey", Api.bearer(team.token()), null).status()).isEqualTo(404);
    }

    /** {@code events} on every webhook's JSON: the default, an unknown type refused (400, naming it), nothing changed. */
    @Test
    void eventsDefaultToResponseCreatedAndAnUnknownTypeIsRefusedOnEveryPath() {
        assertThat(webhook().getJsonArray("events").getString(0)).isEqualTo("response.created");
        assertThat(webhook().getJsonArray("events")).hasSize(1);
        String teamPath = "api/teams/" + team.id() + "/webhooks";
        String alertsPath = "api/teams/" + team.id() + "/alerts";
        String[][] refusals = {
            {"POST", teamPath, "{\"url\":\"https://hooks.example/a\",\"surveys\":\"all\",\"events\":[\"response.updated\"]}", "response.updated"},
            {"POST", teamPath, "{\"url\":\"https://hooks.example/a\",\"surveys\":\"all\",\"events\":[]}", "at least one"},
            {"PUT", Api.webhookPath(team, surveyId), "{\"url\":\"https://hooks.example/b\",\"events\":[\"webhook.failing\",\"nope\"]}", "nope"},
            {"PUT", alertsPath, "{\"url\":\"https://hooks.example/c\",\"events\":[\"response.created\"]}", "response.created"}};
        for (String[] refusal : refusals) {
            Api.Reply reply = api.send(refusal[0], refusal[1], Api.bearer(team.token()), "application/json", refusal[2]);
            assertThat(reply.status()).as(refusal[2]).isEqualTo(400);
            assertThat(reply.body()).as(refusal[2]).contains("events: ").contains(refusal[3]);
        }
        assertThat(listed(team, "")).hasSize(1);
        assertThat(webhook().getString("url")).isEqualTo(receiver.url("/hooks/rateup"));
        assertThat(api.call(team, "GET", alertsPath).status()).isEqualTo(404);

        Api.Reply both = api.send("PUT", Api.webhookPath(team, surveyId), Api.bearer(team.token()), "application/json",
                "{\"url\":\"" + receiver.url("/hooks/rateup") + "\",\"events\":[\"delivery.failed\",\"response.created\"]}");
        assertThat(both.status()).isEqualTo(200);
        assertThat(both.object().getJsonArray("events").getValuesAs(JsonString.class)).extracting(JsonString::getString)
                .containsExactly("response.created", "delivery.failed");
        Api.Reply kept = api.send("PUT", Api.webhookPath(team, surveyId), Api.bearer(team.token()), "application/json",
                "{\"url\":\"" + receiver.url("/hooks/rateup") + "\"}");
        assertThat(kept.object().getJsonArray("events")).as("absent: as they were").hasSize(2);
    }

    @Test
    void aTeamHasAtMostMaxWebhooksTeamWebhooks() {
        for (int i = 0; i < 20; i++) {
            createTeamWebhook(team, "https://hooks.example/" + i, Json.createValue("all"));
        }
        Api.Reply beyond = api.send("POST", "api/teams/" + team.id() + "/webhooks", Api.bearer(team.token()),
                Json.createObjectBuilder().add("url", "https://hooks.example/21").add("surveys", "all").build());
        assertThat(beyond.status()).isEqualTo(409);
        assertThat(beyond.object().getString("error")).contains("rateup.team.max-webhooks");
        assertThat(listed(team, "")).hasSize(21); // the survey's own webhook is not a team webhook
    }

    private JsonObject createTeamWebhook(Api.Team owner, String url, JsonValue scope) {
        Api.Reply reply = api.send("POST", "api/teams/" + owner.id() + "/webhooks", Api.bearer(owner.token()),
                Json.createObjectBuilder().add("url", url).add("surveys", scope).add("description", "test").build());
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.header("location")).hasValueSatisfying(location -> assertThat(location).endsWith(reply.object().getString("id")));
        return reply.object();
    }

    private static JsonArray surveys(String... ids) {
        return Json.createArrayBuilder(Arrays.asList(ids)).build();
    }

    private String hookPath(JsonObject hook) {
        return hookPath(team, hook);
    }

    private static String hookPath(Api.Team owner, JsonObject hook) {
        return "api/teams/" + owner.id() + "/webhooks/" + hook.getString("id");
    }

    private JsonArray teamWebhookDeliveries(JsonObject hook) {
        return api.call(team, "GET", hookPath(hook) + "/deliveries").array();
    }

    private JsonArray listed(Api.Team owner, String query) {
        return api.call(owner, "GET", "api/teams/" + owner.id() + "/webhooks" + query).array();
    }

    private static JsonObject body(Received request) {
        return Json.createReader(new StringReader(request.bodyText())).readObject();
    }
}
