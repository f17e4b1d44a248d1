package com.rateup.webhooks.privacy.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rateup.webhooks.egress.control.Signatures;
import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.SurveyWithWebhookFixture;
import com.rateup.webhooks.testing.TestReceiver;
import com.rateup.webhooks.testing.TestReceiver.Received;
import com.rateup.webhooks.testing.TestReceiver.Status;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Respondents' privacy (#34): what each webhook may see of the respondent, erasure and access on request.
 * (Payload retention needs a server with a short retention: RecoveryProcessIT.) Cost: about 12 s per
 * database on this machine, most of it the wait that shows an erased delivery is never sent.
 */
class RespondentPrivacyIT extends SurveyWithWebhookFixture {

    private static final String PHONE = "+14155552671";
    private static final String TEXT = "call me back at home, Main Street 5";

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** A response with a rating and a free-text answer (question 3 of the fixture's survey is Text). */
    private String answers(String phone, int rating) {
        return answers(survey, phone, rating);
    }

    private static String answers(JsonObject to, String phone, int rating) {
        JsonArray questions = to.getJsonArray("questions");
        return "{\"phone\":\"" + phone + "\",\"language\":\"en\",\"answers\":[{\"questionId\":\"" + questions.getJsonObject(0).getString("id")
                + "\",\"response\":" + rating + "},{\"questionId\":\"" + questions.getJsonObject(3).getString("id") + "\",\"response\":\"" + TEXT + "\"}]}";
    }

    private JsonObject teamWebhook(Api.Team owner, String url, String personalData, String filter) {
        var settings = Json.createObjectBuilder().add("url", url).add("surveys", "all");
        if (personalData != null) {
            settings.add("personalData", json(personalData));
        }
        if (filter != null) {
            settings.add("filter", json(filter));
        }
        Api.Reply reply = api.send("POST", "api/teams/" + owner.id() + "/webhooks", Api.bearer(owner.token()), settings.build());
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.object();
    }

    private static JsonObject body(Received request) {
        return json(request.bodyText());
    }

    private static JsonValue text(JsonObject payload) {
        return payload.getJsonArray("responses").stream().map(JsonValue::asJsonObject)
                .filter(answer -> "Text".equals(answer.getString("type"))).findFirst().orElseThrow().get("response");
    }

    private Api.Reply post(Api.Team owner, String path, String phone) {
        return api.send("POST", "api/teams/" + owner.id() + "/" + path, Api.bearer(owner.token()),
                Json.createObjectBuilder().add("phone", phone).build());
    }

    @Test
    void fourWebhooksWithTheFourPhonePoliciesEachReceiveThePayloadAsTheirPolicyShapesItSignedAsSent() throws Exception {
        assertThat(webhook().getJsonObject("personalData")).as("the seed's payload by default")
                .isEqualTo(json("{\"phone\":\"send\",\"freeText\":\"send\"}"));
        String ownSecret = webhook().getString("secret");
        try (TestReceiver masked = new TestReceiver(); TestReceiver pseudonymised = new TestReceiver(); TestReceiver omitted = new TestReceiver();
                TestReceiver filtered = new TestReceiver(); TestReceiver otherTeams = new TestReceiver()) {
            JsonObject mask = teamWebhook(team, masked.url("/m"), "{\"phone\":\"mask\"}", null);
            JsonObject pseudonymise = teamWebhook(team, pseudonymised.url("/p"), "{\"phone\":\"pseudonymise\",\"freeText\":\"omit\"}", null);
            JsonObject omit = teamWebhook(team, omitted.url("/o"), "{\"phone\":\"omit\",\"freeText\":\"omit\"}", null);
            // the filter sees what is sent: the number as given never reaches a masking webhook's filter
            teamWebhook(team, filtered.url("/f"), "{\"phone\":\"mask\"}", "{\"phone\":\"" + PHONE + "\"}");
            assertThat(pseudonymise.getJsonObject("personalData")).isEqualTo(json("{\"phone\":\"pseudonymise\",\"freeText\":\"omit\"}"));
            Api.Team other = api.createTeam("Another controller");
            JsonObject otherSurvey = api.createSurvey(other, "SURVEY", ALL_TYPES);
            JsonObject othersPseudonymise = teamWebhook(other, otherTeams.url("/x"), "{\"phone\":\"pseudonymise\"}", null);

            api.submit(surveyId, answers(PHONE, 4));
            api.submit(surveyId, answers("14155552671", 5)); // the same number without its +
            api.submit(otherSurvey.getString("id"), answers(otherSurvey, PHONE, 3));

            await().atMost(PATIENCE).until(() -> receiver.received().size() == 2 && masked.received().size() == 2
                    && pseudonymised.received().size() == 2 && omitted.received().size() == 2 && otherTeams.received().size() == 1);
            Map<TestReceiver, String> secrets = Map.of(receiver, ownSecret, masked, mask.getString("secret"),
                    pseudonymised, pseudonymise.getString("secret"), omitted, omit.getString("secret"), otherTeams, othersPseudonymise.getString("secret"));
            secrets.forEach((at, secret) -> assertThat(at.received()).allSatisfy(request ->
                    assertThat(request.header("x-rateup-signature")).as("signed as sent").isEqualTo(Signatures.rateup(secret, request.body()))));

            assertThat(receiver.received()).extracting(request -> body(request).getString("phone"))
                    .containsExactlyInAnyOrder(PHONE, "14155552671");
            assertThat(receiver.received()).allSatisfy(request -> assertThat(text(body(request))).isEqualTo(Json.createValue(TEXT)));

            assertThat(masked.received()).extracting(request -> body(request).getString("phone"))
                    .containsExactlyInAnyOrder("+*********71", "*********71");
            assertThat(masked.received()).allSatisfy(request -> assertThat(text(body(request))).isEqualTo(Json.createValue(TEXT)));

            List<String> pseudonyms = pseudonymised.received().stream().map(request -> body(request).getString("phone")).toList();
            assertThat(pseudonyms.get(0)).as("one respondent, one pseudonym").startsWith("psn_").isEqualTo(pseudonyms.get(1))
                    .doesNotContain("4155552671");
            assertThat(body(otherTeams.received().get(0)).getString("phone")).as("unlinkable across teams").startsWith("psn_")
                    .isNotEqualTo(pseudonyms.get(0));
            assertThat(pseudonymised.received()).allSatisfy(request -> assertThat(text(body(request))).isEqualTo(JsonValue.NULL));

            assertThat(omitted.received()).allSatisfy(request -> {
                JsonObject payload = body(request);
                assertThat(payload).as("the key kept, the value null").containsEntry("phone", JsonValue.NULL);
                assertThat(text(payload)).isEqualTo(JsonValue.NULL);
                assertThat(request.bodyText()).doesNotContain("4155552671").doesNotContain(TEXT);
            });
            assertThat(filtered.received()).isEmpty();

            // the log shows what was sent, not the original
            String path = "api/teams/" + team.id() + "/webhooks/" + omit.getString("id") + "/deliveries";
            JsonArray log = api.call(team, "GET", path).array();
            assertThat(log).hasSize(2);
            String logged = api.call(team, "GET", path + "/" + log.getJsonObject(0).getString("id")).object().getString("payload");
            assertThat(logged).doesNotContain("4155552671").doesNotContain(TEXT).contains("\"phone\":null");
        }
    }

    @Test
    void aBadPolicyIsRefusedWith400AndAMemberLeftOutKeepsItsValue() {
        String[][] refusals = {
                {"{\"phone\":\"hash\"}", "personalData: phone: unknown policy 'hash'; known: send, mask, pseudonymise, omit"},
                {"{\"freeText\":\"mask\"}", "personalData: freeText: unknown policy 'mask'; known: send, omit"},
                {"{\"email\":\"omit\"}", "personalData: unknown member 'email'"},
                {"{\"phone\":1}", "personalData: phone must be one of"}};
        for (String[] refusal : refusals) {
            Api.Reply reply = api.send("PUT", Api.webhookPath(team, surveyId), Api.bearer(team.token()),
                    Json.createObjectBuilder().add("url", receiver.url("/hooks/rateup")).add("personalData", json(refusal[0])).build());
            assertThat(reply.status()).as(refusal[0]).isEqualTo(400);
            assertThat(reply.body()).contains(refusal[1]);
        }
        Api.Reply notAnObject = api.send("PUT", Api.webhookPath(team, surveyId), Api.bearer(team.token()),
                Json.createObjectBuilder().add("url", receiver.url("/hooks/rateup")).add("personalData", "omit").build());
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(webhook().getJsonObject("personalData")).as("unchanged").isEqualTo(json("{\"phone\":\"send\",\"freeText\":\"send\"}"));

        Api.Reply freeTextOnly = api.send("PUT", Api.webhookPath(team, surveyId), Api.bearer(team.token()),
                Json.createObjectBuilder().add("url", receiver.url("/hooks/rateup")).add("personalData", json("{\"freeText\":\"omit\"}")).build());
        assertThat(freeTextOnly.object().getJsonObject("personalData")).isEqualTo(json("{\"phone\":\"send\",\"freeText\":\"omit\"}"));
        Api.Reply phoneOnly = api.send("PUT", Api.webhookPath(team, surveyId), Api.bearer(team.token()),
                Json.createObjectBuilder().add("url", receiver.url("/hooks/rateup")).add("personalData", json("{\"phone\":\"mask\"}")).build());
        assertThat(phoneOnly.object().getJsonObject("personalData")).as("free text stays left out")
                .isEqualTo(json("{\"phone\":\"mask\",\"freeText\":\"omit\"}"));
    }

    @Test
    void anErasureRemovesTheRespondentsDataOfThatTeamOnlyAndTheirPendingDeliveriesAreNeverSent() throws Exception {
        try (TestReceiver busy = new TestReceiver(); TestReceiver othersReceiver = new TestReceiver()) {
            // answers "come back in 4 s": the team webhook's deliveries wait, pending, while the erasure runs
            busy.otherwise(new Status(503, "busy", Map.of("Retry-After", "4")));
            JsonObject waiting = teamWebhook(team, busy.url("/wait"), null, null);
            Api.Team other = api.createTeam("Another controller");
            JsonObject otherSurvey = api.createSurvey(other, "SURVEY", ALL_TYPES);
            api.putWebhook(other, otherSurvey.getString("id"), othersReceiver.url("/other"));

            Instant start = Instant.now().minusSeconds(1);
            String first = api.submit(surveyId, answers(PHONE, 2));
            String keyed = api.submitOnce(surveyId, "retry-1", answers("14155552671", 1)).object().getString("id");
            String someoneElse = api.submit(surveyId, answers("+4930123456", 5));
            String othersResponse = api.submit(otherSurvey.getString("id"), answers(otherSurvey, PHONE, 3));
            await().atMost(PATIENCE).until(() -> receiver.received().size() == 3 && busy.received().size() == 3);

            Api.Reply lookup = post(team, "respondents/lookup", PHONE);
            assertThat(lookup.status()).as(lookup.body()).isEqualTo(200);
            assertThat(lookup.object().getJsonArray("responses")).extracting(response -> response.asJsonObject().getString("id"))
                    .containsExactlyInAnyOrder(first, keyed);
            JsonArray held = lookup.object().getJsonArray("deliveries");
            assertThat(held).hasSize(4).allSatisfy(delivery -> assertThat(delivery.asJsonObject().getString("responseId")).isIn(first, keyed));
            assertThat(held).extracting(delivery -> delivery.asJsonObject().getString("url"))
                    .containsOnly(receiver.url("/hooks/rateup"), busy.url("/wait"));
            assertThat(held).anySatisfy(delivery -> assertThat(delivery.asJsonObject().getJsonArray("attempts")).isNotEmpty());

            Api.Reply erased = post(team, "erasures", "14155552671");
            assertThat(erased.status()).as(erased.body()).isEqualTo(201);
            JsonObject counts = erased.object();
            assertThat(counts.getInt("responses")).isEqualTo(2);
            assertThat(counts.getInt("deliveries")).isEqualTo(4);
            assertThat(counts.getInt("cancelled")).as("the two waiting for the busy endpoint").isEqualTo(2);
            assertThat(counts.getInt("idempotencyKeys")).isEqualTo(1);
            assertThat(erased.body()).doesNotContain("4155552671");
            assertThat(erased.header("Location")).get().asString().endsWith("/erasures/" + counts.getString("id"));
            assertThat(api.call(team, "GET", "api/teams/" + team.id() + "/erasures/" + counts.getString("id")).object()).isEqualTo(counts);
            Api.Reply audit = api.call(team, "GET", "api/teams/" + team.id() + "/erasures");
            assertThat(audit.array()).hasSize(1);
            assertThat(audit.array().getJsonObject(0).getInt("responses")).isEqualTo(2);
            assertThat(audit.body()).doesNotContain("4155552671");

            // the endpoint answers again: the other respondent's waiting delivery goes, the erased ones never do
            busy.otherwise(new Status(200, "ok"));
            await().atMost(PATIENCE).until(() -> busy.received().size() > 3
                    && busy.received().get(busy.received().size() - 1).bodyText().contains("4930123456"));
            Thread.sleep(Duration.ofSeconds(2).toMillis()); // a sweep or two more: nothing of the erased respondent follows
            assertThat(busy.received().subList(3, busy.received().size())).noneMatch(request -> request.bodyText().contains("4155552671"));

            String teamLog = "api/teams/" + team.id() + "/webhooks/" + waiting.getString("id") + "/deliveries";
            for (String path : List.of(Api.webhookPath(team, surveyId) + "/deliveries", teamLog)) {
                JsonArray log = api.call(team, "GET", path).array();
                assertThat(log).as("the deliveries stay in the log").hasSize(3);
                for (JsonValue entry : log) {
                    JsonObject delivery = entry.asJsonObject();
                    if (delivery.getString("responseId").equals(someoneElse)) {
                        continue;
                    }
                    Api.Reply detail = api.call(team, "GET", path + "/" + delivery.getString("id"));
                    assertThat(detail.object().get("payload")).isEqualTo(JsonValue.NULL);
                    assertThat(detail.body()).doesNotContain("4155552671").doesNotContain(TEXT);
                }
            }
            JsonObject cancelled = api.call(team, "GET", teamLog).array().stream().map(JsonValue::asJsonObject)
                    .filter(delivery -> delivery.getString("responseId").equals(first)).findFirst().orElseThrow();
            assertThat(cancelled.getString("status")).isEqualTo("FAILED");
            assertThat(cancelled.getString("reason")).contains("erased");
            assertThat(cancelled.getString("payloadRemoved")).isEqualTo("ERASED");
            Api.Reply redelivery = api.call(team, "POST", teamLog + "/" + cancelled.getString("id") + "/redeliver");
            assertThat(redelivery.status()).isEqualTo(409);
            assertThat(redelivery.body()).contains("payload was removed when the respondent's data was erased");

            Api.Reply after = post(team, "respondents/lookup", PHONE);
            assertThat(after.object().getJsonArray("responses")).isEmpty();
            assertThat(after.object().getJsonArray("deliveries")).isEmpty();
            assertThat(post(team, "respondents/lookup", "+4930123456").object().getJsonArray("responses")).hasSize(1);
            Api.Reply othersHeld = post(other, "respondents/lookup", PHONE);
            assertThat(othersHeld.object().getJsonArray("responses")).as("another team's data is untouched")
                    .extracting(response -> response.asJsonObject().getString("id")).containsExactly(othersResponse);
            assertThat(othersHeld.body()).contains(TEXT);

            // the key is forgotten: a retry with it is a new response now
            Api.Reply retried = api.submitOnce(surveyId, "retry-1", answers("14155552671", 1));
            assertThat(retried.status()).isEqualTo(201);
            assertThat(retried.object().getString("id")).isNotEqualTo(keyed);
            // an erased response is not sent to a webhook made later: a backfill passes it by
            JsonObject late = teamWebhook(team, busy.url("/late"), null, null);
            Api.Reply backfill = api.send("POST", "api/teams/" + team.id() + "/webhooks/" + late.getString("id") + "/backfill",
                    Api.bearer(team.token()), Json.createObjectBuilder().add("since", start.toString()).build());
            assertThat(backfill.status()).as(backfill.body()).isEqualTo(202);
            assertThat(backfill.object().getInt("count")).as("the other respondent's and the new one").isEqualTo(2);
        }
    }

    @Test
    void phoneNumbersAreCheckedAndTravelInBodiesOnly() {
        assertThat(post(team, "erasures", "call me").status()).isEqualTo(400);
        assertThat(post(team, "respondents/lookup", "").status()).isEqualTo(400);
        assertThat(api.send("POST", "api/teams/" + team.id() + "/erasures", Api.bearer(team.token()), Json.createObjectBuilder().build()).status())
                .isEqualTo(400);
        assertThat(api.call(team, "GET", "api/teams/" + team.id() + "/erasures").array()).as("a refused erasure leaves no record").isEmpty();
        Api.Team stranger = api.createTeam("Stranger");
        String theirs = post(stranger, "erasures", PHONE).object().getString("id");
        assertThat(api.call(team, "GET", "api/teams/" + team.id() + "/erasures/" + theirs).status()).as("another team's erasure").isEqualTo(404);
        assertThat(api.send("POST", "api/teams/" + team.id() + "/erasures", Api.bearer(stranger.token()),
                Json.createObjectBuilder().add("phone", PHONE).build()).status()).isEqualTo(404);
    }
}
