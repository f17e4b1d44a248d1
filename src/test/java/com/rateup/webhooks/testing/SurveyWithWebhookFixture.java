package com.rateup.webhooks.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the black-box integration tests: the packaged WAR on Payara Micro, and for each test
 * its own team with a survey of every question type whose webhook points at a fresh receiver.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class SurveyWithWebhookFixture {

    public static final String[] ALL_TYPES = {"Rating", "Smiley", "NPS", "Text", "Choice", "MultiChoice", "YesNo", "Number"};

    @Deployment(testable = false)
    public static WebArchive application() {
        return Deployments.application();
    }

    @ArquillianResource
    protected URL deployment;

    protected Api api;
    protected TestReceiver receiver;
    protected Api.Team team;
    protected JsonObject survey;
    protected String surveyId;

    @BeforeEach
    void createSurveyWithWebhook() throws Exception {
        api = new Api(deployment);
        receiver = new TestReceiver();
        team = api.createTeam(getClass().getSimpleName());
        survey = api.createSurvey(team, "SURVEY", ALL_TYPES);
        surveyId = survey.getString("id");
        api.putWebhook(team, surveyId, receiver.url("/hooks/rateup"));
    }

    @AfterEach
    void closeReceiver() throws Exception {
        receiver.close();
    }

    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    protected String questionId(int index) {
        return survey.getJsonArray("questions").getJsonObject(index).getString("id");
    }

    /** Submits a response with just a rating. */
    protected String submitRating(int rating) {
        return api.submit(surveyId, "{\"answers\":[{\"questionId\":\"" + questionId(0) + "\",\"response\":" + rating + "}]}");
    }

    protected JsonObject webhook() {
        return api.call(team, "GET", Api.webhookPath(team, surveyId)).object();
    }

    protected JsonObject onlyDelivery() {
        var deliveries = api.deliveries(team, surveyId);
        assertThat(deliveries).hasSize(1);
        return deliveries.getJsonObject(0);
    }

    /** Waits until the survey's only delivery is DELIVERED or FAILED, and returns it. */
    protected JsonObject awaitFinal() {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> api.deliveries(team, surveyId).stream()
                        .anyMatch(d -> !"PENDING".equals(d.asJsonObject().getString("status"))));
        return onlyDelivery();
    }
}
