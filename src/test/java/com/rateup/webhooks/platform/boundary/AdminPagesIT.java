package com.rateup.webhooks.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rateup.webhooks.egress.control.Signatures;
import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.Browser;
import com.rateup.webhooks.testing.Deployments;
import com.rateup.webhooks.testing.TestReceiver;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.NoAlertPresentException;

/**
 * The admin pages in a real browser (Debian's headless Chromium) against the packaged WAR on
 * Payara Micro. Surveys are created through the REST API, as integrators do; everything else
 * happens on the pages. The run refreshes the README's screenshots in docs/images.
 */
@ExtendWith(ArquillianExtension.class)
class AdminPagesIT {

    private static final String PASSWORD = "correct horse battery";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    /** One browser for the class, reset before each test: starting Chromium and its driver takes about 3 s. */
    private static Browser browser;

    private Api api;
    private TestReceiver receiver;
    private Api.Team team;
    private String user;
    private String surveyId;

    @BeforeEach
    void teamWithUserSurveyAndFlow() throws Exception {
        api = new Api(deployment);
        receiver = new TestReceiver();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        team = api.createTeam("Acme " + suffix);
        user = "alice-" + suffix;
        api.createUser(team, user, PASSWORD);
        surveyId = api.createTitledSurvey(team, "SURVEY", "Customer satisfaction", "checkout", "Rating", "NPS", "Text").getString("id");
        api.createTitledSurvey(team, "FLOW", "Delivery feedback", "whatsapp", "YesNo", "Text");
        if (browser == null) {
            browser = new Browser(deployment);
        } else {
            browser.reset();
        }
    }

    @AfterEach
    void closeReceiver() throws Exception {
        receiver.close();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void adminConfiguresAWebhookAsTheDocumentationTellsAndItsSecretSignsTheDeliveries() throws Exception {
        browser.open("/");
        assertThat(browser.path()).startsWith("/login.xhtml");

        browser.login("admin", Api.ADMIN_PASSWORD);
        browser.clickLink("Surveys");
        assertThat(browser.text("#surveys")).contains("Customer satisfaction", "checkout", "Acme");
        assertThat(rowOf("Customer satisfaction")).contains("3", "none");
        browser.clickLink("Customer satisfaction");
        browser.clickLink("Settings");
        browser.type("#webhook\\:url", receiver.url("/hooks/rateup"));
        browser.click("#webhook\\:save");

        assertThat(browser.text("#messages")).contains("Webhook saved");
        JsonObject webhook = api.call(team, "GET", Api.webhookPath(team, surveyId)).object();
        assertThat(webhook.getString("url")).isEqualTo(receiver.url("/hooks/rateup"));
        assertThat(webhook.getBoolean("enabled")).isTrue();
        browser.find("#secret summary").click();
        String shownSecret = browser.find("#secret-value").getAttribute("value");
        assertThat(shownSecret).startsWith("whsec_").isEqualTo(webhook.getString("secret"));
        browser.screenshot("settings-tab");

        String responseId = api.submit(surveyId, "{\"answers\":[]}");
        await().atMost(PATIENCE).until(() -> receiver.received().size() == 1);
        var received = receiver.received().get(0);
        assertThat(received.bodyText()).contains(surveyId);
        assertThat(received.header("x-rateup-signature")).isEqualTo(Signatures.rateup(shownSecret, received.body()));

        browser.clickLink("Deliveries");
        await().atMost(PATIENCE).until(() -> {
            browser.driver().navigate().refresh();
            return browser.text("#delivery-table").contains("delivered");
        });
        browser.clickLink(browser.find("#delivery-table tbody tr td a").getText());
        assertThat(browser.text("#attempts")).contains("200");
        assertThat(browser.text("#payload")).contains(surveyId).contains("\n  "); // indented for reading
        assertThat(api.deliveries(team, surveyId).getJsonObject(0).getString("responseId")).isEqualTo(responseId);
        browser.screenshot("deliveries-tab");

        browser.click("#delivery-table input[type=submit]");
        assertThat(browser.text("#messages")).contains("queued again");
        await().atMost(PATIENCE).until(() -> receiver.received().size() == 2);
        assertThat(receiver.received().get(1).header("x-webhook-id")).isEqualTo(received.header("x-webhook-id"));

        browser.clickLink("Settings");
        assertThat(browser.text("#health-state")).isEqualTo("healthy");
        assertThat(browser.text("#health-p95")).contains("of the 1.5 s timeout");
        // the last 24 hours drawn by the server: a bar per hour (the two attempts in the last one or two), the same as a table
        // the second attempt's hour figures are written just after the receiver answered it (HealthBookkeeping)
        await().atMost(PATIENCE).until(() -> {
            browser.driver().navigate().refresh();
            return browser.find("#health-chart-desc").getAttribute("textContent").startsWith("2 attempts in the last 24 hours, 0 of them failed");
        });
        var bars = browser.driver().findElements(org.openqa.selenium.By.cssSelector("#health-chart svg rect.attempts"));
        assertThat(bars).hasSize(24);
        assertThat(bars.subList(22, 24)).anySatisfy(bar -> assertThat(bar.getAttribute("height")).isNotEqualTo("0"));
        assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("#health-hours tbody tr"))).hasSize(24);
        browser.screenshot("health-chart");
        browser.open("/surveys.xhtml?kind=SURVEY&team=" + team.id());
        assertThat(rowOf("Customer satisfaction")).contains("enabled", "healthy");
    }

    @Test
    void theDeliveriesTabPagesThroughManyDeliveriesNewestFirstAndFiltersByStatus() {
        api.putWebhook(team, surveyId, receiver.url("/hooks"));
        receiver.then(new TestReceiver.Status(410, "gone")); // the first delivery fails for good and disables the webhook
        String first = api.submit(surveyId, "{\"answers\":[]}");
        await().atMost(PATIENCE).until(() -> api.deliveries(team, surveyId).getJsonObject(0).getString("status").equals("FAILED"));
        api.putWebhook(team, surveyId, receiver.url("/hooks"));
        for (int i = 0; i < 60; i++) {
            api.submit(surveyId, "{\"answers\":[]}");
        }
        await().atMost(PATIENCE).until(() -> receiver.received().size() == 61);
        browser.login(user, PASSWORD);

        browser.open("/survey.xhtml?id=" + surveyId + "&tab=deliveries");
        assertThat(browser.text("#range")).isEqualTo("1–25 of 61");
        browser.clickLink("Older ›");
        browser.clickLink("Older ›");
        assertThat(browser.text("#range")).isEqualTo("51–61 of 61");
        assertThat(browser.text(".pager")).contains("Page 3 of 3").doesNotContain("Older");
        String oldest = browser.driver().findElements(org.openqa.selenium.By.cssSelector("#delivery-table tbody tr")).get(10).getText();
        assertThat(oldest).contains("failed");

        new org.openqa.selenium.support.ui.Select(browser.find("#status")).selectByValue("FAILED");
        browser.click("#apply-filter");
        assertThat(browser.text("#range")).isEqualTo("1–1 of 1");
        browser.clickLink(browser.find("#delivery-table tbody tr td a").getText());
        assertThat(browser.text("#attempts")).contains("410");
        assertThat(api.call(team, "GET", Api.webhookPath(team, surveyId) + "/deliveries?status=FAILED").array()
                .getJsonObject(0).getString("responseId")).isEqualTo(first);
    }

    @Test
    void aBadUrlShowsAMessageNextToTheFieldAndChangesNothing() {
        api.putWebhook(team, surveyId, receiver.url("/before"));
        browser.login(user, PASSWORD);
        browser.open("/survey.xhtml?id=" + surveyId + "&tab=settings");

        for (String bad : List.of("not a url", "ftp://example.com/hook", "https://user:pw@example.com/hook", "", "javascript:alert(1)", "http://")) {
            browser.type("#webhook\\:url", bad);
            browser.click("#webhook\\:save");
            assertThat(browser.text("#webhook\\:urlError")).as(bad).isNotBlank();
            assertThat(api.call(team, "GET", Api.webhookPath(team, surveyId)).object().getString("url")).isEqualTo(receiver.url("/before"));
        }
        assertThat(browser.has("#messages .alert-info")).isFalse();
    }

    @Test
    void aTeamUserSeesOnlyTheOwnTeamAndAnotherTeamsSurveyIsNotFoundEvenByUrl() {
        Api.Team other = api.createTeam("Other " + UUID.randomUUID());
        String othersSurvey = api.createTitledSurvey(other, "SURVEY", "Secret plans", "other", "Text").getString("id");

        browser.login(user, PASSWORD);
        browser.clickLink("Surveys");
        assertThat(browser.text("main")).contains("Customer satisfaction").doesNotContain("Secret plans");
        browser.clickLink("Flows");
        assertThat(browser.text("#surveys")).contains("Delivery feedback").doesNotContain("Customer satisfaction");

        for (String tab : List.of("overview", "settings", "deliveries")) {
            browser.open("/survey.xhtml?id=" + othersSurvey + "&tab=" + tab);
            assertThat(browser.text("h1")).isEqualTo("Not found");
            assertThat(browser.driver().getPageSource()).doesNotContain("Secret plans");
        }
        browser.open("/survey.xhtml?id=" + surveyId + "&tab=../../WEB-INF/web.xml");
        assertThat(browser.text("#overview")).contains("Rating question");

        String othersWebhook = api.send("POST", "api/teams/" + other.id() + "/webhooks", Api.bearer(other.token()),
                Json.createObjectBuilder().add("url", "https://hooks.example/secret-plans").add("surveys", "all").build()).object().getString("id");
        browser.open("/webhook.xhtml?id=" + othersWebhook);
        assertThat(browser.text("h1")).isEqualTo("Not found");
        assertThat(browser.driver().getPageSource()).doesNotContain("secret-plans");
    }

    @Test
    void everyPageButTheLoginNeedsALoginAndAWrongPasswordIsRefused() {
        browser.open("/survey.xhtml?id=" + surveyId + "&tab=settings");
        assertThat(browser.path()).startsWith("/login.xhtml");

        browser.type("#login\\:username", user);
        browser.type("#login\\:password", "wrong password");
        browser.click("#login\\:submit");
        assertThat(browser.text("#messages")).contains("Wrong user name or password");

        browser.open("/surveys.xhtml");
        assertThat(browser.path()).startsWith("/login.xhtml");
        browser.type("#login\\:username", user);
        browser.type("#login\\:password", PASSWORD);
        browser.click("#login\\:submit");
        assertThat(browser.path()).startsWith("/surveys.xhtml");

        browser.logout();
        browser.open("/surveys.xhtml");
        assertThat(browser.path()).startsWith("/login.xhtml");
    }

    @Test
    void aTeamBackfillsANewWebhookChecksItsReceiverFindsFailuresAndRedeliversThemAllWithProgress() {
        for (int i = 0; i < 3; i++) {
            api.submit(surveyId, "{\"answers\":[]}");
        }
        browser.login(user, PASSWORD);
        browser.open("/survey.xhtml?id=" + surveyId + "&tab=settings");
        browser.type("#webhook\\:url", receiver.url("/hooks"));
        browser.click("#webhook\\:save");
        assertThat(browser.text("#backfill-question")).contains("3 responses from before the webhook");
        browser.click("#backfill\\:ask");
        assertThat(browser.text("#backfill-confirm-question")).contains("Send the 3 responses");
        browser.click("#backfill\\:confirm");
        assertThat(browser.text("#messages")).contains("Sending 3 past responses");
        await().atMost(PATIENCE).until(() -> receiver.received().size() == 3);
        assertThat(browser.has("#backfill-question")).as("offered once").isFalse();

        browser.click("#check\\:run");
        assertThat(browser.text("#check-verdict")).contains("accepts events with a wrong signature").contains("anyone can forge them");
        assertThat(receiver.received()).hasSize(6);

        receiver.otherwise(new TestReceiver.Status(400, "no"));
        for (int i = 0; i < 4; i++) {
            api.submit(surveyId, "{\"answers\":[]}");
        }
        await().atMost(PATIENCE).until(() -> api.call(team, "GET", Api.webhookPath(team, surveyId) + "/deliveries?status=FAILED").array().size() == 4);
        receiver.otherwise(new TestReceiver.Status(200, "ok"));
        String hourAgo = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusHours(1).withSecond(0).withNano(0).toString();

        browser.open("/survey.xhtml?id=" + surveyId + "&tab=deliveries");
        assertThat(browser.text("#range")).isEqualTo("1–7 of 7");
        new org.openqa.selenium.support.ui.Select(browser.find("#status")).selectByValue("FAILED");
        browser.script("document.getElementById('since').value = arguments[0]", hourAgo);
        browser.type("#statusCode", "400");
        browser.click("#apply-filter");
        assertThat(browser.text("#range")).isEqualTo("1–4 of 4");
        assertThat(browser.path()).contains("statusCode=400").contains("since=");

        browser.script("document.getElementById('recover:since').value = arguments[0]", hourAgo);
        browser.click("#recover\\:ask");
        assertThat(browser.text("#recover-question")).contains("Send the 4 failed deliveries again");
        browser.click("#recover\\:confirm");
        assertThat(browser.text("#messages")).contains("Redelivering 4 deliveries");
        await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            browser.open("/survey.xhtml?id=" + surveyId + "&tab=deliveries");
            return browser.text("#job-text").startsWith("Redelivery done: 4 of 4");
        });
        assertThat(browser.find("#job-progress").getAttribute("value")).isEqualTo("4");
        assertThat(receiver.received()).hasSize(6 + 16 + 4);
        assertThat(api.call(team, "GET", Api.webhookPath(team, surveyId) + "/deliveries?status=DELIVERED").array()).hasSize(7);
    }

    @Test
    void rotatingTheSecretAsksFirstAndIsRecordedAndATestEventShowsItsOutcome() {
        String before = api.putWebhook(team, surveyId, receiver.url("/hooks")).getString("secret");
        browser.login(user, PASSWORD);
        browser.open("/survey.xhtml?id=" + surveyId + "&tab=settings");

        browser.click("#rotate\\:ask");
        assertThat(browser.text("#rotate-question")).contains("Rotate the client secret?");
        browser.click("#rotate\\:cancel");
        assertThat(secret()).isEqualTo(before);

        browser.click("#rotate\\:ask");
        browser.click("#rotate\\:confirm");
        assertThat(browser.text("#messages")).contains("rotated");
        JsonObject after = api.call(team, "GET", Api.webhookPath(team, surveyId)).object();
        assertThat(after.getString("secret")).isNotEqualTo(before);
        assertThat(after.getString("secretRotatedBy")).isEqualTo(user);
        assertThat(browser.text("#rotated")).contains("by " + user);

        receiver.then(new TestReceiver.Status(503, "busy"));
        browser.click("#test\\:send");
        assertThat(browser.text("#test-result")).isEqualTo("Failed");
        assertThat(browser.text("#test-status")).isEqualTo("503");
        browser.click("#test\\:send");
        assertThat(browser.text("#test-result")).isEqualTo("Delivered");
        assertThat(browser.text("#test-status")).isEqualTo("200");
        assertThat(browser.text("#test-duration")).matches("\\d+ ms");
        assertThat(receiver.received()).hasSize(2);
        assertThat(receiver.received().get(1).header("x-rateup-signature"))
                .isEqualTo(Signatures.rateup(after.getString("secret"), receiver.received().get(1).body()));
    }

    @Test
    void userTextIsEscapedOnEveryPage() {
        String hostile = "<script>alert('title')</script><img src=x onerror=alert('img')>";
        String hostileId = api.createTitledSurvey(team, "SURVEY", hostile, "<b>tag</b>", "Text").getString("id");
        api.putWebhook(team, hostileId, receiver.url("/hooks"));
        receiver.otherwise(new TestReceiver.Status(500, "<script>alert('answer')</script>"));
        api.submit(hostileId, "{\"answers\":[]}");

        browser.login(user, PASSWORD);
        browser.clickLink("Surveys");
        assertThat(browser.text("#surveys")).contains(hostile);
        browser.open("/survey.xhtml?id=" + hostileId + "&tab=overview");
        assertThat(browser.text("#survey-title")).isEqualTo(hostile);
        await().atMost(PATIENCE).until(() -> !receiver.received().isEmpty());
        browser.open("/survey.xhtml?id=" + hostileId + "&tab=deliveries");
        browser.clickLink(browser.find("#delivery-table tbody tr td a").getText());
        assertThat(browser.text("#answer")).contains("<script>alert('answer')</script>");

        assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("main script, main img"))).isEmpty();
        try {
            browser.driver().switchTo().alert();
            throw new AssertionError("a script of the user's text ran");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    @Test
    void aFormPostWithoutTheViewsStateChangesNothing() {
        api.putWebhook(team, surveyId, receiver.url("/before"));
        browser.login(user, PASSWORD);
        browser.open("/survey.xhtml?id=" + surveyId + "&tab=settings");
        var session = browser.driver().manage().getCookieNamed("JSESSIONID");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualToIgnoringCase("Strict");

        // a forged post from the signed-in browser: right field names, but not the view's ViewState id
        Object status = browser.script("""
                const body = new URLSearchParams({'webhook': 'webhook', 'webhook:url': 'https://attacker.example/x',
                    'webhook:save': 'Save changes', 'jakarta.faces.ViewState': '-123:456'});
                return fetch(location.pathname + location.search, {method: 'POST', body: body, credentials: 'same-origin'})
                    .then(r => r.status);""");

        assertThat(((Number) status).intValue()).isNotEqualTo(302);
        assertThat(api.call(team, "GET", Api.webhookPath(team, surveyId)).object().getString("url")).isEqualTo(receiver.url("/before"));
    }

    @Test
    void thePagesFitA375PixelScreenAndEveryInputHasALabel() {
        api.putWebhook(team, surveyId, receiver.url("/hooks"));
        createTeamWebhook(receiver.url("/a-rather-long-path/for-the-team-webhook/that/receives-every-survey"), "all");
        browser.size(375, 812);
        browser.login(user, PASSWORD);
        for (String page : List.of("/surveys.xhtml", "/survey.xhtml?id=" + surveyId + "&tab=overview",
                "/survey.xhtml?id=" + surveyId + "&tab=settings", "/survey.xhtml?id=" + surveyId + "&tab=deliveries", "/webhooks.xhtml",
                "/alerts.xhtml", "/privacy.xhtml")) {
            browser.open(page);
            long overflow = (Long) browser.script("return document.documentElement.scrollWidth - window.innerWidth");
            Object widest = browser.script("""
                    return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                        .filter(e => !e.parentElement.closest('.table-scroll') || getComputedStyle(e).position === 'absolute')
                        .map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width));""");
            assertThat(overflow).as(page + " wider than the screen: " + widest).isLessThanOrEqualTo(0);
            Object unlabelled = browser.script("""
                    return [...document.querySelectorAll('input:not([type=hidden]):not([type=submit]), select, textarea')]
                        .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label')).map(e => e.id || e.name);""");
            assertThat((List<?>) unlabelled).as(page).isEmpty();
        }
    }

    @Test
    void axeCoreFindsNoSeriousViolationOnAnyPage() throws Exception {
        api.putWebhook(team, surveyId, receiver.url("/hooks"));
        createTeamWebhook(receiver.url("/team"), "all");
        api.submit(surveyId, "{\"answers\":[]}");
        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.received().isEmpty());
        Map<String, List<String>> violations = new LinkedHashMap<>();
        browser.open("/login.xhtml");
        violations.put("/login.xhtml", browser.accessibilityViolations());
        browser.login(user, PASSWORD);
        for (String page : List.of("/surveys.xhtml?kind=SURVEY", "/surveys.xhtml?kind=FLOW", "/survey.xhtml?id=" + surveyId + "&tab=overview",
                "/survey.xhtml?id=" + surveyId + "&tab=settings", "/survey.xhtml?id=" + surveyId + "&tab=deliveries", "/webhooks.xhtml",
                "/alerts.xhtml", "/privacy.xhtml")) {
            browser.open(page);
            violations.put(page, browser.accessibilityViolations());
        }
        browser.open("/webhooks.xhtml");
        browser.click("#add\\:new");
        violations.put("/webhooks.xhtml (new webhook form)", browser.accessibilityViolations());
        String teamWebhookId = api.call(team, "GET", "api/teams/" + team.id() + "/webhooks").array().getJsonObject(0).getString("id");
        browser.open("/webhook.xhtml?id=" + teamWebhookId);
        violations.put("/webhook.xhtml", browser.accessibilityViolations());
        assertThat(violations.values()).as(violations.toString()).allMatch(List::isEmpty);
    }

    @Test
    void aTeamUserAddsAWebhookForAllSurveysOnTheWebhooksPageAndTheSettingsTabListsIt() throws Exception {
        String flowId = api.call(team, "GET", "api/teams/" + team.id() + "/surveys?kind=FLOW").array().getJsonObject(0).getString("id");
        browser.login(user, PASSWORD);
        browser.clickLink("Webhooks");
        assertThat(browser.text("#no-webhooks")).contains("No webhooks yet");

        browser.click("#add\\:new");
        browser.type("#webhook\\:url", receiver.url("/agency"));
        browser.type("#webhook\\:description", "Agency dashboard");
        browser.click("#webhook\\:save");
        assertThat(browser.text("#messages")).contains("Choose the surveys and flows it receives");
        browser.find("#webhook\\:all").click();
        browser.click("#webhook\\:save");

        assertThat(browser.text("#messages")).contains("Webhook created");
        JsonObject created = api.call(team, "GET", "api/teams/" + team.id() + "/webhooks").array().getJsonObject(0).asJsonObject();
        assertThat(created.getString("surveys")).isEqualTo("all");
        assertThat(created.getString("description")).isEqualTo("Agency dashboard");
        browser.find("#secret summary").click();
        String secret = browser.find("#secret-value").getAttribute("value");
        assertThat(secret).startsWith("whsec_");
        assertThat(browser.text("#webhook-table")).contains(receiver.url("/agency"), "All surveys and flows", "enabled");

        api.submit(flowId, "{\"answers\":[]}");
        await().atMost(PATIENCE).until(() -> receiver.received().size() == 1);
        assertThat(receiver.received().get(0).header("x-rateup-signature")).isEqualTo(Signatures.rateup(secret, receiver.received().get(0).body()));
        await().atMost(PATIENCE).until(() -> {
            browser.open("/webhooks.xhtml");
            return browser.text("#webhook-table .last").contains("delivered");
        });
        browser.click("#webhook-table input[type=submit]");
        assertThat(browser.has("#health")).as("a team webhook shows what every webhook shows").isTrue();
        browser.click("#test\\:send");
        assertThat(browser.text("#test-result")).isEqualTo("Delivered");
        assertThat(receiver.received()).hasSize(2);
        browser.click("#webhook-table a.deliveries-link");
        assertThat(browser.text("#webhook-title")).isEqualTo(receiver.url("/agency"));
        assertThat(browser.text("#delivery-table")).contains("delivered");
        browser.click("#delivery-table input[type=submit]");
        assertThat(browser.text("#messages")).contains("is queued again");
        await().atMost(PATIENCE).until(() -> receiver.received().size() == 3);
        assertThat(receiver.received().get(2).header("x-webhook-id")).isEqualTo(receiver.received().get(0).header("x-webhook-id"));
        browser.script("document.getElementById('recover:since').value = arguments[0]", "2020-01-01T00:00");
        browser.click("#recover\\:ask");
        assertThat(browser.text("#messages")).as("nothing failed: recovery in bulk is there for a team webhook too").contains("No delivery failed");

        browser.open("/survey.xhtml?id=" + surveyId + "&tab=settings");
        assertThat(browser.text("#other-webhooks")).contains(receiver.url("/agency"), "Agency dashboard");

        browser.clickLink("Webhooks");
        browser.click("#webhook-table input[type=submit]");
        browser.find("#webhook\\:all").click();
        browser.driver().findElements(org.openqa.selenium.By.cssSelector("#webhook\\:surveys input")).stream()
                .filter(box -> box.getAttribute("value").equals(flowId)).findFirst().orElseThrow().click();
        browser.click("#webhook\\:save");
        assertThat(browser.text("#messages")).contains("Changes saved");
        assertThat(browser.text("#webhook-table .scope")).isEqualTo("Delivery feedback");
        assertThat(api.call(team, "GET", "api/teams/" + team.id() + "/webhooks/" + created.getString("id")).object()
                .getJsonArray("surveys").getString(0)).isEqualTo(flowId);
        browser.open("/survey.xhtml?id=" + surveyId + "&tab=settings");
        assertThat(browser.has("#other-webhooks")).isFalse();

        browser.clickLink("Webhooks");
        browser.click("#webhook-table input[type=submit]");
        browser.click("#delete\\:ask");
        browser.click("#delete\\:confirm");
        assertThat(browser.text("#messages")).contains("deleted");
        assertThat(api.call(team, "GET", "api/teams/" + team.id() + "/webhooks").array()).isEmpty();
    }

    @Test
    void aTeamUserSetsTheAlertEndpointAndATestAlertArrivesSignedWithItsSecret() throws Exception {
        browser.login(user, PASSWORD);
        browser.clickLink("Alerts");
        browser.type("#alerts\\:url", receiver.url("/alerts"));
        browser.click("#alerts\\:save");

        assertThat(browser.text("#messages")).contains("Alert endpoint saved");
        assertThat(api.call(team, "GET", "api/teams/" + team.id() + "/alerts").object().getString("url")).isEqualTo(receiver.url("/alerts"));
        browser.find("#secret summary").click();
        String secret = browser.find("#secret-value").getAttribute("value");
        browser.click("#test\\:send");

        assertThat(browser.text("#test-result")).isEqualTo("Delivered");
        assertThat(receiver.received()).hasSize(1);
        assertThat(receiver.received().get(0).bodyText()).contains("\"type\":\"test\"");
        assertThat(receiver.received().get(0).header("x-rateup-signature")).isEqualTo(Signatures.rateup(secret, receiver.received().get(0).body()));
    }

    private void createTeamWebhook(String url, String scope) {
        Api.Reply reply = api.send("POST", "api/teams/" + team.id() + "/webhooks", Api.bearer(team.token()),
                Json.createObjectBuilder().add("url", url).add("surveys", scope).build());
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    /** #31: the rule builder writes the same JSON filter the REST route reads back; a bad filter is refused whole. */
    @Test
    void aTeamUserBuildsAFilterWithTheRuleBuilderAndTheApiReadsItBack() {
        api.putWebhook(team, surveyId, receiver.url("/hooks"));
        browser.login(user, PASSWORD);
        browser.open("/survey.xhtml?id=" + surveyId + "&tab=settings");
        assertThat(browser.text("#filter-state")).contains("No filter");

        new org.openqa.selenium.support.ui.Select(browser.find("#rule\\:question")).selectByVisibleText("Rating question");
        new org.openqa.selenium.support.ui.Select(browser.find("#rule\\:operator")).selectByValue("AT_MOST");
        browser.type("#rule\\:value", "2");
        browser.type("#rule\\:languages", "de, at");
        browser.click("#rule\\:save");

        assertThat(browser.text("#messages")).contains("Filter saved");
        JsonObject expected = Json.createObjectBuilder()
                .add("responses", Json.createObjectBuilder().add("$elemMatch", Json.createObjectBuilder()
                        .add("title", "Rating question").add("response", Json.createObjectBuilder().add("$lte", 2))))
                .add("language", Json.createObjectBuilder().add("$in", Json.createArrayBuilder().add("de").add("at")))
                .build();
        assertThat(api.call(team, "GET", Api.webhookPath(team, surveyId)).object().getJsonObject("filter")).isEqualTo(expected);
        assertThat(browser.find("#filter\\:json").getAttribute("value")).isEqualTo(expected.toString());

        browser.type("#filter\\:json", "{\"language\":{\"$regex\":\"^d\"}}");
        browser.click("#filter\\:save");
        assertThat(browser.text("#filter\\:jsonError")).contains("filter.language.$regex");
        assertThat(api.call(team, "GET", Api.webhookPath(team, surveyId)).object().getJsonObject("filter")).isEqualTo(expected);

        browser.click("#filter\\:remove");
        assertThat(browser.text("#messages")).contains("Filter removed");
        assertThat(browser.text("#filter-state")).contains("No filter");
        assertThat(api.call(team, "GET", Api.webhookPath(team, surveyId)).object().isNull("filter")).isTrue();
    }

    @Test
    void aTeamUserChoosesWhatAWebhookSeesOfTheRespondentAndErasesARespondentAfterConfirming() throws Exception {
        api.putWebhook(team, surveyId, receiver.url("/hooks"));
        browser.login(user, PASSWORD);
        browser.open("/survey.xhtml?id=" + surveyId + "&tab=settings");
        new org.openqa.selenium.support.ui.Select(browser.find("#personalData\\:phone")).selectByValue("MASK");
        new org.openqa.selenium.support.ui.Select(browser.find("#personalData\\:freeText")).selectByValue("OMIT");
        browser.click("#personalData\\:save");
        assertThat(browser.text("#messages")).contains("Saved");
        assertThat(api.call(team, "GET", Api.webhookPath(team, surveyId)).object().getJsonObject("personalData"))
                .isEqualTo(Json.createObjectBuilder().add("phone", "mask").add("freeText", "omit").build());
        api.submit(surveyId, "{\"phone\":\"14155552671\",\"answers\":[]}");
        await().atMost(PATIENCE).until(() -> receiver.received().size() == 1);
        assertThat(receiver.received().get(0).bodyText()).contains("\"phone\":\"*********71\"");

        browser.open("/privacy.xhtml");
        browser.type("#erase\\:phone", "14155552671");
        browser.click("#erase\\:ask");
        assertThat(browser.text("#erase-question")).contains("cannot be undone");
        browser.click("#erase\\:cancel");
        assertThat(api.call(team, "GET", "api/teams/" + team.id() + "/erasures").array()).isEmpty();

        browser.type("#erase\\:phone", "14155552671");
        browser.click("#erase\\:ask");
        browser.click("#erase\\:confirm");
        assertThat(browser.text("#messages")).contains("Erased: 1 responses, 1 deliveries");
        assertThat(browser.text("#erasures")).contains(user).doesNotContain("4155552671");
        JsonArray erasures = api.call(team, "GET", "api/teams/" + team.id() + "/erasures").array();
        assertThat(erasures).hasSize(1);
        assertThat(erasures.getJsonObject(0).getString("requestedBy")).isEqualTo(user);
    }

    @Test
    void theApiDocumentationPageShowsEveryRouteUnderTheContentSecurityPolicy() {
        browser.open("/api-docs/");

        await().atMost(Duration.ofSeconds(30)).until(() -> browser.driver()
                .findElements(org.openqa.selenium.By.cssSelector(".opblock-summary-path")).size() >= 17);
        assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector(".opblock-summary-path")))
                .extracting(path -> path.getAttribute("data-path"))
                .contains("/api/surveys/{surveyId}/responses", "/api/teams/{teamId}/surveys/{surveyId}/webhook");
    }

    private String secret() {
        return api.call(team, "GET", Api.webhookPath(team, surveyId)).object().getString("secret");
    }

    private String rowOf(String title) {
        return browser.driver().findElements(org.openqa.selenium.By.cssSelector("#surveys tbody tr")).stream()
                .map(row -> row.getText())
                .filter(text -> text.contains(title))
                .findFirst().orElseThrow();
    }
}
