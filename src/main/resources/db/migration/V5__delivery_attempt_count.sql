-- How many attempts a delivery has had, so recording one needs neither a count nor the earlier rows.
ALTER TABLE delivery ADD COLUMN attempt_count INTEGER DEFAULT 0 NOT NULL;
UPDATE delivery SET attempt_count = (SELECT COUNT(*) FROM delivery_attempt a WHERE a.delivery_id = delivery.id);
