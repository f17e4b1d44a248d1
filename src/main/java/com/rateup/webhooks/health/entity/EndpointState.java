package com.rateup.webhooks.health.entity;

/** How a webhook's endpoint is doing, from its recent attempts; {@code docs/adr/0007}. */
public enum EndpointState {
    /** Its attempts succeed, in time. */
    HEALTHY,
    /** Its attempts succeed, but their p95 over the recent ones is above 60 % of the timeout. */
    SLOW,
    /** Its last attempt failed. */
    FAILING,
    /** It showed signs of being down; attempts wait for the next probe. */
    CIRCUIT_OPEN,
    /** Switched off by the team, or by the system (410 Gone, failing for too long). */
    DISABLED,
    /** No attempt in 24 h. */
    IDLE
}
