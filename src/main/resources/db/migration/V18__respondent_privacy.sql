-- Respondents' privacy (#34).
-- An erased response keeps its row (deliveries in the log refer to it) without anything of the respondent:
-- phone and language cleared, answers deleted, erased_at set; a backfill skips it.
ALTER TABLE survey_response ADD COLUMN erased_at TIMESTAMP;
CREATE INDEX survey_response_phone ON survey_response (phone);
-- A delivery's payload is removed after rateup.delivery.payload-retention, or by an erasure; the delivery and
-- its attempts stay in the log (the receivers' answers are removed with the payload).
ALTER TABLE delivery ALTER COLUMN payload DROP NOT NULL;
ALTER TABLE delivery ADD COLUMN payload_removed VARCHAR(10);
ALTER TABLE delivery ADD COLUMN payload_removed_at TIMESTAMP;
CREATE INDEX delivery_payload_kept ON delivery (payload_removed, completed_at);
-- The audit record of an erasure: who asked, when, how much was erased; never the phone number.
CREATE TABLE erasure (
    id                VARCHAR(36) PRIMARY KEY,
    team_id           VARCHAR(36) NOT NULL REFERENCES team (id),
    requested_by      VARCHAR(200) NOT NULL,
    created_at        TIMESTAMP NOT NULL,
    responses         INTEGER NOT NULL,
    deliveries        INTEGER NOT NULL,
    cancelled         INTEGER NOT NULL,
    idempotency_keys  INTEGER NOT NULL
);
CREATE INDEX erasure_team ON erasure (team_id, created_at);
