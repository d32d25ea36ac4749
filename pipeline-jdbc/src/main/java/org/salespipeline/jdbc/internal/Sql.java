package org.salespipeline.jdbc.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every statement the store runs, as text blocks with named bind parameters ({@code :name}) only.
 * {@code ${prefix}} is the only placeholder and is replaced by the validated table prefix; no other
 * text is ever spliced in (the filters of deal queries add fixed fragments from the {@code
 * DEAL_FILTER_} constants, with bind parameters). All statements sit here, beside each other, so
 * that one lint test reads them all; the table classes run them.
 */
public final class Sql {
  static final String INSERT_WORKSPACE =
      """
      INSERT INTO ${prefix}workspaces (id, created_at) VALUES (:workspace, :createdAt)""";
  static final String SELECT_WORKSPACE =
      """
      SELECT id FROM ${prefix}workspaces WHERE id = :workspace""";

  static final String UPDATE_PIPELINE =
      """
      UPDATE ${prefix}pipelines SET name = :name WHERE workspace = :workspace AND id = :id""";
  static final String INSERT_PIPELINE =
      """
      INSERT INTO ${prefix}pipelines (name, workspace, id) VALUES (:name, :workspace, :id)""";
  static final String DELETE_STAGES =
      """
      DELETE FROM ${prefix}pipeline_stages WHERE workspace = :workspace AND pipeline_id = :id""";
  static final String INSERT_STAGE =
      """
      INSERT INTO ${prefix}pipeline_stages (workspace, pipeline_id, position, stage_key,
        display_name, outcome, default_probability, default_category, idle_threshold)
      VALUES (:workspace, :id, :position, :stageKey, :displayName, :outcome, :probability,
        :category, :idleThreshold)""";
  static final String SELECT_PIPELINES =
      """
      SELECT p.id, p.name, s.stage_key, s.display_name, s.outcome, s.default_probability,
        s.default_category, s.idle_threshold
      FROM ${prefix}pipelines p
      JOIN ${prefix}pipeline_stages s ON s.workspace = p.workspace AND s.pipeline_id = p.id
      WHERE p.workspace = :workspace
      ORDER BY p.id, s.position""";
  static final String SELECT_PIPELINE =
      """
      SELECT p.id, p.name, s.stage_key, s.display_name, s.outcome, s.default_probability,
        s.default_category, s.idle_threshold
      FROM ${prefix}pipelines p
      JOIN ${prefix}pipeline_stages s ON s.workspace = p.workspace AND s.pipeline_id = p.id
      WHERE p.workspace = :workspace AND p.id = :id
      ORDER BY s.position""";

  static final String UPDATE_ACCOUNT =
      """
      UPDATE ${prefix}accounts SET owner = :owner, body = :body, name_folded = :nameFolded,
        industry_folded = :industryFolded
      WHERE workspace = :workspace AND id = :id""";
  static final String INSERT_ACCOUNT =
      """
      INSERT INTO ${prefix}accounts (owner, body, name_folded, industry_folded, workspace, id)
      VALUES (:owner, :body, :nameFolded, :industryFolded, :workspace, :id)""";
  static final String SELECT_ACCOUNT =
      """
      SELECT body FROM ${prefix}accounts WHERE workspace = :workspace AND id = :id""";

  static final String UPDATE_CONTACT =
      """
      UPDATE ${prefix}contacts SET account_id = :account, body = :body, name_folded = :nameFolded
      WHERE workspace = :workspace AND id = :id""";
  static final String INSERT_CONTACT =
      """
      INSERT INTO ${prefix}contacts (account_id, body, name_folded, workspace, id)
      VALUES (:account, :body, :nameFolded, :workspace, :id)""";
  static final String SELECT_CONTACT =
      """
      SELECT body FROM ${prefix}contacts WHERE workspace = :workspace AND id = :id""";

  static final String UPDATE_TEAM =
      """
      UPDATE ${prefix}teams SET parent_id = :parent, manager = :manager, body = :body
      WHERE workspace = :workspace AND id = :id""";
  static final String INSERT_TEAM =
      """
      INSERT INTO ${prefix}teams (parent_id, manager, body, workspace, id)
      VALUES (:parent, :manager, :body, :workspace, :id)""";
  static final String SELECT_TEAMS =
      """
      SELECT body, id FROM ${prefix}teams WHERE workspace = :workspace ORDER BY id""";

  static final String UPDATE_QUOTA =
      """
      UPDATE ${prefix}quotas SET amount = :amount, currency = :currency, body = :body
      WHERE workspace = :workspace AND owner = :owner AND team = :team
        AND period_start = :periodStart AND period_end = :periodEnd""";
  static final String INSERT_QUOTA =
      """
      INSERT INTO ${prefix}quotas (amount, currency, body, workspace, owner, team, period_start,
        period_end)
      VALUES (:amount, :currency, :body, :workspace, :owner, :team, :periodStart, :periodEnd)""";
  static final String SELECT_QUOTAS =
      """
      SELECT body, owner, team, period_start, period_end FROM ${prefix}quotas
      WHERE workspace = :workspace ORDER BY period_start""";

  static final String INSERT_DEAL =
      """
      INSERT INTO ${prefix}deals (pipeline, stage, status, owner, account_id, amount, currency,
        expected_close, forecast_category, version, last_event_sequence, body, name_folded,
        workspace, id, created_at)
      VALUES (:pipeline, :stage, :status, :owner, :account, :amount, :currency, :expectedClose,
        :category, :version, :lastSequence, :body, :nameFolded, :workspace, :id, :createdAt)""";
  static final String UPDATE_DEAL =
      """
      UPDATE ${prefix}deals SET pipeline = :pipeline, stage = :stage, status = :status,
        owner = :owner, account_id = :account, amount = :amount, currency = :currency,
        expected_close = :expectedClose, forecast_category = :category, version = :version,
        last_event_sequence = :lastSequence, body = :body, name_folded = :nameFolded
      WHERE workspace = :workspace AND id = :id AND version = :expectedVersion
        AND last_event_sequence = :storedLastSequence""";
  static final String SELECT_DEAL =
      """
      SELECT body FROM ${prefix}deals WHERE workspace = :workspace AND id = :id""";
  static final String SELECT_DEAL_VERSION =
      """
      SELECT version, last_event_sequence FROM ${prefix}deals
      WHERE workspace = :workspace AND id = :id""";
  static final String SELECT_DEALS =
      """
      SELECT body, id FROM ${prefix}deals WHERE workspace = :workspace""";

  /**
   * Which of some deal ids a deal of another workspace holds (deal ids are unique across the store,
   * issue 16); one numbered name per id follows ({@code :id0, :id1)}). Joined through the
   * workspaces so that each probe is a primary-key lookup (workspace, id), not a scan by id.
   */
  static final String SELECT_DEAL_IDS_ELSEWHERE =
      """
      SELECT d.id FROM ${prefix}workspaces w
      JOIN ${prefix}deals d ON d.workspace = w.id
      WHERE w.id <> :workspace AND d.id IN (""";

  /** The columns of a workspace's open deals of one pipeline, in id order (snapshot loads). */
  static final String SCAN_OPEN_DEALS =
      """
      SELECT id, stage, owner, amount, currency, expected_close, forecast_category, created_at
      FROM ${prefix}deals
      WHERE workspace = :workspace AND pipeline = :pipeline AND status = :status ORDER BY id""";

  /**
   * {@link #SCAN_OPEN_DEALS} without its order, for a scope to follow (then {@link #DEAL_ORDER}).
   */
  static final String SCAN_OPEN_DEALS_SCOPED =
      """
      SELECT id, stage, owner, amount, currency, expected_close, forecast_category, created_at
      FROM ${prefix}deals
      WHERE workspace = :workspace AND pipeline = :pipeline AND status = :status""";

  // Fixed filter fragments of deal queries; every value is bound by name, never spliced. The IN
  // lists get one numbered name per value (:stage0, :stage1, ...).
  static final String DEAL_FILTER_PIPELINE = " AND pipeline = :pipeline";
  static final String DEAL_FILTER_STAGES = " AND stage IN (";
  static final String DEAL_FILTER_OWNERS = " AND owner IN (";
  static final String DEAL_FILTER_ACCOUNT = " AND account_id = :account";
  static final String DEAL_FILTER_STATUSES = " AND status IN (";
  static final String DEAL_FILTER_AFTER = " AND id > :afterId";
  // why: LIKE patterns are escaped with the default escape character, a backslash, on all three
  // databases; the folded columns have binary collations, so LIKE compares exactly
  static final String DEAL_FILTER_NAME = " AND name_folded LIKE :name";
  static final String DEAL_FILTER_CLOSE_FROM = " AND expected_close >= :closeFrom";
  static final String DEAL_FILTER_CLOSE_TO = " AND expected_close <= :closeTo";
  static final String DEAL_FILTER_AMOUNT_FROM =
      " AND currency = :amountCurrency AND amount >= :amountFrom";
  static final String DEAL_FILTER_AMOUNT_TO =
      " AND currency = :amountCurrency AND amount <= :amountTo";
  // The reader's scope (access policies, issue 16): the deals of some owners or some ids, as one
  // bracketed OR of IN lists; a scope of nothing matches no row.
  static final String DEAL_SCOPE_OWNERS = " AND (owner IN (";
  static final String DEAL_SCOPE_IDS_AFTER_OWNERS = " OR id IN (";
  static final String DEAL_SCOPE_IDS = " AND (id IN (";
  static final String DEAL_SCOPE_END = ")";
  static final String DEAL_SCOPE_NOTHING = " AND 1 = 0";
  static final String DEAL_ORDER = " ORDER BY id";
  static final String DEAL_LIMIT = " LIMIT :limit";

  static final String SELECT_ACCOUNTS =
      """
      SELECT body, id FROM ${prefix}accounts WHERE workspace = :workspace""";
  static final String SELECT_CONTACTS =
      """
      SELECT body, id FROM ${prefix}contacts WHERE workspace = :workspace""";
  static final String RECORD_FILTER_NAME = " AND name_folded LIKE :name";
  static final String RECORD_FILTER_OWNERS = " AND owner IN (";
  static final String RECORD_FILTER_INDUSTRY = " AND industry_folded = :industry";
  static final String RECORD_FILTER_ACCOUNT = " AND account_id = :account";
  static final String RECORD_FILTER_AFTER = " AND id > :afterId";

  // ---- erasure: the workspace's rows in keyset chunks, rewritten where they change
  static final String SELECT_DEAL_BODIES =
      """
      SELECT id, body FROM ${prefix}deals WHERE workspace = :workspace AND id > :afterId
      ORDER BY id LIMIT :limit""";
  static final String UPDATE_DEAL_BODY =
      """
      UPDATE ${prefix}deals SET body = :body, name_folded = :nameFolded
      WHERE workspace = :workspace AND id = :id""";
  static final String SELECT_EVENT_PAYLOADS =
      """
      SELECT deal_id, sequence, change_type, payload FROM ${prefix}deal_events
      WHERE workspace = :workspace
        AND (deal_id > :deal OR (deal_id = :deal AND sequence > :sequence))
      ORDER BY deal_id, sequence LIMIT :limit""";
  static final String UPDATE_EVENT_PAYLOAD =
      """
      UPDATE ${prefix}deal_events SET payload = :payload
      WHERE workspace = :workspace AND deal_id = :deal AND sequence = :sequence""";
  static final String SELECT_ACTIVITY_BODIES =
      """
      SELECT position, body, id FROM ${prefix}activities
      WHERE workspace = :workspace AND position > :position
      ORDER BY position LIMIT :limit""";
  static final String UPDATE_ACTIVITY_BODY =
      """
      UPDATE ${prefix}activities SET body = :body WHERE workspace = :workspace AND position = :position""";
  static final String INSERT_ERASURE =
      """
      INSERT INTO ${prefix}contact_erasures (workspace, contact_id, erased_at, erased_by)
      VALUES (:workspace, :contact, :erasedAt, :erasedBy)""";
  static final String SELECT_ERASURES =
      """
      SELECT contact_id, erased_at, erased_by FROM ${prefix}contact_erasures
      WHERE workspace = :workspace ORDER BY erased_at, contact_id""";

  // ---- after migrating to V005: fill the folded names of rows written before it
  static final String SELECT_UNFOLDED_DEALS =
      """
      SELECT workspace, id, body FROM ${prefix}deals WHERE name_folded IS NULL LIMIT :limit""";
  static final String SELECT_UNFOLDED_ACCOUNTS =
      """
      SELECT workspace, id, body FROM ${prefix}accounts WHERE name_folded IS NULL LIMIT :limit""";
  static final String SELECT_UNFOLDED_CONTACTS =
      """
      SELECT workspace, id, body FROM ${prefix}contacts WHERE name_folded IS NULL LIMIT :limit""";
  static final String FOLD_DEAL =
      """
      UPDATE ${prefix}deals SET name_folded = :nameFolded WHERE workspace = :workspace AND id = :id""";
  static final String FOLD_ACCOUNT =
      """
      UPDATE ${prefix}accounts SET name_folded = :nameFolded, industry_folded = :industryFolded
      WHERE workspace = :workspace AND id = :id""";
  static final String FOLD_CONTACT =
      """
      UPDATE ${prefix}contacts SET name_folded = :nameFolded WHERE workspace = :workspace AND id = :id""";

  static final String INSERT_EVENT =
      """
      INSERT INTO ${prefix}deal_events (workspace, deal_id, sequence, deal_version, occurred_at,
        actor, idempotency_key, change_type, payload)
      VALUES (:workspace, :deal, :sequence, :dealVersion, :occurredAt, :actor, :key, :changeType,
        :payload)""";
  static final String SELECT_HISTORY =
      """
      SELECT deal_id, sequence, deal_version, actor, idempotency_key, change_type, payload
      FROM ${prefix}deal_events WHERE workspace = :workspace AND deal_id = :deal
      ORDER BY sequence""";
  static final String SELECT_EVENTS =
      """
      SELECT deal_id, sequence, deal_version, actor, idempotency_key, change_type, payload
      FROM ${prefix}deal_events
      WHERE workspace = :workspace AND occurred_at >= :from AND occurred_at <= :until
      ORDER BY deal_id, sequence""";

  /**
   * {@link #SELECT_EVENTS} of the deals in a reader's scope (access policies, issue 16): the scope
   * goes into the sub-select (see {@code DealTable.scope}), then {@link #SCOPED_EVENTS_END}; the
   * database filters, so nothing per visible deal is held in memory.
   */
  static final String SELECT_SCOPED_EVENTS =
      """
      SELECT deal_id, sequence, deal_version, actor, idempotency_key, change_type, payload
      FROM ${prefix}deal_events
      WHERE workspace = :workspace AND occurred_at >= :from AND occurred_at <= :until
      AND deal_id IN (SELECT id FROM ${prefix}deals WHERE workspace = :workspace""";

  /** Closes {@link #SELECT_SCOPED_EVENTS}' sub-select and orders as {@link #SELECT_EVENTS}. */
  static final String SCOPED_EVENTS_END = ") ORDER BY deal_id, sequence";

  // The event feed (issue 15). Writers leave feed_position NULL and never wait for each other; a
  // reader first publishes: it locks the workspace row (the feed's counter), numbers the committed
  // events that have no position yet after the highest one, and commits. Publishers run one at a
  // time, each numbering only what had committed before it, so an event committed late by a slow
  // transaction is numbered by a later publish, above every position read before: nothing skipped.
  static final String LOCK_FEED =
      """
      UPDATE ${prefix}workspaces SET feed_last_position = feed_last_position
      WHERE id = :workspace""";
  static final String SELECT_FEED_LAST =
      """
      SELECT feed_last_position FROM ${prefix}workspaces WHERE id = :workspace""";
  static final String SELECT_UNPUBLISHED =
      """
      SELECT deal_id FROM ${prefix}deal_events
      WHERE workspace = :workspace AND feed_position IS NULL
      LIMIT 1""";
  // one per database: numbering by ROW_NUMBER in an update is spelled differently by each
  static final String PUBLISH_FEED_H2 =
      """
      MERGE INTO ${prefix}deal_events e
      USING (
        SELECT workspace, deal_id, sequence,
          ROW_NUMBER() OVER (ORDER BY deal_id, sequence) AS n
        FROM ${prefix}deal_events WHERE workspace = :workspace AND feed_position IS NULL
      ) r
      ON (e.workspace = r.workspace AND e.deal_id = r.deal_id AND e.sequence = r.sequence)
      WHEN MATCHED THEN UPDATE SET feed_position = r.n + :base""";
  static final String PUBLISH_FEED_POSTGRESQL =
      """
      UPDATE ${prefix}deal_events e SET feed_position = r.n + :base
      FROM (
        SELECT workspace, deal_id, sequence,
          ROW_NUMBER() OVER (ORDER BY deal_id, sequence) AS n
        FROM ${prefix}deal_events WHERE workspace = :workspace AND feed_position IS NULL
      ) r
      WHERE e.workspace = r.workspace AND e.deal_id = r.deal_id AND e.sequence = r.sequence""";
  static final String PUBLISH_FEED_MARIADB =
      """
      UPDATE ${prefix}deal_events e
      JOIN (
        SELECT workspace, deal_id, sequence,
          ROW_NUMBER() OVER (ORDER BY deal_id, sequence) AS n
        FROM ${prefix}deal_events WHERE workspace = :workspace AND feed_position IS NULL
      ) r ON e.workspace = r.workspace AND e.deal_id = r.deal_id AND e.sequence = r.sequence
      SET e.feed_position = r.n + :base""";
  static final String ADVANCE_FEED =
      """
      UPDATE ${prefix}workspaces SET feed_last_position = COALESCE(
        (SELECT MAX(feed_position) FROM ${prefix}deal_events WHERE workspace = :workspace), 0)
      WHERE id = :workspace""";
  static final String SELECT_FEED =
      """
      SELECT deal_id, sequence, deal_version, actor, idempotency_key, change_type, payload,
        feed_position
      FROM ${prefix}deal_events
      WHERE workspace = :workspace AND feed_position > :after
      ORDER BY feed_position
      LIMIT :limit""";

  static final String INSERT_ACTIVITY =
      """
      INSERT INTO ${prefix}activities (workspace, id, deal_id, account_id, activity_type, owner,
        occurred_at, due_at, recorded_at, body)
      VALUES (:workspace, :id, :deal, :account, :type, :owner, :occurredAt, :dueAt, :recordedAt,
        :body)""";
  static final String SELECT_DEAL_ACTIVITIES =
      """
      SELECT body, id FROM ${prefix}activities WHERE workspace = :workspace AND deal_id = :deal
      ORDER BY position""";
  static final String SELECT_ACCOUNT_ACTIVITIES =
      """
      SELECT body, id FROM ${prefix}activities
      WHERE workspace = :workspace AND account_id = :account
      ORDER BY position""";

  static final String INSERT_RETENTION =
      """
      INSERT INTO ${prefix}retention (status, won_deal, since, renewal_date, version, body,
        recurring_amount, recurring_currency, owner, next_follow_up, last_activity_at,
        workspace, account_id)
      VALUES (:status, :wonDeal, :since, :renewalDate, :version, :body,
        :recurringAmount, :recurringCurrency, :owner, :nextFollowUp, :lastActivity,
        :workspace, :account)""";
  static final String UPDATE_RETENTION =
      """
      UPDATE ${prefix}retention SET status = :status, won_deal = :wonDeal, since = :since,
        renewal_date = :renewalDate, version = :version, body = :body,
        recurring_amount = :recurringAmount, recurring_currency = :recurringCurrency,
        owner = :owner, next_follow_up = :nextFollowUp, last_activity_at = :lastActivity
      WHERE workspace = :workspace AND account_id = :account AND version = :expectedVersion""";
  static final String SELECT_RETENTION =
      """
      SELECT body FROM ${prefix}retention WHERE workspace = :workspace AND account_id = :account""";

  /**
   * The retention records of a workspace; the {@code RETENTION_FILTER_} fragments follow. Records
   * written before V007 have NULL columns and match only the filters they cannot fail (status).
   */
  static final String SELECT_RETENTIONS =
      """
      SELECT body, account_id FROM ${prefix}retention WHERE workspace = :workspace""";

  static final String RETENTION_FILTER_STATUSES = " AND status IN (";
  static final String RETENTION_FILTER_OWNERS = " AND owner IN (";
  static final String RETENTION_FILTER_FOLLOW_UP = " AND next_follow_up <= :followUpDueBy";
  static final String RETENTION_FILTER_RENEWAL_FROM = " AND renewal_date >= :renewalFrom";
  static final String RETENTION_FILTER_RENEWAL_TO = " AND renewal_date <= :renewalTo";
  static final String RETENTION_FILTER_NO_ACTIVITY = " AND last_activity_at < :noActivitySince";
  static final String RETENTION_FILTER_AFTER = " AND account_id > :afterAccount";
  static final String RETENTION_ORDER = " ORDER BY account_id";
  static final String RETENTION_LIMIT = " LIMIT :limit";

  static final String INSERT_KEY =
      """
      INSERT INTO ${prefix}idempotency_keys
        (workspace, idempotency_key, deal_id, deal_version, command_fingerprint)
      VALUES (:workspace, :key, :deal, :dealVersion, :fingerprint)""";
  static final String SELECT_KEY =
      """
      SELECT deal_id, deal_version, command_fingerprint FROM ${prefix}idempotency_keys
      WHERE workspace = :workspace AND idempotency_key = :key""";

  // ---- forecast calls and adjustments (issue 18) ----

  static final String INSERT_FORECAST_CALL =
      """
      INSERT INTO ${prefix}forecast_calls (workspace, call_id, node, period_start, period_end,
        forecast_type, submitted_at, body)
      VALUES (:workspace, :id, :node, :periodStart, :periodEnd, :forecastType, :submittedAt, :body)""";
  static final String SELECT_FORECAST_CALLS =
      """
      SELECT body, call_id FROM ${prefix}forecast_calls
      WHERE workspace = :workspace AND period_start = :periodStart AND period_end = :periodEnd
        AND forecast_type = :forecastType
      ORDER BY submitted_at, call_id""";
  static final String LAST_ADJUSTMENT_VERSION =
      """
      SELECT MAX(version) FROM ${prefix}forecast_adjustments
      WHERE workspace = :workspace AND period_start = :periodStart AND period_end = :periodEnd
        AND forecast_type = :forecastType AND node = :node AND category = :category""";
  static final String INSERT_ADJUSTMENT =
      """
      INSERT INTO ${prefix}forecast_adjustments (workspace, node, period_start, period_end,
        forecast_type, category, version, adjusted_at, body)
      VALUES (:workspace, :node, :periodStart, :periodEnd, :forecastType, :category, :version,
        :adjustedAt, :body)""";
  static final String SELECT_ADJUSTMENTS =
      """
      SELECT body, node, category, version FROM ${prefix}forecast_adjustments
      WHERE workspace = :workspace AND period_start = :periodStart AND period_end = :periodEnd
        AND forecast_type = :forecastType
      ORDER BY node, category, version""";

  private final String prefix;
  private final Map<String, NamedSql> resolved = new ConcurrentHashMap<>();

  Sql(String prefix) {
    this.prefix = prefix;
  }

  /** The statement with the table prefix applied and its names parsed, once per statement. */
  NamedSql of(String statement) {
    return resolved.computeIfAbsent(statement, s -> NamedSql.parse(s.replace("${prefix}", prefix)));
  }

  /**
   * A statement built per query from fixed fragments (deal filters), parsed each time: its text
   * varies with the filters and list sizes, so it is not cached.
   */
  NamedSql dynamic(String statement) {
    return NamedSql.parse(statement.replace("${prefix}", prefix));
  }
}
