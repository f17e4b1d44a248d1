-- A recovery job belongs to a webhook, not to a survey: a team webhook's backfill and bulk redelivery span
-- the surveys it receives. survey_id stays set for the jobs of a survey's own webhook.
ALTER TABLE delivery_job ALTER COLUMN survey_id DROP NOT NULL;
