-- Why a webhook stopped (410 Gone, failing for too long) and since when its receiver fails.
ALTER TABLE webhook ADD COLUMN disabled_reason VARCHAR(500);
ALTER TABLE webhook ADD COLUMN disabled_at TIMESTAMP;
ALTER TABLE webhook ADD COLUMN failing_since TIMESTAMP;
