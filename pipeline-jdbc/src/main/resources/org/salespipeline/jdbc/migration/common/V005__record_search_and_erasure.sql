-- Issue 14 item 17: searches of a back office and the right to erasure.
-- The folded names (Java's toLowerCase(Locale.ROOT), written by the store) make case-insensitive
-- name searches exact on every database; rows written before this version are filled in by the
-- store when it migrates. Indexes serve name prefixes, owners, industries, accounts, close dates and
-- amounts. The erasure log holds who erased which contact and when, and no personal data.

ALTER TABLE ${prefix}deals ADD COLUMN name_folded VARCHAR(600);

ALTER TABLE ${prefix}accounts ADD COLUMN name_folded VARCHAR(600);

ALTER TABLE ${prefix}accounts ADD COLUMN industry_folded VARCHAR(600);

ALTER TABLE ${prefix}contacts ADD COLUMN name_folded VARCHAR(600);

CREATE INDEX ${prefix}deals_name ON ${prefix}deals (workspace, name_folded);

CREATE INDEX ${prefix}deals_expected_close ON ${prefix}deals (workspace, expected_close);

CREATE INDEX ${prefix}deals_amount ON ${prefix}deals (workspace, currency, amount);

CREATE INDEX ${prefix}accounts_name ON ${prefix}accounts (workspace, name_folded);

CREATE INDEX ${prefix}accounts_owner ON ${prefix}accounts (workspace, owner);

CREATE INDEX ${prefix}accounts_industry ON ${prefix}accounts (workspace, industry_folded);

CREATE INDEX ${prefix}contacts_name ON ${prefix}contacts (workspace, name_folded);

CREATE INDEX ${prefix}contacts_account ON ${prefix}contacts (workspace, account_id);

CREATE TABLE ${prefix}contact_erasures (
  workspace VARCHAR(64) NOT NULL,
  contact_id CHAR(36) NOT NULL,
  erased_at TIMESTAMP(6) NOT NULL,
  erased_by VARCHAR(64) NOT NULL,
  PRIMARY KEY (workspace, contact_id, erased_at)
);
