-- The trace a delivery's attempts continue: the intake span's W3C traceparent (55 characters), NULL while
-- tracing is off and for deliveries made before this version.
ALTER TABLE delivery ADD COLUMN trace_parent VARCHAR(55);
