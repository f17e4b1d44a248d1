package com.rateup.webhooks.outbox.control;

import com.rateup.webhooks.platform.control.JavaScriptJson;
import com.rateup.webhooks.responses.entity.Answer;
import com.rateup.webhooks.responses.entity.SurveyResponse;
import com.rateup.webhooks.surveys.entity.Question;
import com.rateup.webhooks.surveys.entity.QuestionType;
import com.rateup.webhooks.surveys.entity.Survey;
import com.rateup.webhooks.webhooks.entity.PersonalData;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** The body of a delivery, in the documented key order and in {@code JSON.stringify} form. */
public final class PayloadWriter {

    /** Looked up once: every {@code Json.createXxx} call would search the class path for a provider again. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private PayloadWriter() {
    }

    /**
     * The response as a webhook with this personal-data policy receives it: what the policy leaves out
     * keeps its key with {@code null}; {@code pseudonym} is the team's (from {@link Pseudonyms}).
     */
    public static String payload(Survey survey, SurveyResponse response, PersonalData policy, UnaryOperator<String> pseudonym) {
        Map<Question, JsonValue> answers = new LinkedHashMap<>();
        for (Answer answer : response.answers()) {
            boolean omitted = answer.question().type() == QuestionType.Text && !policy.sendsFreeText();
            answers.put(answer.question(), omitted ? JsonValue.NULL : parse(answer.valueJson()));
        }
        return write(survey, response.createdAt(), policy.phoneAsSent(response.phone(), pseudonym), response.language(), answers);
    }

    /** What a response that skipped every question would send: the "send test event" body. */
    public static String sample(Survey survey, Instant createdAt) {
        Map<Question, JsonValue> answers = new LinkedHashMap<>();
        survey.questions().forEach(question -> answers.put(question, JsonValue.NULL));
        return write(survey, createdAt, null, null, answers);
    }

    /** ISO-8601 UTC, e.g. {@code 2024-09-17T10:00:00Z}. */
    public static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static String write(Survey survey, Instant createdAt, String phone, String language,
            Map<Question, JsonValue> answers) {
        JsonArrayBuilder responses = JSON.createArrayBuilder();
        answers.forEach((question, value) -> responses.add(JSON.createObjectBuilder()
                .add("type", question.type().name())
                .add("response", value)
                .add("title", question.title())));
        JsonObjectBuilder body = JSON.createObjectBuilder();
        Function<String, JsonValue> text = value -> value == null ? JsonValue.NULL : JSON.createValue(value);
        body.add("tag", text.apply(survey.tag()))
                .add("createdAt", timestamp(createdAt))
                .add("phone", text.apply(phone))
                .add("language", text.apply(language))
                .add("responses", responses)
                .add("teamId", survey.teamId())
                .add("surveyId", survey.id());
        return JavaScriptJson.stringify(body.build());
    }

    /** The payload as a JSON document, to evaluate a webhook's filter on exactly what is sent. */
    public static JsonObject document(String payload) {
        return parse(payload).asJsonObject();
    }

    /** The payload indented for reading (the admin pages); what is sent is the compact form. */
    public static String indented(String payload) {
        StringWriter out = new StringWriter();
        JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out).write(parse(payload));
        return out.toString().strip();
    }

    private static JsonValue parse(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
