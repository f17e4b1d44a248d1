-- Endpoint health without reading attempts: one row per webhook and hour with its attempts, successes and
-- a histogram of their durations (the last 24 h are at most 25 rows), and one summary row per webhook.
CREATE TABLE webhook_attempt_hour (
    id         VARCHAR(60) PRIMARY KEY,
    webhook_id VARCHAR(36) NOT NULL,
    hour_start TIMESTAMP NOT NULL,
    attempts   INTEGER NOT NULL,
    successes  INTEGER NOT NULL,
    histogram  VARCHAR(200) NOT NULL
);
CREATE INDEX webhook_attempt_hour_webhook ON webhook_attempt_hour (webhook_id, hour_start);

CREATE TABLE webhook_health (
    webhook_id           VARCHAR(36) PRIMARY KEY,
    state                VARCHAR(12) NOT NULL,
    state_since          TIMESTAMP NOT NULL,
    consecutive_failures INTEGER NOT NULL,
    last_attempt_at      TIMESTAMP,
    last_success_at      TIMESTAMP,
    last_failure_at      TIMESTAMP,
    circuit_open_until   TIMESTAMP
);
