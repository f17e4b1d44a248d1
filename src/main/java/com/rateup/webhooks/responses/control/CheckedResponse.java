package com.rateup.webhooks.responses.control;

import java.util.List;

/**
 * A submission its survey accepted, waiting for the commit that stores it: only what the
 * transaction needs, so no entity read on the request thread is carried into it.
 */
public record CheckedResponse(String surveyId, String phone, String language, List<GivenAnswer> answers) {

    /** An accepted answer in its canonical JSON form ({@code null} for a skipped question). */
    public record GivenAnswer(String questionId, String valueJson) {
    }
}
