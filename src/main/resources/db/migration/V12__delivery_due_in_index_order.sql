-- The sweep asks for a webhook's oldest few due deliveries. With created_at in the index (the query's
-- tie-break) the database reads them in index order and stops after the few, instead of reading and
-- sorting every due row of the webhook each time a dispatcher slot frees up: under a backlog that read
-- had grown with the backlog and cost more than the deliveries themselves.
CREATE INDEX delivery_webhook_due_ordered ON delivery (webhook_id, status, next_attempt_at, created_at);
DROP INDEX delivery_webhook_due;
