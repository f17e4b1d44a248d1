package com.rateup.webhooks.webhooks.entity;

/**
 * Whether deliveries go out. A string column rather than a boolean one: EclipseLink writes
 * boolean criteria as 1/0, which H2 2.x refuses to compare with BOOLEAN (eclipselink#1578).
 */
public enum WebhookState {
    ENABLED, DISABLED
}
