-- Issue 15: the event feed. Commits leave feed_position NULL; a feed reader numbers the committed
-- events without a position after the workspace's counter (workspaces.feed_last_position) under
-- the lock of that row, so an event committed late by a slow transaction is numbered after every
-- position read before it. Events stored before this version are numbered here, deal by deal in
-- sequence order. (H2; PostgreSQL and MariaDB have their own file.)
ALTER TABLE ${prefix}deal_events ADD COLUMN feed_position BIGINT;

ALTER TABLE ${prefix}workspaces ADD COLUMN feed_last_position BIGINT DEFAULT 0 NOT NULL;

MERGE INTO ${prefix}deal_events e
USING (
  SELECT workspace, deal_id, sequence,
    ROW_NUMBER() OVER (PARTITION BY workspace ORDER BY deal_id, sequence) AS n
  FROM ${prefix}deal_events
) r
ON (e.workspace = r.workspace AND e.deal_id = r.deal_id AND e.sequence = r.sequence)
WHEN MATCHED THEN UPDATE SET feed_position = r.n;

UPDATE ${prefix}workspaces SET feed_last_position = COALESCE(
  (SELECT MAX(e.feed_position) FROM ${prefix}deal_events e WHERE e.workspace = ${prefix}workspaces.id),
  0);

CREATE INDEX ${prefix}deal_events_feed ON ${prefix}deal_events (workspace, feed_position);
