package org.salespipeline.jdbc.dialect;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.zip.CRC32;

/**
 * PostgreSQL 12 and later: session advisory lock ({@code pg_try_advisory_lock}) for migrations,
 * transactional DDL, and retries of {@code 40001} and {@code 40P01}. Streaming reads need
 * autocommit off, which the store does for every streaming read.
 */
public class PostgresDialect extends SqlDialect {

  /** The PostgreSQL dialect. */
  public PostgresDialect() {}

  @Override
  public String name() {
    return "postgresql";
  }

  static long lockKey(String tablePrefix) {
    CRC32 crc = new CRC32();
    crc.update(("salespipeline:" + tablePrefix).getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }

  @Override
  public boolean acquireMigrationLock(Connection connection, String tablePrefix, Duration timeout)
      throws SQLException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (PreparedStatement s = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      s.setLong(1, lockKey(tablePrefix));
      while (true) {
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          if (rs.getBoolean(1)) {
            return true;
          }
        }
        if (System.nanoTime() > deadline) {
          return false;
        }
        sleep();
      }
    }
  }

  static void sleep() throws SQLException {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for the migration lock", e);
    }
  }

  @Override
  public void releaseMigrationLock(Connection connection, String tablePrefix) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      s.setLong(1, lockKey(tablePrefix));
      s.executeQuery().close();
    }
  }

  @Override
  public boolean transactionalDdl() {
    return true;
  }
}
