-- The sweep asks for one survey's due deliveries; without this index that read visits every due row.
CREATE INDEX delivery_survey_due ON delivery (survey_id, status, next_attempt_at);
