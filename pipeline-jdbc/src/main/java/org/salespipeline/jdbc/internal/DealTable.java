package org.salespipeline.jdbc.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.StorageException;
import org.salespipeline.core.UserId;
import org.salespipeline.core.store.CorruptRecordException;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.DealScope;
import org.salespipeline.core.store.OpenDealVisitor;
import org.salespipeline.core.store.Page;

/**
 * The deals table: one row per deal with its queryable columns beside the exact encoded body.
 * Writes run inside the caller's transaction; reads open their own.
 */
final class DealTable {
  /** A deal's stored version and the sequence of its last event; both 0 when it does not exist. */
  record StoredVersion(long version, long lastEventSequence) {}

  private final TableContext t;

  DealTable(TableContext t) {
    this.t = t;
  }

  Optional<Deal> deal(DealId dealId) {
    return t.readBody(Sql.SELECT_DEAL, "id", dealId.toString(), "deal")
        .map(body -> Corrupt.decode("deals", dealId.toString(), () -> Codec.decodeDeal(body)));
  }

  /** How many ids one probe of {@link #takenElsewhere} binds. */
  private static final int IDS_PER_PROBE = 200;

  /**
   * The first of the ids that a deal of another workspace holds, read inside the caller's
   * transaction (issue 16: deal ids are unique across the store).
   */
  Optional<DealId> takenElsewhere(Connection c, List<DealId> ids) throws SQLException {
    for (int from = 0; from < ids.size(); from += IDS_PER_PROBE) {
      List<DealId> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_PROBE));
      StringBuilder text = new StringBuilder(Sql.SELECT_DEAL_IDS_ELSEWHERE);
      for (int i = 0; i < chunk.size(); i++) {
        text.append(i == 0 ? ":id" : ", :id").append(i);
      }
      text.append(')');
      NamedSql statement =
          chunk.size() == 1 ? t.sql().of(text.toString()) : t.sql().dynamic(text.toString());
      try (NamedStatement s = NamedStatement.prepare(c, statement)) {
        s.text("workspace", t.ws());
        for (int i = 0; i < chunk.size(); i++) {
          s.text("id" + i, chunk.get(i).toString());
        }
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next()) {
            return Optional.of(DealId.of(rs.getString(1)));
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The first of the ids that a deal of another workspace holds, read in a transaction of its own
   * (to name the cause of a refused insert after its rollback).
   */
  Optional<DealId> takenElsewhere(List<DealId> ids) {
    return t.tx().read("reading which deal ids other workspaces hold", c -> takenElsewhere(c, ids));
  }

  /** Inserts new deal rows; one row is a plain update, more are one JDBC batch. */
  void insert(Connection c, List<Deal> deals, List<String> bodies) throws SQLException {
    try (NamedStatement s = t.prepare(c, Sql.INSERT_DEAL)) {
      for (int i = 0; i < deals.size(); i++) {
        Deal deal = deals.get(i);
        bindColumns(s, deal, bodies.get(i));
        s.instant("createdAt", deal.createdAt());
        if (deals.size() == 1) {
          s.executeUpdate();
          return;
        }
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /**
   * Updates the row if it is still at the version and last sequence the commit was based on.
   *
   * @return whether the row was updated (false: stale version or a gap in the history)
   */
  boolean update(Connection c, Deal deal, String body, long expectedVersion, long storedLastSeq)
      throws SQLException {
    try (NamedStatement s = t.prepare(c, Sql.UPDATE_DEAL)) {
      bindColumns(s, deal, body);
      s.number("expectedVersion", expectedVersion).number("storedLastSequence", storedLastSeq);
      int count = s.executeUpdate();
      if (count == Statement.SUCCESS_NO_INFO || count > 1) {
        throw new StorageException(
            "the driver reported "
                + count
                + " updated rows for deal "
                + deal.id()
                + "; optimistic locking needs real update counts");
      }
      return count == 1;
    }
  }

  private void bindColumns(NamedStatement s, Deal deal, String body) throws SQLException {
    s.text("pipeline", deal.pipeline().value())
        .text("stage", deal.stage())
        .text("status", deal.status().name())
        .text("owner", deal.owner().value())
        .text("account", deal.account())
        .amount("amount", deal.amount())
        .text("currency", deal.amount().currency().getCurrencyCode())
        .date("expectedClose", deal.expectedCloseDate())
        .text("category", deal.forecastCategory().name())
        .number("version", deal.version())
        .number("lastSequence", deal.lastEventSequence())
        .text("body", body)
        .text("nameFolded", SearchText.foldedCut(deal.name()))
        .text("workspace", t.ws())
        .text("id", deal.id().toString());
  }

  /** The stored version and last event sequence of a deal, read in a transaction of its own. */
  StoredVersion storedVersion(DealId dealId) {
    return t.tx()
        .read(
            "reading the version of deal " + dealId,
            c -> {
              try (NamedStatement s = t.prepare(c, Sql.SELECT_DEAL_VERSION)) {
                s.text("workspace", t.ws()).text("id", dealId.toString());
                try (ResultSet rs = s.executeQuery()) {
                  return rs.next()
                      ? new StoredVersion(rs.getLong(1), rs.getLong(2))
                      : new StoredVersion(0, 0);
                }
              }
            });
  }

  /** The text and named values of a deal query; the text holds fixed fragments only. */
  private record DealSelect(String text, Map<String, Object> params) {}

  private DealSelect select(DealQuery query, boolean paged) {
    StringBuilder text = new StringBuilder(Sql.SELECT_DEALS);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("workspace", t.ws());
    if (query.pipeline().isPresent()) {
      text.append(Sql.DEAL_FILTER_PIPELINE);
      params.put("pipeline", query.pipeline().get().value());
    }
    in(text, params, Sql.DEAL_FILTER_STAGES, "stage", query.stages());
    in(
        text,
        params,
        Sql.DEAL_FILTER_OWNERS,
        "owner",
        query.owners().stream().map(UserId::value).toList());
    if (query.account().isPresent()) {
      text.append(Sql.DEAL_FILTER_ACCOUNT);
      params.put("account", query.account().get().toString());
    }
    in(
        text,
        params,
        Sql.DEAL_FILTER_STATUSES,
        "status",
        query.statuses().stream().map(DealStatus::name).toList());
    if (query.name().isPresent()) {
      text.append(Sql.DEAL_FILTER_NAME);
      params.put("name", SearchText.likePattern(query.name().get()));
    }
    if (query.closeDateFrom().isPresent()) {
      text.append(Sql.DEAL_FILTER_CLOSE_FROM);
      params.put("closeFrom", query.closeDateFrom().get());
    }
    if (query.closeDateTo().isPresent()) {
      text.append(Sql.DEAL_FILTER_CLOSE_TO);
      params.put("closeTo", query.closeDateTo().get());
    }
    if (query.amountFrom().isPresent()) {
      text.append(Sql.DEAL_FILTER_AMOUNT_FROM);
      params.put("amountCurrency", query.amountFrom().get().currency().getCurrencyCode());
      params.put("amountFrom", query.amountFrom().get());
    }
    if (query.amountTo().isPresent()) {
      text.append(Sql.DEAL_FILTER_AMOUNT_TO);
      params.put("amountCurrency", query.amountTo().get().currency().getCurrencyCode());
      params.put("amountTo", query.amountTo().get());
    }
    query.scope().ifPresent(scope -> scope(text, params, scope));
    if (query.afterId().isPresent()) {
      text.append(Sql.DEAL_FILTER_AFTER);
      params.put("afterId", query.afterId().get().toString());
    }
    text.append(Sql.DEAL_ORDER);
    if (paged) {
      text.append(Sql.DEAL_LIMIT);
      params.put("limit", query.limit() + 1);
    }
    return new DealSelect(text.toString(), params);
  }

  /**
   * Appends the reader's scope as SQL: {@code AND (owner IN (:scopeOwner0, ...) OR id IN
   * (:scopeDeal0, ...))}, nothing for a scope of every deal, a false condition for an empty one;
   * each scope it is narrowed {@link DealScope#within() within} adds its own bracket the same way,
   * with names numbered per bracket ({@code :scope1Owner0}, ...). The columns are unqualified: the
   * caller's innermost FROM is the deals table.
   */
  static void scope(StringBuilder text, Map<String, Object> params, DealScope scope) {
    if (scope.isEmpty()) {
      text.append(Sql.DEAL_SCOPE_NOTHING);
      return;
    }
    List<DealScope> brackets = new ArrayList<>();
    flatten(scope, brackets);
    for (int n = 0; n < brackets.size(); n++) {
      bracket(text, params, brackets.get(n), n == 0 ? "scope" : "scope" + n);
    }
  }

  /** The scope and every scope narrowing it, however deep, as one list of brackets to AND. */
  private static void flatten(DealScope scope, List<DealScope> out) {
    out.add(scope);
    for (DealScope narrowing : scope.within()) {
      flatten(narrowing, out);
    }
  }

  private static void bracket(
      StringBuilder text, Map<String, Object> params, DealScope scope, String prefix) {
    if (scope.everything()) {
      return;
    }
    List<String> owners = scope.owners().stream().map(UserId::value).sorted().toList();
    List<String> deals = scope.deals().stream().map(DealId::toString).sorted().toList();
    if (!owners.isEmpty()) {
      names(text, params, Sql.DEAL_SCOPE_OWNERS, prefix + "Owner", owners);
      if (!deals.isEmpty()) {
        names(text, params, Sql.DEAL_SCOPE_IDS_AFTER_OWNERS, prefix + "Deal", deals);
      }
    } else {
      names(text, params, Sql.DEAL_SCOPE_IDS, prefix + "Deal", deals);
    }
    text.append(Sql.DEAL_SCOPE_END);
  }

  /** Appends {@code fragment}, one numbered name per value and the closing bracket. */
  private static void names(
      StringBuilder text,
      Map<String, Object> params,
      String fragment,
      String name,
      Collection<String> values) {
    text.append(fragment);
    int n = 0;
    for (String v : values) {
      String numbered = name + n;
      text.append(n++ == 0 ? ":" : ", :").append(numbered);
      params.put(numbered, v);
    }
    text.append(')');
  }

  /** Appends {@code fragment} and one numbered name per value ({@code :stage0, :stage1)}). */
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

  static void bindAll(NamedStatement s, Map<String, Object> params) throws SQLException {
    for (Map.Entry<String, Object> p : params.entrySet()) {
      s.value(p.getKey(), p.getValue());
    }
  }

  Page<Deal> find(DealQuery query) {
    DealSelect select = select(query, true);
    NamedSql statement = t.sql().dynamic(select.text());
    List<Deal> items =
        t.tx()
            .read(
                "finding deals",
                c -> {
                  List<Deal> out = new ArrayList<>();
                  try (NamedStatement s = NamedStatement.prepare(c, statement)) {
                    bindAll(s, select.params());
                    try (ResultSet rs = s.executeQuery()) {
                      while (rs.next()) {
                        out.add(decode(rs));
                      }
                    }
                  }
                  return out;
                });
    boolean more = items.size() > query.limit();
    if (more) {
      items = items.subList(0, query.limit());
    }
    return new Page<>(
        items, more ? Optional.of(items.get(items.size() - 1).id()) : Optional.empty());
  }

  Stream<Deal> stream(DealQuery query) {
    DealSelect select = select(query, false);
    return t.streams()
        .open(
            "streaming deals",
            t.sql().dynamic(select.text()),
            s -> bindAll(s, select.params()),
            DealTable::decode);
  }

  /** The deal of a row selected by {@link Sql#SELECT_DEALS} (body, id). */
  private static Deal decode(ResultSet rs) throws SQLException {
    String body = rs.getString(1);
    return Corrupt.decode("deals", rs.getString(2), () -> Codec.decodeDeal(body));
  }

  /**
   * Reads the deal columns directly (no body, no decoding), streamed like {@link #stream}:
   * forward-only, with the store's fetch size and, outside host transactions, autocommit off.
   */
  void scanOpen(PipelineId pipeline, OpenDealVisitor visitor) {
    scanOpen(pipeline, DealScope.all(), visitor);
  }

  /** {@link #scanOpen(PipelineId, OpenDealVisitor)} of the deals in the scope, filtered in SQL. */
  void scanOpen(PipelineId pipeline, DealScope scope, OpenDealVisitor visitor) {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(visitor, "visitor");
    NamedSql statement;
    Map<String, Object> scoped = new LinkedHashMap<>();
    if (scope.isEverything()) {
      statement = t.sql().of(Sql.SCAN_OPEN_DEALS);
    } else {
      StringBuilder text = new StringBuilder(Sql.SCAN_OPEN_DEALS_SCOPED);
      scope(text, scoped, scope);
      text.append(Sql.DEAL_ORDER);
      statement = t.sql().dynamic(text.toString());
    }
    Map<String, Integer> fractionDigits = new HashMap<>();
    try (Stream<Boolean> rows =
        t.streams()
            .open(
                "scanning open deals of pipeline " + pipeline,
                statement,
                s -> {
                  s.text("workspace", t.ws())
                      .text("pipeline", pipeline.value())
                      .text("status", DealStatus.OPEN.name());
                  bindAll(s, scoped);
                },
                rs -> {
                  String id = rs.getString(1);
                  String currency = rs.getString(5);
                  String stage = rs.getString(2);
                  String owner = rs.getString(3);
                  java.math.BigDecimal amount = rs.getBigDecimal(4);
                  LocalDate close = rs.getObject(6, LocalDate.class);
                  String category = rs.getString(7);
                  LocalDateTime created = rs.getObject(8, LocalDateTime.class);
                  long amountMinor;
                  int closeDay;
                  ForecastCategory forecastCategory;
                  long createdSecond;
                  int createdNano;
                  // why: a row written by hand (unknown currency or category, a null in a
                  // required column) is named, not an untyped error (issue 14, item 8); the
                  // visitor's own exceptions stay outside
                  try {
                    Objects.requireNonNull(stage, "stage is null");
                    Objects.requireNonNull(owner, "owner is null");
                    int digits =
                        fractionDigits.computeIfAbsent(
                            currency,
                            c -> Math.max(Money.currency(c).getDefaultFractionDigits(), 0));
                    amountMinor = amount.movePointRight(digits).longValueExact();
                    closeDay = Math.toIntExact(close.toEpochDay());
                    forecastCategory = ForecastCategory.valueOf(category);
                    createdSecond = created.toEpochSecond(ZoneOffset.UTC);
                    createdNano = created.getNano();
                  } catch (RuntimeException e) {
                    throw new CorruptRecordException("deals", String.valueOf(id), e);
                  }
                  visitor.visit(
                      id,
                      stage,
                      owner,
                      amountMinor,
                      currency,
                      closeDay,
                      forecastCategory,
                      createdSecond,
                      createdNano);
                  return Boolean.TRUE;
                })) {
      rows.forEachOrdered(r -> {});
    }
  }
}
