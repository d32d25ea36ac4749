package org.salespipeline.jdbc.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.salespipeline.core.DealId;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.IdempotencyRecord;

/** The idempotency keys table: which deal and version each keyed command produced. */
final class IdempotencyTable {
  /** Longest idempotency key stored (column width). */
  static final int MAX_KEY_LENGTH = 255;

  private final TableContext t;

  IdempotencyTable(TableContext t) {
    this.t = t;
  }

  static boolean fits(String key) {
    return key != null && !key.isEmpty() && key.length() <= MAX_KEY_LENGTH;
  }

  /**
   * Records the keys of the keyed commits, inside the caller's transaction; a key stored before
   * fails the statement with a unique violation.
   */
  void insert(Connection c, List<DealCommit> commits) throws SQLException {
    try (NamedStatement s = t.prepare(c, Sql.INSERT_KEY)) {
      int keyed = 0;
      for (DealCommit commit : commits) {
        if (commit.idempotencyKey().isPresent()) {
          s.text("workspace", t.ws())
              .text("key", commit.idempotencyKey().get())
              .text("deal", commit.deal().id().toString())
              .number("dealVersion", commit.deal().version())
              .text("fingerprint", commit.commandFingerprint());
          if (commits.size() == 1) {
            s.executeUpdate();
            return;
          }
          s.addBatch();
          keyed++;
        }
      }
      if (keyed > 0) {
        s.executeBatch();
      }
    }
  }

  Optional<IdempotencyRecord> record(String key) {
    if (!fits(key)) {
      return Optional.empty();
    }
    return t.tx()
        .read(
            "reading idempotency key",
            c -> {
              try (NamedStatement s = t.prepare(c, Sql.SELECT_KEY)) {
                s.text("workspace", t.ws()).text("key", key);
                try (ResultSet rs = s.executeQuery()) {
                  return rs.next()
                      ? Optional.of(
                          new IdempotencyRecord(
                              key,
                              DealId.of(rs.getString(1)),
                              rs.getLong(2),
                              Optional.ofNullable(rs.getString(3))))
                      : Optional.empty();
                }
              }
            });
  }
}
