-- Why a delivery ended without being delivered when no attempt says it (e.g. its webhook was deleted).
ALTER TABLE delivery ADD COLUMN final_reason VARCHAR(200);
