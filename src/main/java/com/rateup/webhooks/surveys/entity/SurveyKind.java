package com.rateup.webhooks.surveys.entity;

/** Where respondents answer: a Web Survey or a WhatsApp Flow. */
public enum SurveyKind {
    SURVEY, FLOW
}
