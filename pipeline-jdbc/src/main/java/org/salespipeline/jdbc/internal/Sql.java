package org.salespipeline.jdbc.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every statement the store runs, as text blocks with bind parameters only. {@code ${prefix}} is
 * the only placeholder and is replaced by the validated table prefix; no other text is ever spliced
 * in (the filters of {@link JdbcWorkspaceStore#findDeals} add fixed fragments from {@link
 * #DEAL_FILTERS} with bind parameters).
 */
public final class Sql {
  static final String INSERT_WORKSPACE =
      """
      INSERT INTO ${prefix}workspaces (id, created_at) VALUES (?, ?)""";
  static final String SELECT_WORKSPACE =
      """
      SELECT id FROM ${prefix}workspaces WHERE id = ?""";

  static final String UPDATE_PIPELINE =
      """
      UPDATE ${prefix}pipelines SET name = ? WHERE workspace = ? AND id = ?""";
  static final String INSERT_PIPELINE =
      """
      INSERT INTO ${prefix}pipelines (name, workspace, id) VALUES (?, ?, ?)""";
  static final String DELETE_STAGES =
      """
      DELETE FROM ${prefix}pipeline_stages WHERE workspace = ? AND pipeline_id = ?""";
  static final String INSERT_STAGE =
      """
      INSERT INTO ${prefix}pipeline_stages (workspace, pipeline_id, position, stage_key,
        display_name, outcome, default_probability, default_category, idle_threshold)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
  static final String SELECT_PIPELINES =
      """
      SELECT p.id, p.name, s.stage_key, s.display_name, s.outcome, s.default_probability,
        s.default_category, s.idle_threshold
      FROM ${prefix}pipelines p
      JOIN ${prefix}pipeline_stages s ON s.workspace = p.workspace AND s.pipeline_id = p.id
      WHERE p.workspace = ?
      ORDER BY p.id, s.position""";
  static final String SELECT_PIPELINE =
      """
      SELECT p.id, p.name, s.stage_key, s.display_name, s.outcome, s.default_probability,
        s.default_category, s.idle_threshold
      FROM ${prefix}pipelines p
      JOIN ${prefix}pipeline_stages s ON s.workspace = p.workspace AND s.pipeline_id = p.id
      WHERE p.workspace = ? AND p.id = ?
      ORDER BY s.position""";

  static final String UPDATE_ACCOUNT =
      """
      UPDATE ${prefix}accounts SET owner = ?, body = ? WHERE workspace = ? AND id = ?""";
  static final String INSERT_ACCOUNT =
      """
      INSERT INTO ${prefix}accounts (owner, body, workspace, id) VALUES (?, ?, ?, ?)""";
  static final String SELECT_ACCOUNT =
      """
      SELECT body FROM ${prefix}accounts WHERE workspace = ? AND id = ?""";

  static final String UPDATE_CONTACT =
      """
      UPDATE ${prefix}contacts SET account_id = ?, body = ? WHERE workspace = ? AND id = ?""";
  static final String INSERT_CONTACT =
      """
      INSERT INTO ${prefix}contacts (account_id, body, workspace, id) VALUES (?, ?, ?, ?)""";
  static final String SELECT_CONTACT =
      """
      SELECT body FROM ${prefix}contacts WHERE workspace = ? AND id = ?""";

  static final String UPDATE_TEAM =
      """
      UPDATE ${prefix}teams SET parent_id = ?, manager = ?, body = ?
      WHERE workspace = ? AND id = ?""";
  static final String INSERT_TEAM =
      """
      INSERT INTO ${prefix}teams (parent_id, manager, body, workspace, id) VALUES (?, ?, ?, ?, ?)""";
  static final String SELECT_TEAMS =
      """
      SELECT body FROM ${prefix}teams WHERE workspace = ? ORDER BY id""";

  static final String UPDATE_QUOTA =
      """
      UPDATE ${prefix}quotas SET amount = ?, currency = ?, body = ?
      WHERE workspace = ? AND owner = ? AND team = ? AND period_start = ? AND period_end = ?""";
  static final String INSERT_QUOTA =
      """
      INSERT INTO ${prefix}quotas (amount, currency, body, workspace, owner, team, period_start,
        period_end)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
  static final String SELECT_QUOTAS =
      """
      SELECT body FROM ${prefix}quotas WHERE workspace = ? ORDER BY period_start""";

  static final String INSERT_DEAL =
      """
      INSERT INTO ${prefix}deals (pipeline, stage, status, owner, account_id, amount, currency,
        expected_close, forecast_category, version, last_event_sequence, body, workspace, id,
        created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
  static final String UPDATE_DEAL =
      """
      UPDATE ${prefix}deals SET pipeline = ?, stage = ?, status = ?, owner = ?, account_id = ?,
        amount = ?, currency = ?, expected_close = ?, forecast_category = ?, version = ?,
        last_event_sequence = ?, body = ?
      WHERE workspace = ? AND id = ? AND version = ? AND last_event_sequence = ?""";
  static final String SELECT_DEAL =
      """
      SELECT body FROM ${prefix}deals WHERE workspace = ? AND id = ?""";
  static final String SELECT_DEAL_VERSION =
      """
      SELECT version FROM ${prefix}deals WHERE workspace = ? AND id = ?""";
  static final String SELECT_DEALS =
      """
      SELECT body FROM ${prefix}deals WHERE workspace = ?""";

  /** The columns of a workspace's open deals of one pipeline, in id order (snapshot loads). */
  static final String SCAN_OPEN_DEALS =
      """
      SELECT id, stage, owner, amount, currency, expected_close, forecast_category, created_at
      FROM ${prefix}deals WHERE workspace = ? AND pipeline = ? AND status = ? ORDER BY id""";

  /** Fixed filter fragments of deal queries; each {@code ?} is bound, never spliced. */
  static final String[] DEAL_FILTERS = {
    " AND pipeline = ?", " AND stage IN (", " AND owner IN (", " AND account_id = ?",
    " AND status IN (", " AND id > ?", " ORDER BY id", " LIMIT ?"
  };

  static final String INSERT_EVENT =
      """
      INSERT INTO ${prefix}deal_events (workspace, deal_id, sequence, deal_version, occurred_at,
        actor, idempotency_key, change_type, payload)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
  static final String SELECT_HISTORY =
      """
      SELECT deal_id, sequence, deal_version, actor, idempotency_key, change_type, payload
      FROM ${prefix}deal_events WHERE workspace = ? AND deal_id = ? ORDER BY sequence""";
  static final String SELECT_EVENTS =
      """
      SELECT deal_id, sequence, deal_version, actor, idempotency_key, change_type, payload
      FROM ${prefix}deal_events WHERE workspace = ? AND occurred_at >= ? AND occurred_at <= ?
      ORDER BY deal_id, sequence""";

  static final String INSERT_ACTIVITY =
      """
      INSERT INTO ${prefix}activities (workspace, id, deal_id, account_id, activity_type, owner,
        occurred_at, due_at, recorded_at, body)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
  static final String SELECT_DEAL_ACTIVITIES =
      """
      SELECT body FROM ${prefix}activities WHERE workspace = ? AND deal_id = ? ORDER BY position""";
  static final String SELECT_ACCOUNT_ACTIVITIES =
      """
      SELECT body FROM ${prefix}activities WHERE workspace = ? AND account_id = ?
      ORDER BY position""";

  static final String INSERT_RETENTION =
      """
      INSERT INTO ${prefix}retention (status, won_deal, since, renewal_date, version, body,
        workspace, account_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
  static final String UPDATE_RETENTION =
      """
      UPDATE ${prefix}retention SET status = ?, won_deal = ?, since = ?, renewal_date = ?,
        version = ?, body = ?
      WHERE workspace = ? AND account_id = ? AND version = ?""";
  static final String SELECT_RETENTION =
      """
      SELECT body FROM ${prefix}retention WHERE workspace = ? AND account_id = ?""";

  static final String INSERT_KEY =
      """
      INSERT INTO ${prefix}idempotency_keys (workspace, idempotency_key, deal_id, deal_version)
      VALUES (?, ?, ?, ?)""";
  static final String SELECT_KEY =
      """
      SELECT deal_id, deal_version FROM ${prefix}idempotency_keys
      WHERE workspace = ? AND idempotency_key = ?""";

  private final String prefix;
  private final Map<String, String> resolved = new ConcurrentHashMap<>();

  Sql(String prefix) {
    this.prefix = prefix;
  }

  /** The statement with the table prefix applied. */
  String of(String statement) {
    return resolved.computeIfAbsent(statement, s -> s.replace("${prefix}", prefix));
  }
}
