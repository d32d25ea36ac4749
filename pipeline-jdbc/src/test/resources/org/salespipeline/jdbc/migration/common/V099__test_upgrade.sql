-- A test-only second migration, to prove upgrades of a V001 database with data (T15).
CREATE INDEX ${prefix}deals_close ON ${prefix}deals (workspace, expected_close);

ALTER TABLE ${prefix}deals ADD COLUMN upgrade_marker INT;
