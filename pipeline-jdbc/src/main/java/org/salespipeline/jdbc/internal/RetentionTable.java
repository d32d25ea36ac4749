package org.salespipeline.jdbc.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.ConcurrentRetentionModificationException;
import org.salespipeline.core.CustomerRetention;
import org.salespipeline.core.RetentionStatus;
import org.salespipeline.core.UserId;
import org.salespipeline.core.store.CommitRules;
import org.salespipeline.core.store.RetentionPage;
import org.salespipeline.core.store.RetentionQuery;

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
    return t.readDecoded(
        Sql.SELECT_RETENTION, "retention", "account", account.toString(), Codec::decodeRetention);
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
          .text("recurringCurrency", r.recurringValue().map(v -> v.currency().getCurrencyCode()))
          .text("owner", r.owner().map(UserId::value))
          .instant("nextFollowUp", r.nextFollowUp())
          .instant("lastActivity", r.lastActivityAt())
          .text("workspace", t.ws())
          .text("account", r.account().toString());
      if (r.recurringValue().isPresent()) {
        s.amount("recurringAmount", r.recurringValue().get());
      } else {
        s.nullDecimal("recurringAmount");
      }
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

  /** The text and named values of a retention query; the text holds fixed fragments only. */
  private record RetentionSelect(String text, Map<String, Object> params) {}

  private RetentionSelect select(RetentionQuery query, boolean paged) {
    StringBuilder text = new StringBuilder(Sql.SELECT_RETENTIONS);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("workspace", t.ws());
    in(
        text,
        params,
        Sql.RETENTION_FILTER_STATUSES,
        "status",
        query.statuses().stream().map(RetentionStatus::name).sorted().toList());
    in(
        text,
        params,
        Sql.RETENTION_FILTER_OWNERS,
        "owner",
        query.owners().stream().map(UserId::value).sorted().toList());
    optional(text, params, Sql.RETENTION_FILTER_FOLLOW_UP, "followUpDueBy", query.followUpDueBy());
    optional(text, params, Sql.RETENTION_FILTER_RENEWAL_FROM, "renewalFrom", query.renewalFrom());
    optional(text, params, Sql.RETENTION_FILTER_RENEWAL_TO, "renewalTo", query.renewalTo());
    optional(
        text, params, Sql.RETENTION_FILTER_NO_ACTIVITY, "noActivitySince", query.noActivitySince());
    optional(
        text,
        params,
        Sql.RETENTION_FILTER_AFTER,
        "afterAccount",
        query.afterAccount().map(AccountId::toString));
    text.append(Sql.RETENTION_ORDER);
    if (paged) {
      text.append(Sql.RETENTION_LIMIT);
      params.put("limit", query.limit() + 1);
    }
    return new RetentionSelect(text.toString(), params);
  }

  private static void optional(
      StringBuilder text, Map<String, Object> params, String fragment, String name, Optional<?> v) {
    if (v.isPresent()) {
      text.append(fragment);
      params.put(name, v.get());
    }
  }

  /** Appends {@code fragment} and one numbered name per value ({@code :status0, :status1)}). */
  private static void in(
      StringBuilder text,
      Map<String, Object> params,
      String fragment,
      String name,
      Collection<String> values) {
    if (values.isEmpty()) {
      return;
    }
    text.append(fragment);
    int n = 0;
    for (String v : values) {
      String numbered = name + n;
      text.append(n++ == 0 ? ":" : ", :").append(numbered);
      params.put(numbered, v);
    }
    text.append(')');
  }

  RetentionPage find(RetentionQuery query) {
    RetentionSelect select = select(query, true);
    NamedSql statement = t.sql().dynamic(select.text());
    List<CustomerRetention> items =
        t.tx()
            .read(
                "finding retention records",
                c -> {
                  List<CustomerRetention> out = new ArrayList<>();
                  try (NamedStatement s = NamedStatement.prepare(c, statement)) {
                    for (Map.Entry<String, Object> p : select.params().entrySet()) {
                      s.value(p.getKey(), p.getValue());
                    }
                    try (ResultSet rs = s.executeQuery()) {
                      while (rs.next()) {
                        out.add(decode(rs));
                      }
                    }
                  }
                  return out;
                });
    return RetentionPage.of(items, query.limit());
  }

  Stream<CustomerRetention> stream(RetentionQuery query) {
    RetentionSelect select = select(query, false);
    return t.streams()
        .open(
            "streaming retention records",
            t.sql().dynamic(select.text()),
            s -> {
              for (Map.Entry<String, Object> p : select.params().entrySet()) {
                s.value(p.getKey(), p.getValue());
              }
            },
            RetentionTable::decode);
  }

  /** A retention row (body, account): a body that cannot be decoded is named (issue 14, item 8). */
  private static CustomerRetention decode(ResultSet rs) throws SQLException {
    String body = rs.getString(1);
    return Corrupt.decode("retention", rs.getString(2), () -> Codec.decodeRetention(body));
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
