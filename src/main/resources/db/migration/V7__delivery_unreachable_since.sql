-- Since when the delivery has been waiting because its endpoint did not answer (null once it answers):
-- the log says why it waits, and the endpoint's return sends these at once instead of at their scheduled time.
ALTER TABLE delivery ADD COLUMN unreachable_since TIMESTAMP;
