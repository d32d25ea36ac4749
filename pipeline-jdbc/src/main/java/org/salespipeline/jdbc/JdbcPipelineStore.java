package org.salespipeline.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.salespipeline.core.ConcurrentDealModificationException;
import org.salespipeline.core.ConfigurationException;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.core.StorageException;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.DuplicateIdempotencyKeyException;
import org.salespipeline.core.store.PipelineStore;
import org.salespipeline.core.store.WorkspaceStore;
import org.salespipeline.jdbc.dialect.SqlDialect;
import org.salespipeline.jdbc.internal.DriverManagerDataSource;
import org.salespipeline.jdbc.internal.FoldedNames;
import org.salespipeline.jdbc.internal.H2FileCompactor;
import org.salespipeline.jdbc.internal.Migrator;
import org.salespipeline.jdbc.internal.StoreContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PipelineStore} in a relational database: H2 (the embedded default), PostgreSQL or
 * MariaDB.
 *
 * <p>Each command ({@link WorkspaceStore#commit}) is one database transaction: the deal row, its
 * history events, activities, retention change and idempotency key commit together or not at all.
 * Concurrency is optimistic: an update names the version it was based on ({@code UPDATE ... WHERE
 * id = ? AND version = ?}) and a count of zero is a {@link ConcurrentDealModificationException}; no
 * row locks ({@code SELECT ... FOR UPDATE}) are taken by commands. Serialization failures and
 * deadlocks are retried a bounded number of times ({@link Builder#maxRetries}) and then surface as
 * {@link StorageException}.
 *
 * <p>Deals and events are stored as real columns (workspace, id, pipeline, stage, status, owner,
 * account, amount, currency, expected close, version) beside an exact text encoding of the whole
 * value. Instant columns hold UTC at microsecond precision; the encoded values keep every instant
 * exactly. Money columns are {@code DECIMAL(20,4)}: amounts with more than 16 integer digits are
 * refused with a {@link ValidationException}.
 *
 * <p>Thread-safe; {@link #workspace} views are cheap. {@link #close()} releases only what the store
 * opened itself (the embedded H2 database of {@link #h2File} and {@link #h2InMemory}); a host's
 * data source stays open.
 */
public final class JdbcPipelineStore implements PipelineStore {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcPipelineStore.class);
  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,19}");

  private final StoreContext context;
  private final SqlDialect dialect;
  private final String tablePrefix;
  private final int importBatchSize;
  private final Set<WorkspaceId> registered = ConcurrentHashMap.newKeySet();
  private final AutoCloseable owned;

  private JdbcPipelineStore(Builder b, SqlDialect dialect) {
    this.dialect = dialect;
    this.tablePrefix = b.tablePrefix;
    this.importBatchSize = b.importBatchSize;
    this.context =
        new StoreContext(b.connections, dialect, b.tablePrefix, b.maxRetries, b.fetchSize);
    this.owned = b.owned;
  }

  /**
   * A builder over a data source (normally a pool): one connection per operation.
   *
   * @param dataSource the data source; not null
   * @return a builder
   */
  public static Builder builder(DataSource dataSource) {
    if (dataSource == null) {
      throw new ConfigurationException("dataSource must not be null");
    }
    return new Builder(ConnectionProvider.of(dataSource));
  }

  /**
   * A builder over a connection provider, for hosts that run the store inside their own
   * transactions (see {@link ConnectionProvider#managesTransactions()}).
   *
   * @param connections the provider; not null
   * @return a builder
   */
  public static Builder builder(ConnectionProvider connections) {
    if (connections == null) {
      throw new ConfigurationException("connections must not be null");
    }
    return new Builder(connections);
  }

  /**
   * The embedded default: an H2 database in a file, created and migrated on first use. Needs the H2
   * driver ({@code com.h2database:h2}) on the class path. The store keeps the database open until
   * {@link #close()}; only one process may open the file at a time.
   *
   * <p>Durability: the database runs with {@code WRITE_DELAY=0}, so a commit is written to the file
   * before {@code commit} returns and survives the process being killed (kill -9). H2 does not
   * force the write to the disk (no fsync per commit): a power loss or an operating system crash
   * may still lose the last commits. Use PostgreSQL or MariaDB where that matters.
   *
   * <p>File size: space freed by updates is reused at once ({@code RETENTION_TIME=0}); the store
   * compacts the file while open (every 1 s) and on close (files up to 256 MB), see {@link
   * H2FileCompaction#defaults()}.
   *
   * @param file the database file without the {@code .mv.db} suffix, for example {@code
   *     data/pipeline}; not containing ';'
   * @return the migrated store
   * @throws ConfigurationException if the path is unusable
   * @throws SchemaException if the file holds a schema this library cannot use
   */
  public static JdbcPipelineStore h2File(Path file) {
    return h2File(file, H2FileCompaction.defaults());
  }

  /**
   * {@link #h2File(Path)}, choosing whether {@link #close()} compacts the file.
   *
   * @param file as {@link #h2File(Path)}
   * @param compactOnClose true: {@link H2FileCompaction#defaults()}; false: the defaults without
   *     the rewrite on close
   * @return the migrated store
   * @throws ConfigurationException if the path is unusable
   * @throws SchemaException if the file holds a schema this library cannot use
   */
  public static JdbcPipelineStore h2File(Path file, boolean compactOnClose) {
    return h2File(
        file,
        compactOnClose
            ? H2FileCompaction.defaults()
            : H2FileCompaction.defaults().withCloseCompactionUpTo(0));
  }

  /**
   * {@link #h2File(Path)} with its file compaction chosen (issue 14, item 13). Without compaction
   * while open, a file whose rows keep being updated grows: H2 rewrites sparse chunks only in a
   * background writer that {@code WRITE_DELAY=0} turns off. Close rewrites the file ({@code
   * SHUTDOWN COMPACT}) only if it is at most {@link H2FileCompaction#closeCompactionUpTo()} bytes:
   * the rewrite's time grows with the file (14 s for the demo's 311 MB), and H2's time-bounded
   * close compaction ({@code MAX_COMPACT_TIME}) did not shrink a churned file at all.
   *
   * @param file as {@link #h2File(Path)}
   * @param compaction how the file is compacted; not null
   * @return the migrated store
   * @throws ConfigurationException if the path is unusable or compaction is null
   * @throws SchemaException if the file holds a schema this library cannot use
   */
  public static JdbcPipelineStore h2File(Path file, H2FileCompaction compaction) {
    if (file == null || file.toString().contains(";")) {
      throw new ConfigurationException(
          "h2 file path must be set and must not contain ';': " + file);
    }
    if (compaction == null) {
      throw new ConfigurationException("compaction must not be null");
    }
    // why: H2 keeps committed changes in memory for up to WRITE_DELAY (500 ms) by default, so a
    // kill -9 lost the last half second of acknowledged commits (issue 14); 0 writes them to the
    // file before commit returns. With WRITE_DELAY=0 H2's background writer (which rewrites
    // sparse chunks) no longer runs, so H2FileCompactor does its work; and freed chunks were kept
    // for RETENTION_TIME (45 s): RETENTION_TIME=0 reuses freed space at once. Like WRITE_DELAY it
    // matters only for a power loss, which H2 does not protect against anyway (no fsync).
    Path absolute = file.toAbsolutePath();
    return embedded(
        "jdbc:h2:file:" + absolute + ";WRITE_DELAY=0;RETENTION_TIME=0",
        absolute.resolveSibling(absolute.getFileName() + ".mv.db"),
        compaction);
  }

  /**
   * An H2 database in memory, for tests and demos; gone when the store is closed.
   *
   * @param name the database name, letters, digits and '_' only
   * @return the migrated store
   */
  public static JdbcPipelineStore h2InMemory(String name) {
    if (name == null || !name.matches("[A-Za-z0-9_]{1,64}")) {
      throw new ConfigurationException(
          "h2 in-memory name must be 1-64 letters, digits or '_', was '" + name + "'");
    }
    return embedded("jdbc:h2:mem:" + name, null, null);
  }

  /**
   * @param dataFile the database file; null for an in-memory database
   * @param compaction null for an in-memory database (dropped with its last connection); else the
   *     file's compaction, and close runs {@code SHUTDOWN} or {@code SHUTDOWN COMPACT}
   */
  private static JdbcPipelineStore embedded(
      String url, Path dataFile, H2FileCompaction compaction) {
    DriverManagerDataSource dataSource = new DriverManagerDataSource(url);
    Connection keeper;
    try {
      // why: an embedded H2 database closes with its last connection; this one keeps it open
      keeper = dataSource.getConnection();
    } catch (SQLException e) {
      throw new ConfigurationException(
          "cannot open the embedded H2 database "
              + url
              + " (is com.h2database:h2 on the class"
              + " path?): "
              + e.getMessage(),
          e);
    }
    Builder builder = builder(dataSource);
    H2FileCompactor compactor = null;
    if (compaction != null && !compaction.checkEvery().isZero()) {
      try {
        compactor = H2FileCompactor.start(keeper, compaction.checkEvery());
      } catch (LinkageError e) {
        // why: an H2 version whose engine classes differ fails when the compactor is linked
        LOG.warn("cannot compact the H2 file while it is open ({}); on close only", e.toString());
      }
    }
    H2FileCompactor running = compactor;
    builder.owned =
        () -> {
          try {
            if (running != null) {
              running.close();
            }
            if (compaction != null) {
              // why: SHUTDOWN closes the database even if a host's connection is still open; the
              // full rewrite only for a file whose size bounds its time (issue 14, item 13)
              try (java.sql.Statement statement = keeper.createStatement()) {
                statement.execute(
                    compactsOnClose(dataFile, compaction) ? "SHUTDOWN COMPACT" : "SHUTDOWN");
              }
            }
          } finally {
            keeper.close();
          }
        };
    try {
      return builder.build();
    } catch (RuntimeException e) {
      try {
        if (running != null) {
          running.close();
        }
        keeper.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** Whether close rewrites the file: it is within the bound (issue 14, item 13). */
  private static boolean compactsOnClose(Path dataFile, H2FileCompaction compaction) {
    long bound = compaction.closeCompactionUpTo();
    if (bound == 0) {
      return false;
    }
    long size;
    try {
      size = Files.size(dataFile);
    } catch (IOException e) {
      return false;
    }
    if (size > bound) {
      LOG.warn(
          "not compacting {} on close: {} bytes, over the bound of {} bytes"
              + " (H2FileCompaction.withCloseCompactionUpTo)",
          dataFile,
          size,
          bound);
      return false;
    }
    return true;
  }

  @Override
  public WorkspaceStore workspace(WorkspaceId workspace) {
    if (workspace == null) {
      throw new ValidationException(FieldProblem.of("workspace", null, "must not be null"));
    }
    return context.workspace(workspace, () -> register(workspace));
  }

  private void register(WorkspaceId workspace) {
    if (!registered.contains(workspace)) {
      context.registerWorkspace(workspace, Instant.now());
      // why: in a host transaction the row may still be rolled back, so it counts as registered
      // only once the host commits (at once otherwise)
      context.afterCommit(() -> registered.add(workspace));
    }
  }

  /**
   * Runs the action at once, or, while the calling thread writes inside a host's transaction
   * ({@link ConnectionProvider#managesTransactions()}), hands it to the provider's {@link
   * ConnectionProvider#afterCommit} to run after the host's commit.
   */
  @Override
  public void afterCommit(Runnable action) {
    Objects.requireNonNull(action, "action");
    context.afterCommit(action);
  }

  /** The dialect in use. */
  public SqlDialect dialect() {
    return dialect;
  }

  /** The table prefix in use. */
  public String tablePrefix() {
    return tablePrefix;
  }

  /**
   * Inserts new deals with their creation events in JDBC batches, as they are: a raw write of
   * commits someone else built, not the engine's {@code SalesPipeline.importDeals} (which runs the
   * stage rules and builds the commits). Renamed from {@code importDeals} so the two do not read
   * alike. The commits are split into batches of {@link Builder#importBatchSize}; each batch is one
   * transaction (all of it or none, as {@link WorkspaceStore#commitAll}), and batches already
   * committed stay committed when a later one fails, so give the deals fixed ids or idempotency
   * keys to make a retry safe.
   *
   * <p>No stage rule runs here: whoever builds the commits enforces the rules (the engine's {@code
   * SalesPipeline.importDeals} does, and writes through {@code commitAll}). The store checks only
   * what it checks on every commit: workspace, event sequences, amounts, key lengths.
   *
   * @param workspace the workspace of every deal
   * @param creates the creating commits ({@code expectedVersion} 0) of distinct deals
   * @param listener hears {@code (done, total)} before the first and after each committed batch
   * @return how many deals were imported (all of them)
   * @throws IllegalArgumentException if a commit is not a create or its events are inconsistent
   * @throws ConcurrentDealModificationException if a deal id exists; its batch is not written
   * @throws DuplicateIdempotencyKeyException if a key was used before; its batch is not written
   * @throws StorageException if the database fails; its batch is not written
   */
  public long insertCreatedDeals(
      WorkspaceId workspace, List<DealCommit> creates, ProgressListener listener) {
    Objects.requireNonNull(creates, "creates");
    Objects.requireNonNull(listener, "listener");
    WorkspaceStore store = workspace(workspace);
    for (DealCommit commit : creates) {
      if (!commit.isCreate()) {
        throw new IllegalArgumentException(
            "insertCreatedDeals takes creates only; deal "
                + commit.deal().id()
                + " has expectedVersion "
                + commit.expectedVersion());
      }
    }
    long done = 0;
    long total = creates.size();
    listener.progress(0, total);
    for (int from = 0; from < creates.size(); from += importBatchSize) {
      List<DealCommit> batch =
          creates.subList(from, Math.min(creates.size(), from + importBatchSize));
      store.commitAll(batch);
      done += batch.size();
      listener.progress(done, total);
    }
    return done;
  }

  /**
   * The full schema script of a database with the given prefix, as the migrations would create it
   * (also published as resource {@code org/salespipeline/jdbc/schema/<dialect>.sql} with prefix
   * {@code sp_}).
   *
   * @param dialect the database
   * @param tablePrefix the table prefix
   * @return the SQL text
   */
  public static String schemaScript(SqlDialect dialect, String tablePrefix) {
    return new Migrator(dialect, checkPrefix(tablePrefix)).fullScript();
  }

  static String checkPrefix(String prefix) {
    if (prefix == null || !PREFIX.matcher(prefix).matches()) {
      throw new ConfigurationException(
          "tablePrefix must be 1-20 lowercase letters, digits or '_', starting with a letter, was '"
              + prefix
              + "'");
    }
    return prefix;
  }

  @Override
  public void close() {
    if (owned != null) {
      try {
        owned.close();
      } catch (Exception e) {
        throw new StorageException("cannot close the embedded database: " + e.getMessage(), e);
      }
    }
  }

  /**
   * Warns about a provider that can manage transactions but runs after-commit actions at once:
   * listeners would hear events of transactions the host then rolls back.
   */
  private static void warnIfListenersHearUncommitted(ConnectionProvider connections) {
    try {
      Class<?> type = connections.getClass();
      boolean manages =
          type.getMethod("managesTransactions").getDeclaringClass() != ConnectionProvider.class;
      boolean defers =
          type.getMethod("afterCommit", Runnable.class).getDeclaringClass()
              != ConnectionProvider.class;
      if (manages && !defers) {
        LOG.warn(
            "connection provider {} manages transactions but does not implement afterCommit:"
                + " listeners hear events before the host commits, also of transactions it then"
                + " rolls back (see HostTransactions)",
            type.getName());
      }
    } catch (NoSuchMethodException | SecurityException e) {
      // why: both methods are public on the interface; only a security manager gets here
    }
  }

  /**
   * Builds a {@link JdbcPipelineStore}; not thread-safe. Required: the data source or connection
   * provider given to {@code builder(...)}. Defaults: dialect detected from the database product
   * name; table prefix {@code sp_}; {@link SchemaMode#MIGRATE}; 3 retries of transient failures;
   * fetch size 500 for streams; import batches of 1,000 deals; migration lock timeout 60 s. Each
   * setting may be set once: a second call of the same setter throws {@link ConfigurationException}
   * naming the setting and both values, so a host's wiring cannot silently override itself.
   */
  public static final class Builder {
    private final ConnectionProvider connections;
    private SqlDialect dialect;
    private String tablePrefix = "sp_";
    private SchemaMode schemaMode = SchemaMode.MIGRATE;
    private int maxRetries = 3;
    private int fetchSize = 500;
    private int importBatchSize = 1000;
    private Duration migrationLockTimeout = Duration.ofSeconds(60);
    private AutoCloseable owned;
    private final Map<String, Object> alreadySet = new HashMap<>();

    private Builder(ConnectionProvider connections) {
      this.connections = connections;
    }

    /** Refuses a second set of the same setting, naming it and both values. */
    private void once(String setting, Object value) {
      if (alreadySet.containsKey(setting)) {
        throw new ConfigurationException(
            setting
                + " was already set to "
                + alreadySet.get(setting)
                + "; refusing to set it again to "
                + value);
      }
      alreadySet.put(setting, value);
    }

    /**
     * Sets the dialect instead of detecting it.
     *
     * @param dialect the dialect; not null
     * @return this builder
     * @throws ConfigurationException if the value is invalid or the setting was already set
     */
    public Builder dialect(SqlDialect dialect) {
      if (dialect == null) {
        throw new ConfigurationException("dialect must not be null");
      }
      once("dialect", dialect.name());
      this.dialect = dialect;
      return this;
    }

    /**
     * Sets the prefix of every table name, so that several stores share one schema.
     *
     * @param tablePrefix 1-20 lowercase letters, digits or '_', starting with a letter
     * @return this builder
     * @throws ConfigurationException naming the value if it is not such an identifier, or if the
     *     prefix was already set
     */
    public Builder tablePrefix(String tablePrefix) {
      checkPrefix(tablePrefix);
      once("tablePrefix", "'" + tablePrefix + "'");
      this.tablePrefix = tablePrefix;
      return this;
    }

    /**
     * Sets what {@link #build()} does with the schema.
     *
     * @param schemaMode the mode; not null
     * @return this builder
     * @throws ConfigurationException if the value is invalid or the setting was already set
     */
    public Builder schemaMode(SchemaMode schemaMode) {
      if (schemaMode == null) {
        throw new ConfigurationException("schemaMode must not be null");
      }
      once("schemaMode", schemaMode);
      this.schemaMode = schemaMode;
      return this;
    }

    /**
     * Sets how often a transaction that failed with a serialization failure or deadlock is retried.
     *
     * @param maxRetries 0 to 100
     * @return this builder
     * @throws ConfigurationException if the value is invalid or the setting was already set
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0 || maxRetries > 100) {
        throw new ConfigurationException("maxRetries must be within [0, 100], was " + maxRetries);
      }
      once("maxRetries", maxRetries);
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Sets how many rows a streaming read fetches per round trip.
     *
     * @param fetchSize 1 to 100,000
     * @return this builder
     * @throws ConfigurationException if the value is invalid or the setting was already set
     */
    public Builder fetchSize(int fetchSize) {
      if (fetchSize < 1 || fetchSize > 100_000) {
        throw new ConfigurationException("fetchSize must be within [1, 100000], was " + fetchSize);
      }
      once("fetchSize", fetchSize);
      this.fetchSize = fetchSize;
      return this;
    }

    /**
     * Sets how many deals one transaction of {@link JdbcPipelineStore#insertCreatedDeals} writes.
     *
     * @param importBatchSize 1 to 100,000
     * @return this builder
     * @throws ConfigurationException if the value is invalid or the setting was already set
     */
    public Builder importBatchSize(int importBatchSize) {
      if (importBatchSize < 1 || importBatchSize > 100_000) {
        throw new ConfigurationException(
            "importBatchSize must be within [1, 100000], was " + importBatchSize);
      }
      once("importBatchSize", importBatchSize);
      this.importBatchSize = importBatchSize;
      return this;
    }

    /**
     * Sets how long {@link SchemaMode#MIGRATE} waits for another process's migration.
     *
     * @param timeout positive
     * @return this builder
     * @throws ConfigurationException if the value is invalid or the setting was already set
     */
    public Builder migrationLockTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new ConfigurationException("migrationLockTimeout must be positive, was " + timeout);
      }
      once("migrationLockTimeout", timeout);
      this.migrationLockTimeout = timeout;
      return this;
    }

    /**
     * Connects, detects the dialect if none was set, and applies the schema mode.
     *
     * @return the store
     * @throws ConfigurationException if the database is not supported
     * @throws SchemaException if the schema is missing, older, newer, tampered with or half-applied
     *     (the message says what to do)
     * @throws StorageException if the database cannot be reached
     */
    public JdbcPipelineStore build() {
      warnIfListenersHearUncommitted(connections);
      Connection c;
      try {
        c = connections.acquire();
      } catch (SQLException e) {
        throw new StorageException("cannot connect to the database: " + e.getMessage(), e);
      }
      try {
        SqlDialect chosen = dialect != null ? dialect : SqlDialect.detect(c.getMetaData());
        Migrator migrator = new Migrator(chosen, tablePrefix);
        switch (schemaMode) {
          case MIGRATE -> {
            if (connections.managesTransactions()) {
              migrator.validate(c);
            } else {
              Connection lock = connections.acquire();
              try {
                migrator.migrate(lock, c, migrationLockTimeout);
              } finally {
                connections.release(lock);
              }
              FoldedNames.fill(c, tablePrefix);
            }
          }
          case VALIDATE -> migrator.validate(c);
          case NONE -> {}
        }
        return new JdbcPipelineStore(this, chosen);
      } catch (SQLException e) {
        throw new StorageException("cannot prepare the store: " + e.getMessage(), e);
      } finally {
        try {
          connections.release(c);
        } catch (SQLException e) {
          // why: a failure to give back the set-up connection must not hide the result
        }
      }
    }
  }
}
