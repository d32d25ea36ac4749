package org.salespipeline.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases tests run on. H2 always runs (in memory). PostgreSQL and MariaDB run when {@code
 * pipeline.test.postgres.url} / {@code pipeline.test.mariadb.url} are set, are skipped with a
 * message otherwise, and fail instead when {@code pipeline.test.databases.required=true}.
 */
public enum Databases {
  H2("", "jdbc:h2:mem:pipeline_tests;DB_CLOSE_DELAY=-1"),
  POSTGRES("pipeline.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"),
  MARIADB("pipeline.test.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test?user=root");

  private static final Map<Databases, HikariDataSource> POOLS = new ConcurrentHashMap<>();

  private final String property;
  private final String example;

  Databases(String property, String example) {
    this.property = property;
    this.example = example;
  }

  /** Whether tests of this database run: its URL is set, or databases are required. */
  boolean configuredOrRequired() {
    return this == H2
        || !System.getProperty(property, "").isBlank()
        || Boolean.getBoolean("pipeline.test.databases.required");
  }

  /** What to pass to run this database's tests. */
  String howToConfigure() {
    return name()
        + " tests need -D"
        + property
        + "=<jdbc url>, for example -D"
        + property
        + "='"
        + example
        + "'";
  }

  /** The JDBC URL, or skips (or fails, when databases are required) the calling test. */
  public String url() {
    if (this == H2) {
      return example;
    }
    String url = System.getProperty(property, "");
    if (url.isBlank()) {
      String message = howToConfigure();
      if (Boolean.getBoolean("pipeline.test.databases.required")) {
        Assertions.fail(message + " (pipeline.test.databases.required=true)");
      }
      Assumptions.abort(message);
    }
    return url;
  }

  /** A shared pool (autocommit on) for this database. */
  public DataSource dataSource() {
    String url = url();
    return POOLS.computeIfAbsent(this, d -> pool(url, true, 12));
  }

  /** A new pool; close it. */
  public HikariDataSource newPool(boolean autoCommit, int size) {
    return pool(url(), autoCommit, size);
  }

  private static HikariDataSource pool(String url, boolean autoCommit, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setAutoCommit(autoCommit);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(0);
    config.setPoolName("test-" + UUID.randomUUID().toString().substring(0, 8));
    return new HikariDataSource(config);
  }

  /** A fresh table prefix, for tests that need an empty schema. */
  public static String freshPrefix(String label) {
    return label + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_";
  }

  /** Drops every table whose name starts with the prefix. */
  public void dropTables(String prefix) {
    try (Connection c = dataSource().getConnection()) {
      java.util.Set<String> tables = new java.util.LinkedHashSet<>();
      for (String pattern : new String[] {prefix + "%", prefix.toUpperCase() + "%"}) {
        try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, pattern, null)) {
          while (rs.next()) {
            String type = rs.getString("TABLE_TYPE");
            if (type != null && type.contains("TABLE") && !type.contains("SYSTEM")) {
              tables.add(rs.getString("TABLE_NAME"));
            }
          }
        }
      }
      try (Statement s = c.createStatement()) {
        for (String table : tables) {
          if (table.toLowerCase().startsWith(prefix)) {
            s.execute("DROP TABLE IF EXISTS " + table);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
