-- Issue 15: the event feed. Every event gets a position in its workspace's feed when its
-- transaction commits: the commit advances the workspace's counter (a row lock held until commit,
-- so positions follow commit order and a reader never skips an event committed late) and stamps
-- the new positions on its events. Events stored before this version are numbered here, deal by
-- deal in sequence order.
ALTER TABLE ${prefix}deal_events ADD COLUMN feed_position BIGINT;

ALTER TABLE ${prefix}workspaces ADD COLUMN feed_last_position BIGINT DEFAULT 0 NOT NULL;

UPDATE ${prefix}deal_events e SET feed_position = r.n
FROM (
  SELECT workspace, deal_id, sequence,
    ROW_NUMBER() OVER (PARTITION BY workspace ORDER BY deal_id, sequence) AS n
  FROM ${prefix}deal_events
) r
WHERE e.workspace = r.workspace AND e.deal_id = r.deal_id AND e.sequence = r.sequence;

UPDATE ${prefix}workspaces SET feed_last_position = COALESCE(
  (SELECT MAX(e.feed_position) FROM ${prefix}deal_events e WHERE e.workspace = ${prefix}workspaces.id),
  0);

CREATE INDEX ${prefix}deal_events_feed ON ${prefix}deal_events (workspace, feed_position);
