package com.rateup.webhooks.responses.control;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A submission its survey accepted, waiting for the commit that stores it: only what the
 * transaction needs, so no entity read on the request thread is carried into it. {@code key}: its
 * idempotency key, or null; {@code traceParent}: the intake's span ({@link com.rateup.webhooks.platform.control.Traces}),
 * or null.
 */
public record CheckedResponse(String surveyId, String phone, String language, List<GivenAnswer> answers, IdempotencyKey key,
        String traceParent) {

    /** An accepted answer in its canonical JSON form ({@code null} for a skipped question). */
    public record GivenAnswer(String questionId, String valueJson) {
    }

    /** What was submitted, as checked (so the same answers written with other spacing are the same submission). */
    public String fingerprint() {
        return IdempotencyKey.sha256(surveyId + "\n" + phone + "\n" + language + "\n" + answers.stream()
                .map(answer -> answer.questionId() + "=" + answer.valueJson()).collect(Collectors.joining("\n")));
    }
}
