package com.rateup.webhooks.responses.entity;

import com.rateup.webhooks.surveys.entity.Survey;

/** Fired inside the intake's transaction once a response is stored. */
public record ResponseSubmitted(Survey survey, SurveyResponse response) {
}
