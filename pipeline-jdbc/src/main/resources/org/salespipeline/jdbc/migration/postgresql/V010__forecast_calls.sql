-- Issue 18: forecast calls and managers' adjustments. Calls are append-only rows keyed by id and
-- read by period and forecast type in submission order; each adjustment version of a cell (node,
-- period, forecast type, category) is its own row, and the primary key lets only one writer add a
-- given version, so a lost update is impossible. The body holds the whole record.
CREATE TABLE ${prefix}forecast_calls (
  workspace VARCHAR(64) COLLATE "C" NOT NULL,
  call_id VARCHAR(36) COLLATE "C" NOT NULL,
  node VARCHAR(200) COLLATE "C" NOT NULL,
  period_start DATE NOT NULL,
  period_end DATE NOT NULL,
  forecast_type VARCHAR(200) COLLATE "C" NOT NULL,
  submitted_at TIMESTAMP(6) NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (workspace, call_id)
);

CREATE INDEX ${prefix}forecast_calls_period ON ${prefix}forecast_calls (workspace, period_start, period_end, forecast_type, submitted_at);

CREATE TABLE ${prefix}forecast_adjustments (
  workspace VARCHAR(64) COLLATE "C" NOT NULL,
  node VARCHAR(200) COLLATE "C" NOT NULL,
  period_start DATE NOT NULL,
  period_end DATE NOT NULL,
  forecast_type VARCHAR(200) COLLATE "C" NOT NULL,
  category VARCHAR(16) NOT NULL,
  version BIGINT NOT NULL,
  adjusted_at TIMESTAMP(6) NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (workspace, period_start, period_end, forecast_type, node, category, version)
);
