package org.salespipeline.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.ConcurrentRetentionModificationException;
import org.salespipeline.core.CustomerRetention;
import org.salespipeline.core.store.CommitRules;

/**
 * The retention table: one row per account, versioned like deals. Version 1 inserts; later versions
 * update the row only if it is still at the version before.
 */
final class RetentionTable {
  private final TableContext t;
  private final CommitRules rules;

  RetentionTable(TableContext t, CommitRules rules) {
    this.t = t;
    this.rules = rules;
  }

  Optional<CustomerRetention> retention(AccountId account) {
    return t.readBody(Sql.SELECT_RETENTION, "account", account.toString(), "retention")
        .map(Codec::decodeRetention);
  }

  /**
   * Writes the record inside the caller's transaction; a stale version (or a second version 1)
   * refuses the transaction with the {@link CommitRules} retention rule's exception.
   */
  void write(Connection c, CustomerRetention r) throws SQLException {
    String body = Codec.encodeRetention(r);
    boolean insert = r.version() == 1;
    try (NamedStatement s = t.prepare(c, insert ? Sql.INSERT_RETENTION : Sql.UPDATE_RETENTION)) {
      s.text("status", r.status().name())
          .text("wonDeal", r.wonDeal().toString())
          .instant("since", r.since())
          .date("renewalDate", r.renewalDate())
          .number("version", r.version())
          .text("body", body)
          .text("workspace", t.ws())
          .text("account", r.account().toString());
      if (!insert) {
        s.number("expectedVersion", r.version() - 1);
      }
      if (s.executeUpdate() != 1) {
        throw new Transactor.Refusal(() -> stale(r));
      }
    } catch (SQLException e) {
      if (insert && t.dialect().isUniqueViolation(e)) {
        throw new Transactor.Refusal(() -> stale(r));
      }
      throw e;
    }
  }

  private RuntimeException stale(CustomerRetention r) {
    long actual = retention(r.account()).map(CustomerRetention::version).orElse(0L);
    try {
      rules.checkRetention(r, actual);
    } catch (ConcurrentRetentionModificationException e) {
      return e;
    }
    // why: the row moved on again between the refused write and this read
    return new ConcurrentRetentionModificationException(r.account(), r.version() - 1, actual);
  }
}
