package org.salespipeline.jdbc.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.salespipeline.core.DealId;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.call.Adjustment;
import org.salespipeline.core.call.AdjustmentCell;
import org.salespipeline.core.call.AdjustmentKind;
import org.salespipeline.core.call.BackingDeal;
import org.salespipeline.core.call.CallCategory;
import org.salespipeline.core.call.CallPeriod;
import org.salespipeline.core.call.CallSource;
import org.salespipeline.core.call.ConcurrentAdjustmentModificationException;
import org.salespipeline.core.call.ForecastCall;
import org.salespipeline.core.org.OrgNode;

/**
 * The forecast call and adjustment tables (issue 18): calls are inserted, never updated; an
 * adjustment version is inserted only if it follows the stored one, and the primary key refuses a
 * second writer of the same version.
 */
final class ForecastCallTable {
  private final TableContext t;

  ForecastCallTable(TableContext t) {
    this.t = t;
  }

  void append(ForecastCall call) {
    String body = encode(call);
    t.tx()
        .inTransaction(
            "appending forecast call " + call.id(),
            c -> {
              try (NamedStatement s = t.prepare(c, Sql.INSERT_FORECAST_CALL)) {
                s.text("workspace", t.ws())
                    .text("id", call.id().toString())
                    .text("node", call.node().key())
                    .date("periodStart", call.period().start())
                    .date("periodEnd", call.period().end())
                    .text("forecastType", call.forecastType())
                    .instant("submittedAt", call.submittedAt())
                    .text("body", body);
                s.executeUpdate();
              }
              return null;
            });
  }

  List<ForecastCall> calls(CallPeriod period, String forecastType) {
    return t.readBodies(
        Sql.SELECT_FORECAST_CALLS,
        "forecast_calls",
        s ->
            s.date("periodStart", period.start())
                .date("periodEnd", period.end())
                .text("forecastType", forecastType),
        ForecastCallTable::decodeCall);
  }

  void append(Adjustment a) {
    String body = encode(a);
    AdjustmentCell cell = a.cell();
    t.tx()
        .inTransaction(
            "appending adjustment " + cell + " version " + a.version(),
            c -> {
              long stored;
              try (NamedStatement s = t.prepare(c, Sql.LAST_ADJUSTMENT_VERSION)) {
                bindCell(s, cell);
                try (ResultSet rs = s.executeQuery()) {
                  stored = rs.next() ? rs.getLong(1) : 0;
                }
              }
              if (stored != a.version() - 1) {
                long found = stored;
                throw new Transactor.Refusal(
                    () ->
                        new ConcurrentAdjustmentModificationException(
                            cell, a.version() - 1, found));
              }
              try (NamedStatement s = t.prepare(c, Sql.INSERT_ADJUSTMENT)) {
                bindCell(s, cell);
                s.number("version", a.version()).instant("adjustedAt", a.adjustedAt());
                s.text("body", body);
                s.executeUpdate();
              } catch (SQLException e) {
                if (t.dialect().isUniqueViolation(e)) {
                  throw new Transactor.Refusal(
                      () ->
                          new ConcurrentAdjustmentModificationException(
                              cell, a.version() - 1, a.version()));
                }
                throw e;
              }
              return null;
            });
  }

  private void bindCell(NamedStatement s, AdjustmentCell cell) throws SQLException {
    s.text("workspace", t.ws())
        .text("node", cell.node().key())
        .date("periodStart", cell.period().start())
        .date("periodEnd", cell.period().end())
        .text("forecastType", cell.forecastType())
        .text("category", cell.category().name());
  }

  List<Adjustment> adjustments(CallPeriod period, String forecastType) {
    return t.readBodies(
        Sql.SELECT_ADJUSTMENTS,
        "forecast_adjustments",
        s ->
            s.date("periodStart", period.start())
                .date("periodEnd", period.end())
                .text("forecastType", forecastType),
        rs -> rs.getString(2) + "/" + rs.getString(3) + "/v" + rs.getLong(4),
        ForecastCallTable::decodeAdjustment);
  }

  // ---- bodies: stored names are fixed here, so a rename in code never changes stored data ----

  static String encode(ForecastCall call) {
    Map<String, Object> m = Codec.map("id", call.id().toString(), "ws", call.workspace().value());
    m.put("node", call.node().key());
    m.put("start", call.period().start().toString());
    m.put("end", call.period().end().toString());
    m.put("type", call.forecastType());
    m.put("commit", Codec.money(call.commit()));
    m.put("mostLikely", Codec.money(call.mostLikely()));
    m.put("bestCase", Codec.money(call.bestCase()));
    call.note().ifPresent(n -> m.put("note", n));
    m.put("by", call.submittedBy().value());
    m.put("at", call.submittedAt().toString());
    m.put("source", call.source().name());
    List<Object> deals = new ArrayList<>();
    for (BackingDeal d : call.backingDeals()) {
      deals.add(
          Codec.map(
              "deal", d.deal().toString(),
              "amount", Codec.money(d.amount()),
              "category", d.category().name()));
    }
    m.put("deals", deals);
    return Tree.write(m);
  }

  static ForecastCall decodeCall(String text) {
    Map<String, Object> m = Codec.obj(Tree.read(text));
    ForecastCall.Builder b = ForecastCall.builder();
    b.id(UUID.fromString(Codec.str(m, "id")))
        .workspace(WorkspaceId.of(Codec.str(m, "ws")))
        .node(OrgNode.parse(Codec.str(m, "node")))
        .period(
            CallPeriod.of(
                LocalDate.parse(Codec.str(m, "start")), LocalDate.parse(Codec.str(m, "end"))))
        .forecastType(Codec.str(m, "type"))
        .commit(money(m.get("commit")))
        .mostLikely(money(m.get("mostLikely")))
        .bestCase(money(m.get("bestCase")))
        .note(Codec.opt(m, "note"))
        .submittedBy(UserId.of(Codec.str(m, "by")))
        .submittedAt(Instant.parse(Codec.str(m, "at")))
        .source(CallSource.valueOf(Codec.str(m, "source")));
    for (Object o : Codec.list(m.get("deals"))) {
      Map<String, Object> d = Codec.obj(o);
      b.addBackingDeals(
          new BackingDeal(
              DealId.of(Codec.str(d, "deal")),
              money(d.get("amount")),
              ForecastCategory.valueOf(Codec.str(d, "category"))));
    }
    return b.build();
  }

  static String encode(Adjustment a) {
    AdjustmentCell cell = a.cell();
    Map<String, Object> m = Codec.map("ws", a.workspace().value(), "node", cell.node().key());
    m.put("start", cell.period().start().toString());
    m.put("end", cell.period().end().toString());
    m.put("type", cell.forecastType());
    m.put("category", cell.category().name());
    m.put("version", Long.toString(a.version()));
    m.put("kind", a.kind().name());
    m.put("amount", Codec.money(a.amount()));
    m.put("reason", a.reason());
    m.put("by", a.adjustedBy().value());
    m.put("at", a.adjustedAt().toString());
    a.revertsVersion().ifPresent(v -> m.put("reverts", Long.toString(v)));
    return Tree.write(m);
  }

  static Adjustment decodeAdjustment(String text) {
    Map<String, Object> m = Codec.obj(Tree.read(text));
    Adjustment.Builder b = Adjustment.builder();
    b.workspace(WorkspaceId.of(Codec.str(m, "ws")))
        .cell(
            AdjustmentCell.of(
                OrgNode.parse(Codec.str(m, "node")),
                CallPeriod.of(
                    LocalDate.parse(Codec.str(m, "start")), LocalDate.parse(Codec.str(m, "end"))),
                Codec.str(m, "type"),
                CallCategory.valueOf(Codec.str(m, "category"))))
        .version(Long.parseLong(Codec.str(m, "version")))
        .kind(AdjustmentKind.valueOf(Codec.str(m, "kind")))
        .amount(money(m.get("amount")))
        .reason(Codec.str(m, "reason"))
        .adjustedBy(UserId.of(Codec.str(m, "by")))
        .adjustedAt(Instant.parse(Codec.str(m, "at")));
    Codec.opt(m, "reverts").ifPresent(v -> b.revertsVersion(Long.parseLong(v)));
    return b.build();
  }

  private static Money money(Object node) {
    Map<String, Object> m = Codec.obj(node);
    return Money.of(new BigDecimal(Codec.str(m, "amount")), Codec.str(m, "currency"));
  }
}
