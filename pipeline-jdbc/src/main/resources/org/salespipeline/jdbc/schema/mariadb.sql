-- V001 for MariaDB (InnoDB): DATETIME(6) because TIMESTAMP ends in 2038, MEDIUMTEXT payloads,
-- ascii_bin keys so that comparison and order are binary and case-sensitive as in Java.
-- A released script never changes; later changes are new versions (V002__...).
-- sp_ is replaced by the validated table prefix. Ids are lowercase UUID text, so that text
-- order equals DealId order. Instants are UTC at microsecond precision. Money is DECIMAL(20,4).

CREATE TABLE sp_workspaces (
  id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
  created_at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sp_pipelines (
  workspace VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  name VARCHAR(400) NOT NULL,
  PRIMARY KEY (workspace, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sp_pipeline_stages (
  workspace VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  pipeline_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  position INT NOT NULL,
  stage_key VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  display_name VARCHAR(400) NOT NULL,
  outcome VARCHAR(16) NOT NULL,
  default_probability DOUBLE PRECISION NOT NULL,
  default_category VARCHAR(16) NOT NULL,
  idle_threshold VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin,
  PRIMARY KEY (workspace, pipeline_id, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sp_accounts (
  workspace VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  owner VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin,
  body MEDIUMTEXT NOT NULL,
  PRIMARY KEY (workspace, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sp_contacts (
  workspace VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  account_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
  body MEDIUMTEXT NOT NULL,
  PRIMARY KEY (workspace, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sp_teams (
  workspace VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  parent_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin,
  manager VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  body MEDIUMTEXT NOT NULL,
  PRIMARY KEY (workspace, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sp_quotas (
  workspace VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  owner VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  team VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  period_start DATE NOT NULL,
  period_end DATE NOT NULL,
  amount DECIMAL(20, 4) NOT NULL,
  currency CHAR(3) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  PRIMARY KEY (workspace, owner, team, period_start, period_end)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sp_deals (
  workspace VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  pipeline VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  stage VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  status VARCHAR(16) NOT NULL,
  owner VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  account_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
  amount DECIMAL(20, 4) NOT NULL,
  currency CHAR(3) NOT NULL,
  expected_close DATE NOT NULL,
  forecast_category VARCHAR(16) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  version BIGINT NOT NULL,
  last_event_sequence BIGINT NOT NULL,
  body MEDIUMTEXT NOT NULL,
  PRIMARY KEY (workspace, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX sp_deals_stage ON sp_deals (workspace, pipeline, stage);

CREATE INDEX sp_deals_owner ON sp_deals (workspace, owner);

CREATE INDEX sp_deals_account ON sp_deals (workspace, account_id);

CREATE TABLE sp_deal_events (
  workspace VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  deal_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  sequence BIGINT NOT NULL,
  deal_version BIGINT NOT NULL,
  occurred_at DATETIME(6) NOT NULL,
  actor VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  idempotency_key VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
  change_type VARCHAR(40) NOT NULL,
  payload MEDIUMTEXT NOT NULL,
  PRIMARY KEY (workspace, deal_id, sequence)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sp_activities (
  position BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  workspace VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  deal_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
  account_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
  activity_type VARCHAR(16) NOT NULL,
  owner VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  occurred_at DATETIME(6),
  due_at DATETIME(6),
  recorded_at DATETIME(6) NOT NULL,
  body MEDIUMTEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX sp_activities_deal ON sp_activities (workspace, deal_id, position);

CREATE INDEX sp_activities_account ON sp_activities (workspace, account_id, position);

CREATE TABLE sp_retention (
  workspace VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  account_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  status VARCHAR(16) NOT NULL,
  won_deal CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  since DATETIME(6) NOT NULL,
  renewal_date DATE,
  version BIGINT NOT NULL,
  body MEDIUMTEXT NOT NULL,
  PRIMARY KEY (workspace, account_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sp_idempotency_keys (
  workspace VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  idempotency_key VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  deal_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  deal_version BIGINT NOT NULL,
  PRIMARY KEY (workspace, idempotency_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Issue 14: the fingerprint of the command that used an idempotency key, so that a reuse of the key
-- by a different command is refused instead of replayed. NULL for keys stored before this version.
ALTER TABLE sp_idempotency_keys
  ADD COLUMN command_fingerprint VARCHAR(80) CHARACTER SET ascii COLLATE ascii_bin;

-- Issue 14: utf8mb4_bin is a PAD SPACE collation, so 'order-17' and 'order-17 ' were the same key.
-- The NO PAD binary collation compares idempotency keys exactly as Java compares strings.
ALTER TABLE sp_idempotency_keys
  MODIFY idempotency_key VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL;

ALTER TABLE sp_deal_events
  MODIFY idempotency_key VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin;

-- Issue 14 item 17 (MariaDB: NO PAD binary collation, so LIKE compares exactly): searches of a back office and the right to erasure.
-- The folded names (Java's toLowerCase(Locale.ROOT), written by the store) make case-insensitive
-- name searches exact on every database; rows written before this version are filled in by the
-- store when it migrates. Indexes serve name prefixes, owners, industries, accounts, close dates and
-- amounts. The erasure log holds who erased which contact and when, and no personal data.

ALTER TABLE sp_deals ADD COLUMN name_folded VARCHAR(600) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin;

ALTER TABLE sp_accounts ADD COLUMN name_folded VARCHAR(600) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin;

ALTER TABLE sp_accounts ADD COLUMN industry_folded VARCHAR(600) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin;

ALTER TABLE sp_contacts ADD COLUMN name_folded VARCHAR(600) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin;

CREATE INDEX sp_deals_name ON sp_deals (workspace, name_folded);

CREATE INDEX sp_deals_expected_close ON sp_deals (workspace, expected_close);

CREATE INDEX sp_deals_amount ON sp_deals (workspace, currency, amount);

CREATE INDEX sp_accounts_name ON sp_accounts (workspace, name_folded);

CREATE INDEX sp_accounts_owner ON sp_accounts (workspace, owner);

CREATE INDEX sp_accounts_industry ON sp_accounts (workspace, industry_folded);

CREATE INDEX sp_contacts_name ON sp_contacts (workspace, name_folded);

CREATE INDEX sp_contacts_account ON sp_contacts (workspace, account_id);

CREATE TABLE sp_contact_erasures (
  workspace VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  contact_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  erased_at DATETIME(6) NOT NULL,
  erased_by VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  PRIMARY KEY (workspace, contact_id, erased_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Issue 17: the customer-success columns of the retention table, so that accounts can be read by
-- status, owner, follow-up due, renewal date and last activity on every store. NULL for records
-- written before this version until their next change (their body still holds the whole record).
ALTER TABLE sp_retention ADD COLUMN recurring_amount DECIMAL(20, 4);

ALTER TABLE sp_retention ADD COLUMN recurring_currency CHAR(3) CHARACTER SET ascii COLLATE ascii_bin;

ALTER TABLE sp_retention ADD COLUMN owner VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin;

ALTER TABLE sp_retention ADD COLUMN next_follow_up DATETIME(6);

ALTER TABLE sp_retention ADD COLUMN last_activity_at DATETIME(6);

CREATE INDEX sp_retention_status ON sp_retention (workspace, status);

CREATE INDEX sp_retention_renewal ON sp_retention (workspace, renewal_date);

CREATE INDEX sp_retention_follow_up ON sp_retention (workspace, next_follow_up);

-- Issue 15: the event feed. Commits leave feed_position NULL; a feed reader numbers the committed
-- events without a position after the workspace's counter (workspaces.feed_last_position) under
-- the lock of that row, so an event committed late by a slow transaction is numbered after every
-- position read before it. Events stored before this version are numbered here, deal by deal in
-- sequence order.
ALTER TABLE sp_deal_events ADD COLUMN feed_position BIGINT;

ALTER TABLE sp_workspaces ADD COLUMN feed_last_position BIGINT DEFAULT 0 NOT NULL;

UPDATE sp_deal_events e
JOIN (
  SELECT workspace, deal_id, sequence,
    ROW_NUMBER() OVER (PARTITION BY workspace ORDER BY deal_id, sequence) AS n
  FROM sp_deal_events
) r ON e.workspace = r.workspace AND e.deal_id = r.deal_id AND e.sequence = r.sequence
SET e.feed_position = r.n;

UPDATE sp_workspaces SET feed_last_position = COALESCE(
  (SELECT MAX(e.feed_position) FROM sp_deal_events e WHERE e.workspace = sp_workspaces.id),
  0);

CREATE INDEX sp_deal_events_feed ON sp_deal_events (workspace, feed_position);

-- Issue 18: forecast calls and managers' adjustments. Calls are append-only rows keyed by id and
-- read by period and forecast type in submission order; each adjustment version of a cell (node,
-- period, forecast type, category) is its own row, and the primary key lets only one writer add a
-- given version, so a lost update is impossible. The body holds the whole record.
CREATE TABLE sp_forecast_calls (
  workspace VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  call_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  node VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  period_start DATE NOT NULL,
  period_end DATE NOT NULL,
  forecast_type VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  submitted_at DATETIME(6) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  PRIMARY KEY (workspace, call_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX sp_forecast_calls_period ON sp_forecast_calls (workspace, period_start, period_end, forecast_type, submitted_at);

CREATE TABLE sp_forecast_adjustments (
  workspace VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  node VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  period_start DATE NOT NULL,
  period_end DATE NOT NULL,
  forecast_type VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  category VARCHAR(16) NOT NULL,
  version BIGINT NOT NULL,
  adjusted_at DATETIME(6) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  PRIMARY KEY (workspace, period_start, period_end, forecast_type, node, category, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Issue 16: a deal id is unique across the workspaces of a store. The commit's lookup of the id in
-- other workspaces is a read, so two workspaces creating one id at the same instant could both
-- pass it; this index makes the database refuse the second insert, which the store reports as the
-- typed id clash. The key of the deals table stays (workspace, id). The migrator refuses to run
-- this script, naming the ids, while deals of more than one workspace share an id.
CREATE UNIQUE INDEX sp_deals_id_unique ON sp_deals (id);

