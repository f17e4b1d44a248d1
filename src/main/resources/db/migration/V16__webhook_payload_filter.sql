-- A webhook's filter on the payloads it receives (#31): MongoDB-style JSON, at most 4 KiB; null receives everything.
ALTER TABLE webhook ADD COLUMN payload_filter VARCHAR(4096);
