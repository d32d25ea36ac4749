package org.salespipeline.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import org.salespipeline.jdbc.SchemaException;
import org.salespipeline.jdbc.dialect.SqlDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies and checks the versioned scripts. Scripts live under {@code
 * org/salespipeline/jdbc/migration/{common,<dialect>}/V###__name.sql}; a per-database file of the
 * same name replaces the common one. Each applied script is recorded in {@code
 * <prefix>schema_history} with its checksum and a success flag written after it completed.
 */
public final class Migrator {
  private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);
  private static final String BASE = "org/salespipeline/jdbc/migration/";

  /** The migrations this library ships, in order. A released entry never changes. */
  public static final List<Migration> MIGRATIONS =
      List.of(
          new Migration(1, "create_schema"),
          new Migration(2, "command_fingerprints"),
          new Migration(3, "exact_idempotency_keys"),
          new Migration(5, "record_search_and_erasure"),
          new Migration(7, "retention_lifecycle"),
          new Migration(8, "event_feed"),
          new Migration(10, "forecast_calls"),
          new Migration(11, "unique_deal_ids"));

  /** One versioned script. */
  public record Migration(int version, String description) {
    public String fileName() {
      return String.format("V%03d__%s.sql", version, description);
    }
  }

  private record Applied(int version, String checksum, boolean success) {}

  private final SqlDialect dialect;
  private final String prefix;
  private final List<Migration> migrations;

  public Migrator(SqlDialect dialect, String prefix) {
    this(dialect, prefix, MIGRATIONS);
  }

  /** A migrator over an explicit list of migrations, for upgrade tests. */
  public Migrator(SqlDialect dialect, String prefix, List<Migration> migrations) {
    this.dialect = dialect;
    this.prefix = prefix;
    this.migrations = List.copyOf(migrations);
  }

  /** The script text of a migration for this database, before prefix substitution. */
  public String script(Migration m) {
    String text = resource(BASE + dialect.name() + "/" + m.fileName());
    if (text == null) {
      text = resource(BASE + "common/" + m.fileName());
    }
    if (text == null) {
      throw new IllegalStateException("missing migration script " + m.fileName());
    }
    return text.replace("\r\n", "\n");
  }

  /** Every script of this database concatenated, with the prefix applied. */
  public String fullScript() {
    StringBuilder out = new StringBuilder();
    for (Migration m : migrations) {
      out.append(script(m).replace("${prefix}", prefix)).append('\n');
    }
    return out.toString();
  }

  static String resource(String path) {
    try (InputStream in = Migrator.class.getClassLoader().getResourceAsStream(path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + path, e);
    }
  }

  static String checksum(String script) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(script.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Splits a script into statements: each ends with ';' at the end of a line. */
  public static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String sql = current.toString().strip();
        out.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }

  /**
   * A clash written between {@link #checkPrecondition} and the index (by a process of an older
   * version) fails the index with a raw constraint error; names the clash instead.
   */
  private void raceOnDealIds(Connection c, Migration m, Exception e) {
    if (!m.description().equals("unique_deal_ids")
        || !(e instanceof SQLException sql)
        || !dialect.isUniqueViolation(sql)) {
      return;
    }
    String clashes;
    try {
      clashes = dealIdClashes(c);
    } catch (SQLException | RuntimeException ignored) {
      return; // why: the original failure is reported instead
    }
    if (clashes != null) {
      throw new SchemaException(
          dealIdClashMessage(m, clashes)
              + (dialect.transactionalDdl()
                  ? ""
                  : " (remove its row from " + historyTable() + " before starting again)"),
          e);
    }
  }

  private String historyTable() {
    return prefix + "schema_history";
  }

  /** Migrates under the database-wide lock, then validates. */
  public void migrate(Connection lockConnection, Connection work, Duration lockTimeout)
      throws SQLException {
    if (!dialect.acquireMigrationLock(lockConnection, prefix, lockTimeout)) {
      throw new SchemaException(
          "timed out after "
              + lockTimeout
              + " waiting for the migration lock of table prefix '"
              + prefix
              + "': another process is migrating; if none is, its session may still be open on "
              + "the server. Retry, or raise migrationLockTimeout");
    }
    try {
      createHistoryTable(work);
      TreeMap<Integer, Applied> applied = readHistory(work);
      checkApplied(applied, true);
      for (Migration m : migrations) {
        if (!applied.containsKey(m.version())) {
          apply(work, m);
        }
      }
    } finally {
      dialect.releaseMigrationLock(lockConnection, prefix);
    }
    validate(work);
  }

  /** Checks that the schema is exactly the one this library ships. */
  public void validate(Connection work) throws SQLException {
    TreeMap<Integer, Applied> applied = readHistory(work);
    if (applied == null) {
      throw new SchemaException(
          "no pipeline schema found (table "
              + historyTable()
              + " is missing): start once with SchemaMode.MIGRATE, or apply the published script "
              + "org/salespipeline/jdbc/schema/"
              + dialect.name()
              + ".sql with table prefix '"
              + prefix
              + "'");
    }
    checkApplied(applied, false);
    for (Migration m : migrations) {
      if (!applied.containsKey(m.version())) {
        throw new SchemaException(
            "the database schema is older than this library: migration "
                + m.fileName()
                + " is not applied. Start once with SchemaMode.MIGRATE (takes a lock, safe with "
                + "several processes), or apply the script by hand and record it in "
                + historyTable());
      }
    } // why: the history says which scripts ran, not that their tables are still intact (issue 14)
    new ExpectedSchema(statements(fullScript())).check(work);
  }

  private void checkApplied(TreeMap<Integer, Applied> applied, boolean migrating) {
    if (applied == null) {
      return;
    }
    int known = migrations.get(migrations.size() - 1).version();
    for (Applied a : applied.values()) {
      if (a.version() > known) {
        throw new SchemaException(
            String.format(
                "the database schema is newer than this library: it has migration V%03d but this"
                    + " version of pipeline-jdbc knows migrations up to V%03d. Upgrade"
                    + " pipeline-jdbc to the version that wrote the schema (never run an older"
                    + " library against a newer schema), or restore a backup taken before the"
                    + " upgrade",
                a.version(), known));
      }
      Migration m = migrations.stream().filter(x -> x.version() == a.version()).findFirst().get();
      if (!a.success()) {
        throw new SchemaException(
            "migration "
                + m.fileName()
                + " was started but did not complete (half-applied schema, recorded in "
                + historyTable()
                + " with success = false). Inspect the database: either finish or undo the "
                + "statements of that script by hand and then delete its row from "
                + historyTable()
                + " so that MIGRATE applies it again, or restore a backup");
      }
      String expected = checksum(script(m));
      if (!expected.equals(a.checksum())) {
        throw new SchemaException(
            "migration "
                + m.fileName()
                + " was applied with checksum "
                + a.checksum()
                + " but this library ships it with checksum "
                + expected
                + ": the script or the history was changed (a released script never changes). "
                + "Use the pipeline-jdbc version that created this database, or, if the "
                + "database is known to match the shipped script, correct the checksum in "
                + historyTable());
      }
    }
  }

  private void createHistoryTable(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + historyTable()
              + " (version INT NOT NULL PRIMARY KEY, description VARCHAR(200) NOT NULL,"
              + " checksum VARCHAR(64) NOT NULL, installed_at VARCHAR(40) NOT NULL,"
              + " success BOOLEAN NOT NULL)");
    }
    if (!c.getAutoCommit()) {
      c.commit();
    }
  }

  private TreeMap<Integer, Applied> readHistory(Connection c) throws SQLException {
    TreeMap<Integer, Applied> applied = new TreeMap<>();
    try (PreparedStatement s =
            c.prepareStatement("SELECT version, checksum, success FROM " + historyTable());
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        applied.put(rs.getInt(1), new Applied(rs.getInt(1), rs.getString(2), rs.getBoolean(3)));
      }
    } catch (SQLException e) {
      if (tableMissing(c)) {
        return null;
      }
      throw e;
    } finally {
      if (!c.getAutoCommit()) {
        c.rollback();
      }
    }
    return applied;
  }

  private boolean tableMissing(Connection c) throws SQLException {
    if (!c.getAutoCommit()) {
      c.rollback();
    }
    for (String name : new String[] {historyTable(), historyTable().toUpperCase()}) {
      try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, name, null)) {
        if (rs.next()) {
          return false;
        }
      }
    }
    return true;
  }

  /** How many clashing deal ids the refusal of V011 names. */
  private static final int CLASHES_NAMED = 20;

  /**
   * Refuses V011 (a unique index on the deal id alone) while deals of more than one workspace share
   * an id, which stores written before issue 16 may hold: a raw constraint error would not say
   * which deals or what to do. Runs before the script is recorded, so nothing is changed.
   */
  private void checkPrecondition(Connection c, Migration m) throws SQLException {
    if (!m.description().equals("unique_deal_ids")) {
      return;
    }
    String clashes = dealIdClashes(c);
    if (clashes != null) {
      throw new SchemaException(dealIdClashMessage(m, clashes));
    }
  }

  /** The deal ids held by more than one workspace with their workspaces, or null when none are. */
  private String dealIdClashes(Connection c) throws SQLException {
    String deals = prefix + "deals";
    TreeMap<String, List<String>> byId = new TreeMap<>();
    int total = 0;
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT d.id, d.workspace FROM "
                    + deals
                    + " d WHERE d.id IN (SELECT x.id FROM "
                    + deals
                    + " x GROUP BY x.id HAVING COUNT(*) > 1) ORDER BY d.id, d.workspace");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        String id = rs.getString(1).strip();
        if (!byId.containsKey(id)) {
          total++;
        }
        if (byId.containsKey(id) || byId.size() < CLASHES_NAMED) {
          byId.computeIfAbsent(id, k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
    } finally {
      if (!c.getAutoCommit()) {
        c.rollback();
      }
    }
    if (byId.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    out.append(total).append(total == 1 ? " deal id is" : " deal ids are");
    out.append(" held by deals of more than one workspace: ");
    String separator = "";
    for (var e : byId.entrySet()) {
      out.append(separator).append(e.getKey()).append(" in workspaces ").append(e.getValue());
      separator = "; ";
    }
    if (total > byId.size()) {
      out.append("; and ").append(total - byId.size()).append(" more");
    }
    return out.toString();
  }

  private String dealIdClashMessage(Migration m, String clashes) {
    return "migration "
        + m.fileName()
        + " makes deal ids unique across the workspaces of the store, but "
        + clashes
        + " (possible before pipeline-jdbc refused such creates). Nothing was changed. Keep each"
        + " id in one workspace: in every other workspace holding it, delete the deal's rows"
        + " (tables "
        + prefix
        + "deals, "
        + prefix
        + "deal_events, "
        + prefix
        + "activities) or re-create the deal there under a new id, then start again with"
        + " SchemaMode.MIGRATE. Find them with: SELECT id, workspace FROM "
        + prefix
        + "deals WHERE id IN (SELECT id FROM "
        + prefix
        + "deals GROUP BY id HAVING COUNT(*) > 1)";
  }

  private void apply(Connection c, Migration m) throws SQLException {
    checkPrecondition(c, m);
    String script = script(m);
    String sum = checksum(script);
    List<String> statements = statements(script.replace("${prefix}", prefix));
    LOG.info("applying schema migration {} ({} statements)", m.fileName(), statements.size());
    boolean autoCommit = c.getAutoCommit();
    boolean tx = dialect.transactionalDdl();
    c.setAutoCommit(!tx);
    try {
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO "
                  + historyTable()
                  + " (version, description, checksum, installed_at, success) VALUES (?, ?, ?, ?,"
                  + " ?)")) {
        s.setInt(1, m.version());
        s.setString(2, m.description());
        s.setString(3, sum);
        s.setString(4, Instant.now().toString());
        s.setBoolean(5, false);
        s.executeUpdate();
      }
      try (Statement s = c.createStatement()) {
        for (String sql : statements) {
          s.execute(sql);
        }
      }
      try (PreparedStatement s =
          c.prepareStatement("UPDATE " + historyTable() + " SET success = ? WHERE version = ?")) {
        s.setBoolean(1, true);
        s.setInt(2, m.version());
        s.executeUpdate();
      }
      if (tx) {
        c.commit();
      }
    } catch (SQLException | RuntimeException e) {
      if (tx) {
        c.rollback();
      }
      raceOnDealIds(c, m, e);
      throw new SchemaException(
          "migration "
              + m.fileName()
              + " failed: "
              + e.getMessage()
              + (tx
                  ? " (rolled back; fix the cause and start again)"
                  : " (the schema may be half-applied; see " + historyTable() + ")"),
          e);
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }
}
