package org.salespipeline.forecast.bookings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;
import org.salespipeline.core.stage.StageOutcome;
import org.salespipeline.forecast.CrmSample;

/**
 * Deal histories rebuilt from the public CRM sample (../shared/data/crm-sales-opportunities)
 * without look-ahead: each deal is created on its engage_date in the open stage "engaging" at its
 * product's list price (known then); a won deal's close value enters as an amount change on its
 * close_date together with the win, a lost deal's loss on its close_date. The expected close date
 * of an open deal is an estimate knowable at creation: creation plus the median won cycle of the
 * deals won before that day (30 days before any was won). Prospecting rows carry no dates and are
 * skipped and counted.
 */
final class CrmHistory {
  static final Path DIR = CrmSample.DIR;
  static final PipelineId PIPELINE = PipelineId.of("crm");
  static final WorkspaceId WORKSPACE = WorkspaceId.of("crm");

  final List<DealEvent> events = new ArrayList<>();
  int skippedProspecting;
  int deals;

  static boolean present() {
    return Files.isRegularFile(DIR.resolve("sales_pipeline.csv"));
  }

  static PipelineDefinition pipeline() {
    return PipelineDefinition.builder()
        .id(PIPELINE)
        .name("CRM")
        .addStages(
            Stage.open("engaging", "Engaging", 0.5, ForecastCategory.PIPELINE, null),
            Stage.closed("won", "Won", StageOutcome.WON),
            Stage.closed("lost", "Lost", StageOutcome.LOST))
        .build();
  }

  private record Row(
      String id,
      String agent,
      long price,
      LocalDate engage,
      String stage,
      LocalDate close,
      long value) {}

  static CrmHistory load() throws IOException {
    Map<String, Long> prices = new HashMap<>();
    for (String[] r : CrmSample.read("products.csv")) {
      prices.put(r[0].replace(" ", ""), Long.parseLong(r[2]));
    }
    CrmHistory h = new CrmHistory();
    List<Row> rows = new ArrayList<>();
    for (String[] r : CrmSample.read("sales_pipeline.csv")) {
      if (r[5].isEmpty()) {
        h.skippedProspecting++;
        continue;
      }
      Long price = prices.get(r[2].replace(" ", ""));
      if (price == null) {
        throw new IllegalStateException("unknown product " + r[2] + " in " + r[0]);
      }
      rows.add(
          new Row(
              r[0],
              r[1],
              price,
              LocalDate.parse(r[5]),
              r[4],
              r[6].isEmpty() ? null : LocalDate.parse(r[6]),
              r[7].isEmpty() ? 0 : Long.parseLong(r[7])));
    }
    // the median won cycle known at each creation day: from wins closed before it
    List<Row> wonByClose = new ArrayList<>();
    for (Row r : rows) {
      if (r.stage.equals("Won")) {
        wonByClose.add(r);
      }
    }
    wonByClose.sort(Comparator.comparing(Row::close));
    rows.sort(Comparator.comparing(Row::engage).thenComparing(Row::id));
    List<Long> cycles = new ArrayList<>();
    int next = 0;
    long n = 0;
    for (Row r : rows) {
      while (next < wonByClose.size() && wonByClose.get(next).close.isBefore(r.engage)) {
        Row w = wonByClose.get(next++);
        cycles.add(ChronoUnit.DAYS.between(w.engage, w.close));
      }
      long median = 30;
      if (!cycles.isEmpty()) {
        List<Long> s = new ArrayList<>(cycles);
        s.sort(null);
        median = s.get(s.size() / 2);
      }
      h.add(++n, r, r.engage.plusDays(median));
    }
    h.deals = rows.size();
    return h;
  }

  private void add(long n, Row r, LocalDate expectedClose) {
    DealId id = new DealId(new UUID(42, n));
    UserId owner = UserId.of(r.agent.isEmpty() ? "unknown" : r.agent.replace(' ', '.'));
    Instant created = r.engage.atTime(9, 0).toInstant(ZoneOffset.UTC);
    Money amount = Money.of(r.price, "USD");
    Deal deal =
        CrmSample.openDeal(
            id, WORKSPACE, PIPELINE, "engaging", r.id, owner, amount, expectedClose, created);
    CrmSample.Trail trail = new CrmSample.Trail(deal);
    if (r.close != null && (r.stage.equals("Won") || r.stage.equals("Lost"))) {
      boolean won = r.stage.equals("Won");
      Money value = won && r.value != r.price ? Money.of(r.value, "USD") : null;
      Instant closed = r.close.atTime(17, 0).toInstant(ZoneOffset.UTC);
      trail.close(closed, won, amount, value, "engaging", won ? "won" : "lost");
    }
    trail.into(events);
  }
}
