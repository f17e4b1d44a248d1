package com.rateup.webhooks.responses.entity;

import com.rateup.webhooks.surveys.entity.Survey;

/**
 * Fired inside the intake's transaction once a response is written (flushed), so what observers
 * persist for it may reference its row; the intake's batch commits them all or none. {@code traceParent}:
 * the trace its deliveries continue, null while tracing is off.
 */
public record ResponseSubmitted(Survey survey, SurveyResponse response, String traceParent) {
}
