-- Issue 14: keys compare byte for byte, whatever the database's default collation.
ALTER TABLE ${prefix}idempotency_keys ALTER COLUMN idempotency_key TYPE VARCHAR(255) COLLATE "C";
