package com.rateup.webhooks.admin.boundary;

import com.rateup.webhooks.deliveries.control.ReceiverCheck;
import com.rateup.webhooks.dispatch.control.DeliveryAttempts;
import com.rateup.webhooks.health.control.EndpointHealth;
import com.rateup.webhooks.platform.boundary.PageMessages;
import com.rateup.webhooks.surveys.entity.Question;
import com.rateup.webhooks.teams.boundary.Viewer;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
import com.rateup.webhooks.webhooks.entity.EventType;
import com.rateup.webhooks.webhooks.entity.PayloadFilter;
import com.rateup.webhooks.webhooks.entity.PersonalData;
import com.rateup.webhooks.webhooks.entity.Receives;
import com.rateup.webhooks.webhooks.entity.Reach;
import com.rateup.webhooks.webhooks.entity.Webhook;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What every webhook shows on the admin pages, written once (WEB-INF/webhook/panel.xhtml): its endpoint's
 * health, its secret and rotation, its filter (a rule builder for the common case, and the filter as JSON),
 * a test event (a sample response, or a test alert for a webhook subscribed to alerts only) and the receiver
 * check. The page that includes it resolves which webhook it shows, with its
 * tenancy check (the survey's Settings tab, the team's Webhooks page, Alerts), and passes it to each action.
 */
@Named("webhookPanel")
@ViewScoped
public class WebhookPanel implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Viewer viewer;

    @Inject
    TeamWebhooks webhooks;

    @Inject
    DeliveryAttempts attempts;

    @Inject
    EndpointHealth health;

    @Inject
    ReceiverCheck receiverCheck;

    /** The webhook the outcomes below are of: another one shown (the Webhooks page's next edit) starts afresh. */
    private String shownId;
    private boolean confirmingRotation;
    private DeliveryAttempts.TestEvent testEvent;
    private ReceiverCheck.Verdict verdict;
    private String filterText;
    private String ruleQuestion;
    private String ruleOperator = RuleOperator.AT_MOST.name();
    private String ruleValue;
    private String ruleLanguages;
    private String phonePolicy;
    private String freeTextPolicy;
    private transient Webhook fresh;
    private transient EndpointHealth.Stats stats;
    private transient HealthChart chart;

    /** The webhook as this panel last changed it (a rotated secret, a filter), else as the page read it. */
    public Webhook current(Webhook shown) {
        follow(shown);
        return fresh != null ? fresh : shown;
    }

    /** How its endpoint is doing; the alert endpoint keeps no figures of its own (it could only tell itself). */
    public EndpointHealth.Stats health(Webhook shown) {
        follow(shown);
        if (stats == null && shown.reach() != Reach.ALERTS) {
            stats = health.stats(shown);
        }
        return stats;
    }

    /** The last 24 hours of the health figures as a chart; null where {@link #health} is. */
    public HealthChart chart(Webhook shown) {
        EndpointHealth.Stats figures = health(shown);
        if (chart == null && figures != null) {
            chart = HealthChart.of(figures);
        }
        return chart;
    }

    public boolean receivesResponses(Webhook shown) {
        return shown.receives(EventType.RESPONSE_CREATED);
    }

    public void askToRotate(Webhook shown) {
        follow(shown);
        confirmingRotation = true;
    }

    public void cancelRotation() {
        confirmingRotation = false;
    }

    public void rotate(Webhook shown) {
        follow(shown);
        confirmingRotation = false;
        if (visible(shown)) {
            webhooks.rotateSecret(shown.id(), viewer.getName()).ifPresent(rotated -> {
                fresh = rotated;
                PageMessages.info("settings.rotated");
            });
        }
    }

    /** One signed sample now: a response of a survey it receives, or a test alert to a webhook that takes alerts only. */
    public void sendTest(Webhook shown) {
        follow(shown);
        if (!visible(shown)) {
            return;
        }
        attempts.sendSample(current(shown)).ifPresentOrElse(sent -> testEvent = sent,
                () -> PageMessages.error(null, "settings.nothingToSample"));
    }

    /** "Check my receiver": whether it verifies signatures and rejects stale events. */
    public void checkReceiver(Webhook shown) {
        follow(shown);
        if (visible(shown)) {
            webhooks.sampledSurvey(shown).ifPresentOrElse(survey -> verdict = receiverCheck.check(survey, current(shown)),
                    () -> PageMessages.error(null, "settings.nothingToSample"));
        }
    }

    /** The question titles of the surveys it receives, for the rule builder. */
    public List<String> questionTitles(Webhook shown) {
        return webhooks.surveysOf(shown).stream()
                .flatMap(survey -> survey.questions().stream().map(Question::title))
                .distinct()
                .sorted()
                .toList();
    }

    public List<String> getRuleOperators() {
        return Arrays.stream(RuleOperator.values()).map(Enum::name).toList();
    }

    /** "Only send when [question] [is at most …] [value]" and "language is one of …": written as the JSON filter. */
    public void saveRule(Webhook shown) {
        follow(shown);
        boolean question = ruleQuestion != null && !ruleQuestion.isBlank();
        List<String> languages = listOf(ruleLanguages);
        if (!question && languages.isEmpty()) {
            PageMessages.error(null, "filter.rule.empty");
            return;
        }
        JsonObjectBuilder filter = Json.createObjectBuilder();
        if (question) {
            RuleOperator operator = Arrays.stream(RuleOperator.values()).filter(known -> known.name().equals(ruleOperator)).findFirst()
                    .orElse(RuleOperator.EQUALS);
            List<JsonValue> values = listOf(ruleValue).stream().map(WebhookPanel::numberOrText).toList();
            if (values.isEmpty() || (operator.comparesNumbers() && !(values.get(0) instanceof JsonNumber))) {
                PageMessages.error("rule:value", operator.comparesNumbers() ? "filter.rule.number" : "filter.rule.value");
                return;
            }
            JsonValue condition = operator == RuleOperator.ONE_OF
                    ? Json.createObjectBuilder().add("$in", Json.createArrayBuilder(values)).build()
                    : Json.createObjectBuilder().add(operator.mongo(), values.get(0)).build();
            filter.add("responses", Json.createObjectBuilder().add("$elemMatch",
                    Json.createObjectBuilder().add("title", ruleQuestion).add("response", condition)));
        }
        if (!languages.isEmpty()) {
            filter.add("language", Json.createObjectBuilder().add("$in", Json.createArrayBuilder(languages)));
        }
        save(shown, filter.build());
    }

    /** Any filter, as JSON: what the rule builder writes, or more. */
    public void saveFilter(Webhook shown) {
        follow(shown);
        if (filterText == null || filterText.isBlank()) {
            save(shown, JsonValue.EMPTY_JSON_OBJECT);
            return;
        }
        try (JsonReader reader = Json.createReader(new StringReader(filterText))) {
            save(shown, reader.readObject());
        } catch (JsonException | IllegalStateException notAnObject) {
            PageMessages.error("filter:json", "filter.notJson");
        }
    }

    public void removeFilter(Webhook shown) {
        follow(shown);
        save(shown, JsonValue.EMPTY_JSON_OBJECT);
    }

    private void save(Webhook shown, JsonObject json) {
        if (!visible(shown)) {
            return;
        }
        try {
            Optional<PayloadFilter> filter = PayloadFilter.of(json);
            webhooks.receive(shown.id(), Receives.filter(filter)).ifPresent(saved -> {
                fresh = saved;
                filterText = filter.map(PayloadFilter::text).orElse("");
                PageMessages.info(filter.isPresent() ? "filter.saved" : "filter.removed");
            });
        } catch (PayloadFilter.Invalid refused) {
            PageMessages.error("filter:json", "filter.refused", refused.getMessage());
        }
    }

    /** What the webhook may see of the respondent (#34). */
    public void savePersonalData(Webhook shown) {
        follow(shown);
        if (!visible(shown)) {
            return;
        }
        var policy = new PersonalData(PersonalData.Phone.valueOf(phonePolicy), PersonalData.FreeText.valueOf(freeTextPolicy));
        webhooks.receive(shown.id(), Receives.personalData(policy)).ifPresent(saved -> {
            fresh = saved;
            PageMessages.info("personalData.saved");
        });
    }

    public PersonalData.Phone[] getPhonePolicies() {
        return PersonalData.Phone.values();
    }

    public PersonalData.FreeText[] getFreeTextPolicies() {
        return PersonalData.FreeText.values();
    }

    public String getPhonePolicy() {
        return phonePolicy;
    }

    public void setPhonePolicy(String phonePolicy) {
        this.phonePolicy = phonePolicy;
    }

    public String getFreeTextPolicy() {
        return freeTextPolicy;
    }

    public void setFreeTextPolicy(String freeTextPolicy) {
        this.freeTextPolicy = freeTextPolicy;
    }

    private static List<String> listOf(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    private static JsonValue numberOrText(String value) {
        try {
            return Json.createValue(new BigDecimal(value));
        } catch (NumberFormatException text) {
            return Json.createValue(value);
        }
    }

    /** The rule builder's comparisons, as the filter's operators. */
    enum RuleOperator {
        AT_MOST("$lte"), AT_LEAST("$gte"), EQUALS("$eq"), ONE_OF("$in");

        private final String mongo;

        RuleOperator(String mongo) {
            this.mongo = mongo;
        }

        String mongo() {
            return mongo;
        }

        boolean comparesNumbers() {
            return this == AT_MOST || this == AT_LEAST;
        }
    }

    private boolean visible(Webhook shown) {
        if (shown == null || !viewer.sees(shown.teamId())) {
            PageMessages.error(null, "settings.noWebhook");
            return false;
        }
        return true;
    }

    private void follow(Webhook shown) {
        String id = shown == null ? null : shown.id();
        if (!Objects.equals(id, shownId)) {
            shownId = id;
            confirmingRotation = false;
            testEvent = null;
            verdict = null;
            fresh = null;
            stats = null;
            chart = null;
            filterText = shown == null ? null : shown.filter().map(PayloadFilter::text).orElse("");
            ruleQuestion = null;
            ruleValue = null;
            ruleLanguages = null;
            phonePolicy = shown == null ? null : shown.personalData().phone().name();
            freeTextPolicy = shown == null ? null : shown.personalData().freeText().name();
        }
    }

    public String getFilterText() {
        return filterText;
    }

    public void setFilterText(String filterText) {
        this.filterText = filterText;
    }

    public String getRuleQuestion() {
        return ruleQuestion;
    }

    public void setRuleQuestion(String ruleQuestion) {
        this.ruleQuestion = ruleQuestion;
    }

    public String getRuleOperator() {
        return ruleOperator;
    }

    public void setRuleOperator(String ruleOperator) {
        this.ruleOperator = ruleOperator;
    }

    public String getRuleValue() {
        return ruleValue;
    }

    public void setRuleValue(String ruleValue) {
        this.ruleValue = ruleValue;
    }

    public String getRuleLanguages() {
        return ruleLanguages;
    }

    public void setRuleLanguages(String ruleLanguages) {
        this.ruleLanguages = ruleLanguages;
    }

    public boolean isConfirmingRotation() {
        return confirmingRotation;
    }

    public DeliveryAttempts.TestEvent getTestEvent() {
        return testEvent;
    }

    public ReceiverCheck.Verdict getVerdict() {
        return verdict;
    }

    public String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    /** "p95 3.4 s of the 5 s timeout", with one decimal. */
    public String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    public String format(Instant instant) {
        return PageMessages.time(instant);
    }
}
