-- Issue 14: the fingerprint of the command that used an idempotency key, so that a reuse of the key
-- by a different command is refused instead of replayed. NULL for keys stored before this version.
ALTER TABLE ${prefix}idempotency_keys
  ADD COLUMN command_fingerprint VARCHAR(80) CHARACTER SET ascii COLLATE ascii_bin;
