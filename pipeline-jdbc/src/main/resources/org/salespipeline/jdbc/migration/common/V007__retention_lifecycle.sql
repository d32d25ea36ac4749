-- Issue 17: the customer-success columns of the retention table, so that accounts can be read by
-- status, owner, follow-up due, renewal date and last activity on every store. NULL for records
-- written before this version until their next change (their body still holds the whole record).
ALTER TABLE ${prefix}retention ADD COLUMN recurring_amount DECIMAL(20, 4);

ALTER TABLE ${prefix}retention ADD COLUMN recurring_currency CHAR(3);

ALTER TABLE ${prefix}retention ADD COLUMN owner VARCHAR(64);

ALTER TABLE ${prefix}retention ADD COLUMN next_follow_up TIMESTAMP(6);

ALTER TABLE ${prefix}retention ADD COLUMN last_activity_at TIMESTAMP(6);

CREATE INDEX ${prefix}retention_status ON ${prefix}retention (workspace, status);

CREATE INDEX ${prefix}retention_renewal ON ${prefix}retention (workspace, renewal_date);

CREATE INDEX ${prefix}retention_follow_up ON ${prefix}retention (workspace, next_follow_up);
