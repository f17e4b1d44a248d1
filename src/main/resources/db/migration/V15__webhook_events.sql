-- The event types a webhook receives (#29): responses by default; the team's alert endpoint every alert type.
-- Stored as ",a,b," so that one type is matched with LIKE '%,a,%'.
ALTER TABLE webhook ADD COLUMN events VARCHAR(400) DEFAULT ',response.created,' NOT NULL;
UPDATE webhook SET events = ',webhook.failing,webhook.slow,webhook.circuit_open,webhook.disabled,webhook.recovered,delivery.failed,'
    WHERE reach = 'ALERTS';
