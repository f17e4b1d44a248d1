-- Recovery in bulk: a job redelivers a log's ended deliveries (REDELIVER) or sends a survey's past responses
-- its webhook never got (BACKFILL), a window at a time; cursor_at/cursor_id: where it has got to, written in
-- the transaction that hands the next window to the delivery path, so a restart neither skips nor repeats.
CREATE TABLE delivery_job (
    id            VARCHAR(36) PRIMARY KEY,
    team_id       VARCHAR(36) NOT NULL REFERENCES team (id),
    survey_id     VARCHAR(36) NOT NULL REFERENCES survey (id),
    webhook_id    VARCHAR(36) NOT NULL,
    kind          VARCHAR(10) NOT NULL,
    state         VARCHAR(10) NOT NULL,
    status_filter VARCHAR(10),
    since         TIMESTAMP NOT NULL,
    until_at      TIMESTAMP NOT NULL,
    total         INTEGER NOT NULL,
    queued        INTEGER NOT NULL,
    done          INTEGER NOT NULL,
    cursor_at     TIMESTAMP,
    cursor_id     VARCHAR(36),
    created_at    TIMESTAMP NOT NULL,
    ended_at      TIMESTAMP,
    version       BIGINT NOT NULL
);
CREATE INDEX delivery_job_webhook ON delivery_job (webhook_id, state);
CREATE INDEX delivery_job_state ON delivery_job (state, ended_at);

-- The job that last sent the delivery (its progress counts the job's deliveries still pending).
ALTER TABLE delivery ADD COLUMN job_id VARCHAR(36);
CREATE INDEX delivery_job_progress ON delivery (job_id, status);
-- Backfill asks, per response, whether the webhook already has a delivery of it.
CREATE INDEX delivery_response_webhook ON delivery (response_id, webhook_id);
CREATE INDEX survey_response_survey ON survey_response (survey_id, created_at);
-- Retention deletes ended deliveries by when they ended.
CREATE INDEX delivery_completed ON delivery (completed_at);
CREATE INDEX webhook_attempt_hour_start ON webhook_attempt_hour (hour_start);
