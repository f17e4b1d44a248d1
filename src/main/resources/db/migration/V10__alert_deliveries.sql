-- Alerts to a team are deliveries too (durable, retried, signed like the others), to the team's alert
-- endpoint (webhook.reach ALERTS); they are about a webhook, not a response, and a team webhook has no survey.
ALTER TABLE delivery ALTER COLUMN survey_id DROP NOT NULL;
ALTER TABLE delivery ALTER COLUMN response_id DROP NOT NULL;
