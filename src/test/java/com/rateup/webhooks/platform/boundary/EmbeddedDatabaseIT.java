package com.rateup.webhooks.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 database when its files cannot be written: the start fails with H2's reason in the
 * log when the data directory cannot be used, and the intake answers 503 (nothing stored, nothing
 * corrupted) when the database can be read but not written. (A read-only directory is simulated with H2's read-only
 * access mode: the tests run as root, whom file permissions do not stop.)
 */
class EmbeddedDatabaseIT {

    @TempDir
    Path workDir;

    @BeforeEach
    void onH2() {
        assumeFalse("postgresql".equals(System.getProperty("rateup.test.db")), "the embedded database only");
    }

    @Test
    void anUnusableDataDirectoryStopsTheStartWithTheReasonInTheLog() throws Exception {
        Path notADirectory = Files.writeString(workDir.resolve("data"), "a file where the data directory should be");
        Map<String, String> config = new HashMap<>(ServerProcess.testConfig(workDir, Map.of()));
        config.put("rateup.db.url", "jdbc:h2:file:" + notADirectory.resolve("rateup") + ";DB_CLOSE_ON_EXIT=FALSE");

        String log = ServerProcess.startFailing(workDir, "unusable", config,
                "Error while creating file \"" + notADirectory, Duration.ofMinutes(3));

        assertThat(log).contains("a file with this name already exists");
    }

    @Test
    void aDatabaseThatCannotBeWrittenAnswers503AtTheIntakeAndKeepsWhatItHad() throws Exception {
        Map<String, String> writable = ServerProcess.testConfig(workDir, Map.of());
        String surveyId;
        String questionId;
        Api.Team team;
        try (ServerProcess server = ServerProcess.start(workDir, "writable", writable)) {
            Api api = new Api(server.url());
            team = api.createTeam("Read-only later");
            var survey = api.createSurvey(team, "SURVEY", "Rating");
            surveyId = survey.getString("id");
            questionId = survey.getJsonArray("questions").getJsonObject(0).getString("id");
            api.putWebhook(team, surveyId, "http://127.0.0.1:9/hook"); // nothing listens: the delivery stays in the log
            api.submit(surveyId, answer(questionId));
            server.stop();
        }

        Map<String, String> readOnly = new HashMap<>(writable);
        readOnly.put("rateup.db.url", writable.get("rateup.db.url") + ";ACCESS_MODE_DATA=r");
        try (ServerProcess server = ServerProcess.start(workDir, "read-only", readOnly)) {
            Api api = new Api(server.url());
            Api.Reply refused = api.send("POST", "api/surveys/" + surveyId + "/responses", null, "application/json", answer(questionId));

            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isPresent();
            assertThat(refused.object().getString("error")).isEqualTo("database unavailable");
            assertThat(api.call(team, "GET", "api/teams/" + team.id() + "/surveys/" + surveyId).status()).isEqualTo(200);
            assertThat(api.deliveries(team, surveyId)).as("the response stored before, and only it").hasSize(1);
        }
    }

    private static String answer(String questionId) {
        return "{\"answers\":[{\"questionId\":\"" + questionId + "\",\"response\":3}]}";
    }
}
