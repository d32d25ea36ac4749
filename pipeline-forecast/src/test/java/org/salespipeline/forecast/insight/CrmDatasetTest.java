package org.salespipeline.forecast.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * The insight figures on the public CRM Sales Opportunities data set (read from {@code
 * ../shared/data/crm-sales-opportunities}); writes them to {@code target/crm-insight.txt}.
 */
class CrmDatasetTest {

  @Test
  void figuresOnTheCrmDataSet() throws IOException {
    Assumptions.assumeTrue(
        Files.isDirectory(CrmDataset.DIR),
        "CRM data set not found at "
            + CrmDataset.DIR.toAbsolutePath().normalize()
            + "; skipping the CRM figures");
    CrmDataset data = CrmDataset.load();
    List<ForecastPeriod> quarters =
        List.of(
            ForecastPeriod.quarter(2016, 4),
            ForecastPeriod.quarter(2017, 1),
            ForecastPeriod.quarter(2017, 2),
            ForecastPeriod.quarter(2017, 3),
            ForecastPeriod.quarter(2017, 4));
    long started = System.nanoTime();
    InsightReport r =
        PipelineInsight.builder()
            .addPipeline(CrmDataset.pipeline())
            .events(data.events)
            .teams(data.teams)
            .reportingCurrency("USD")
            .asOf(CrmDataset.AS_OF.minusSeconds(1))
            .periods(quarters)
            .waterfall(
                Instant.parse("2017-10-01T00:00:00Z"),
                Instant.parse("2017-12-31T23:59:59Z"),
                ForecastPeriod.quarter(2017, 4))
            .build()
            .analyze();
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(data.rows).isEqualTo(8800);
    // why: AS_OF - 1s leaves out the Prospecting deals created at AS_OF (they have no dates).
    Outcomes all = r.outcomes().overall();
    assertThat(all.won()).isEqualTo(4238);
    assertThat(all.lost()).isEqualTo(2473);
    assertThat(r.health().openDeals()).isEqualTo(1589);

    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "rows %d, events %d, deals analysed %d, %d ms%n",
            data.rows,
            r.eventsRead(),
            r.dealsRead(),
            millis));
    out.append("quirks ").append(data.quirks).append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "won %d lost %d win rate %.4f avg deal %.2f median deal %.2f avg cycle %.2f d median cycle %.2f d%n",
            all.won(),
            all.lost(),
            all.winRate(),
            all.averageDealSize() / 100,
            all.medianDealSize() / 100,
            all.averageCycleDays(),
            all.medianCycleDays()));
    for (StageConversion c : r.funnel().overall()) {
      out.append(
          String.format(
              Locale.ROOT,
              "funnel %s entered %d direct %d skipped %d back %d dropped %d rate %.4f%n",
              c.stage(),
              c.entered(),
              c.direct(),
              c.skipped(),
              c.backward(),
              c.dropped(),
              c.conversionRate()));
    }
    r.outcomes()
        .byCohort()
        .forEach(
            (p, o) ->
                out.append(
                    String.format(
                        Locale.ROOT,
                        "cohort %s created %d won %d lost %d win rate %.4f%n",
                        p.start(),
                        o.created(),
                        o.won(),
                        o.lost(),
                        o.winRate())));
    for (StageTime t : r.stageTimes()) {
      out.append(
          String.format(
              Locale.ROOT,
              "time %s stays %d mean %.2f d median %.2f d p90 %.2f d open %d mean open age %.1f d beyond p90 %d%n",
              t.stage(),
              t.stays(),
              t.mean().getSeconds() / 86400.0,
              t.median().getSeconds() / 86400.0,
              t.p90().getSeconds() / 86400.0,
              t.openDeals(),
              t.meanOpenAge().getSeconds() / 86400.0,
              t.openBeyondP90()));
    }
    Velocity v = r.velocity().overall();
    out.append(
        String.format(
            Locale.ROOT,
            "velocity %d opps x %.2f x %.4f / %.2f d = %.2f USD/day%n",
            v.opportunities(),
            v.averageDealSize() / 100,
            v.winRate(),
            v.cycleDays(),
            v.perDay() / 100));
    for (VelocityPoint p : r.velocity().trend()) {
      out.append(
          String.format(
              Locale.ROOT,
              "velocity %s created %d size %.2f win %.4f cycle %.2f -> %.2f USD/day%n",
              p.period().start(),
              p.velocity().opportunities(),
              p.velocity().averageDealSize() / 100,
              p.velocity().winRate(),
              p.velocity().cycleDays(),
              p.velocity().perDay() / 100));
    }
    r.outcomes().byOwner().entrySet().stream()
        .sorted((a, b) -> Double.compare(b.getValue().winRate(), a.getValue().winRate()))
        .limit(3)
        .forEach(
            e ->
                out.append(
                    String.format(
                        Locale.ROOT,
                        "top owner %s won %d lost %d win rate %.4f%n",
                        e.getKey(),
                        e.getValue().won(),
                        e.getValue().lost(),
                        e.getValue().winRate())));
    Waterfall w = r.waterfall();
    for (WaterfallBar b : w.bars()) {
      out.append(
          String.format(
              Locale.ROOT,
              "waterfall %s %.2f USD (%d deals)%n",
              b.step(),
              b.amount() / 100.0,
              b.deals()));
    }
    out.append("waterfall balance ")
        .append(w.balance())
        .append(" end ")
        .append(w.bar(WaterfallStep.END).amount())
        .append('\n');
    for (Bottleneck b : r.bottlenecks()) {
      out.append("bottleneck ")
          .append(b.rank())
          .append(' ')
          .append(b.stage())
          .append(": ")
          .append(b.reasons())
          .append('\n');
    }
    out.append("stuck ")
        .append(r.stuckDeals().size())
        .append(", idle ")
        .append(r.idleDeals().size())
        .append(", suggested moves ")
        .append(r.suggestedMoves().size())
        .append('\n');
    r.workLists().values().stream()
        .findFirst()
        .ifPresent(
            l ->
                out.append("first work item ")
                    .append(l.get(0).owner())
                    .append(' ')
                    .append(String.format(Locale.ROOT, "%.1f", l.get(0).score()))
                    .append(' ')
                    .append(l.get(0).reasons())
                    .append('\n'));
    if (!r.suggestedMoves().isEmpty()) {
      out.append("first move ").append(r.suggestedMoves().get(0).reason()).append('\n');
    }
    out.append("health ").append(r.health()).append('\n');
    Path target = Path.of("target", "crm-insight.txt");
    Files.createDirectories(target.getParent());
    Files.writeString(target, out);
    System.out.print(out);
    assertThat(w.balance()).isEqualTo(w.bar(WaterfallStep.END).amount());
    assertThat(r.funnel().overall().get(1).direct()).isEqualTo(4238);
  }
}
