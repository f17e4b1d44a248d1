-- Webhooks belong to the team. reach: SURVEY for a survey's own webhook (the URL on its Settings tab, the
-- seed's one), which keeps its survey_id; a team webhook has none and receives the surveys LISTED in
-- webhook_survey, or ALL of the team's, present and future.
ALTER TABLE webhook ADD COLUMN team_id VARCHAR(36) REFERENCES team (id);
UPDATE webhook SET team_id = (SELECT s.team_id FROM survey s WHERE s.id = webhook.survey_id);
ALTER TABLE webhook ALTER COLUMN team_id SET NOT NULL;
ALTER TABLE webhook ALTER COLUMN survey_id DROP NOT NULL;
ALTER TABLE webhook ADD COLUMN description VARCHAR(500);
ALTER TABLE webhook ADD COLUMN reach VARCHAR(10) DEFAULT 'SURVEY' NOT NULL;
CREATE INDEX webhook_team ON webhook (team_id, created_at);

CREATE TABLE webhook_survey (
    webhook_id VARCHAR(36) NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    survey_id  VARCHAR(36) NOT NULL REFERENCES survey (id),
    PRIMARY KEY (webhook_id, survey_id)
);
CREATE INDEX webhook_survey_survey ON webhook_survey (survey_id);

-- One delivery per response and webhook. reach: its webhook's; SURVEY, the survey's own webhook, puts it
-- in the survey's log (GET .../surveys/{id}/webhook/deliveries), which keeps showing it after that webhook
-- is deleted, as it always did; a team webhook's log is its own (webhook_id).
ALTER TABLE delivery ADD COLUMN webhook_id VARCHAR(36);
ALTER TABLE delivery ADD COLUMN reach VARCHAR(10) DEFAULT 'SURVEY' NOT NULL;
UPDATE delivery SET webhook_id = (SELECT w.id FROM webhook w WHERE w.survey_id = delivery.survey_id);
CREATE INDEX delivery_webhook_due ON delivery (webhook_id, status, next_attempt_at);
CREATE INDEX delivery_webhook_log ON delivery (webhook_id, created_at);
CREATE INDEX delivery_survey_log ON delivery (survey_id, reach, created_at);
DROP INDEX delivery_survey_due;
DROP INDEX delivery_log;
