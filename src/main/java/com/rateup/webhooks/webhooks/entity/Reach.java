package com.rateup.webhooks.webhooks.entity;

/**
 * Which surveys a webhook receives. Stored as text rather than as booleans: EclipseLink binds a
 * boolean as 1 on H2, which H2 2 refuses to compare with a BOOLEAN column.
 */
public enum Reach {
    /** Its own survey: the webhook on the survey's Settings tab (the seed's per-survey webhook). */
    SURVEY,
    /** The surveys and flows of its list. */
    LISTED,
    /** Every survey and flow of its team, present and future. */
    ALL,
    /** No survey: the team's alert endpoint, which receives alerts about the team's webhooks. */
    ALERTS
}
