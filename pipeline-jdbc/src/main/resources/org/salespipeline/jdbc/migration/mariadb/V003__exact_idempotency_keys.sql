-- Issue 14: utf8mb4_bin is a PAD SPACE collation, so 'order-17' and 'order-17 ' were the same key.
-- The NO PAD binary collation compares idempotency keys exactly as Java compares strings.
ALTER TABLE ${prefix}idempotency_keys
  MODIFY idempotency_key VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL;

ALTER TABLE ${prefix}deal_events
  MODIFY idempotency_key VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin;
