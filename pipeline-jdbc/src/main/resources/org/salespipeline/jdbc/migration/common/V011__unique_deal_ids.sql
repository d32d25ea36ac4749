-- Issue 16: a deal id is unique across the workspaces of a store. The commit's lookup of the id in
-- other workspaces is a read, so two workspaces creating one id at the same instant could both
-- pass it; this index makes the database refuse the second insert, which the store reports as the
-- typed id clash. The key of the deals table stays (workspace, id). The migrator refuses to run
-- this script, naming the ids, while deals of more than one workspace share an id.
-- (H2; PostgreSQL and MariaDB have their own file.)
CREATE UNIQUE INDEX ${prefix}deals_id_unique ON ${prefix}deals (id);
