-- Idempotent intake: a submission's Idempotency-Key, scoped to its survey, stored in the transaction that
-- stores its response. id is the SHA-256 (hex) of the survey id and the key: the key itself is not kept,
-- and a second insert of the same key fails on the primary key, also from another instance.
-- fingerprint: SHA-256 of what was submitted, so a reused key with another body is told apart.
CREATE TABLE intake_key (
    id          VARCHAR(64) PRIMARY KEY,
    survey_id   VARCHAR(36) NOT NULL,
    fingerprint VARCHAR(64) NOT NULL,
    response_id VARCHAR(36) NOT NULL,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX intake_key_created ON intake_key (created_at);
CREATE INDEX intake_key_response ON intake_key (response_id);
