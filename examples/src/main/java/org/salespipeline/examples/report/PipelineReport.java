package org.salespipeline.examples.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.salespipeline.core.Board;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;
import org.salespipeline.examples.insight.BookingsOutlook;
import org.salespipeline.examples.insight.PipelineHistory;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.bookings.BacktestRow;
import org.salespipeline.forecast.bookings.BookingsAccuracy;
import org.salespipeline.forecast.bookings.BookingsBacktest;
import org.salespipeline.forecast.bookings.BookingsForecast;
import org.salespipeline.forecast.bookings.PartForecast;
import org.salespipeline.forecast.bookings.PartsForecast;
import org.salespipeline.forecast.insight.InsightReport;
import org.salespipeline.forecast.insight.StageConversion;
import org.salespipeline.forecast.insight.StageTime;
import org.salespipeline.forecast.insight.WaterfallBar;
import org.salespipeline.forecast.insight.WaterfallStep;
import org.salespipeline.forecast.retention.RetentionCohort;
import org.salespipeline.forecast.retention.RetentionMetrics;
import org.salespipeline.forecast.retention.RetentionPeriod;
import org.salespipeline.forecast.retention.RetentionReport;
import org.salespipeline.forecast.retention.RetentionWaterfall;

/**
 * The HTML report of a pipeline: one self-contained file (inline SVG and CSS, no scripts, nothing
 * from the network) with the funnel, the open totals per stage, the forecast fan chart by month
 * with actual bookings (pipeline-forecast's one bookings forecast and its backtest), the
 * what-changed waterfall of the last 30 days, the time in stage and the forecast's backtest
 * accuracy beside the naive baselines. Funnel, waterfall and time in stage come from
 * pipeline-forecast's {@link InsightReport}.
 *
 * <p>Immutable once built.
 */
public final class PipelineReport {
  private final String title;
  private final LocalDate today;
  private final String currency;
  private final List<Charts.StageTotal> stageTotals;
  private final List<Charts.FunnelStep> funnel;
  private final List<Charts.Flow> waterfall;
  private final List<Charts.Stay> timeInStage;
  private final BookingsOutlook outlook;
  private final RetentionReport retention;
  private List<PartsForecast> parts = List.of();
  private final org.salespipeline.examples.calls.CallsDemo.Result calls;

  private PipelineReport(
      SalesPipeline pipeline,
      InsightReport insight,
      BookingsOutlook outlook,
      org.salespipeline.examples.calls.CallsDemo.Result calls) {
    this.calls = calls;
    Instant now = pipeline.clock().instant();
    this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    this.title = pipeline.defaultPipeline().name();
    this.currency = pipeline.reportingCurrency().getCurrencyCode();
    Board board = pipeline.board();
    this.stageTotals =
        board.columns().stream()
            .map(
                c ->
                    new Charts.StageTotal(
                        c.stage().displayName(),
                        c.count(),
                        c.total().amount().doubleValue(),
                        c.weighted().amount().doubleValue()))
            .toList();
    PipelineDefinition definition = pipeline.defaultPipeline();
    this.funnel = funnel(insight, definition);
    this.waterfall = waterfall(insight);
    this.timeInStage = timeInStage(insight, definition);
    this.outlook = outlook;
    this.retention = retention(pipeline, today);
  }

  /** The retention metrics of the last four quarters up to today's (issue 17). */
  private static RetentionReport retention(SalesPipeline pipeline, LocalDate today) {
    LocalDate start = today.withDayOfMonth(1).withMonth(3 * ((today.getMonthValue() - 1) / 3) + 1);
    List<ForecastPeriod> quarters = new java.util.ArrayList<>();
    for (int back = 3; back >= 0; back--) {
      LocalDate s = start.minusMonths(3L * back);
      quarters.add(ForecastPeriod.of(s, s.plusMonths(3)));
    }
    return RetentionMetrics.of(
            quarters,
            pipeline.reportingCurrency(),
            pipeline.currencyConverter(),
            today,
            ZoneOffset.UTC)
        .read(pipeline.store());
  }

  private List<Charts.Flow> retentionWaterfall() {
    RetentionWaterfall w = retention.periods().get(retention.periods().size() - 1).waterfall();
    return List.of(
        new Charts.Flow("start", w.start().amount().doubleValue()),
        new Charts.Flow("new", w.newRevenue().amount().doubleValue()),
        new Charts.Flow("expansion", w.expansion().amount().doubleValue()),
        new Charts.Flow("contraction", -w.contraction().amount().doubleValue()),
        new Charts.Flow("churn", -w.churn().amount().doubleValue()),
        new Charts.Flow("end", w.end().amount().doubleValue()));
  }

  private List<Charts.CohortRow> cohortRows() {
    List<Charts.CohortRow> rows = new java.util.ArrayList<>();
    int n = retention.periods().size();
    for (RetentionCohort c : retention.cohorts()) {
      double[] shares = new double[n];
      for (int p = 0; p < n; p++) {
        shares[p] = c.logoRetention(p);
      }
      rows.add(new Charts.CohortRow("won " + c.period().start(), c.accounts(), shares));
    }
    return rows;
  }

  private String retentionNote() {
    RetentionPeriod last = retention.periods().get(retention.periods().size() - 1);
    return String.format(
        Locale.ROOT,
        "Recurring revenue of the customer base this quarter (%s to %s), netted per account:"
            + " GRR %s, NRR %s, logo retention %s, churn rate %s.",
        last.period().start(),
        last.period().end().minusDays(1),
        percent(last.grossRevenueRetention()),
        percent(last.netRevenueRetention()),
        percent(last.logoRetention()),
        percent(last.churnRate()));
  }

  /**
   * Gathers the report's figures.
   *
   * @param pipeline the engine; its clock says what "now" is
   * @param insight the insight report as of that clock
   * @param outlook the bookings forecast and its backtest, as the demo prints them
   */
  public static PipelineReport of(
      SalesPipeline pipeline, InsightReport insight, BookingsOutlook outlook) {
    return new PipelineReport(pipeline, insight, outlook, null);
  }

  /** As {@link #of(SalesPipeline, InsightReport, BookingsOutlook)}, with the forecast calls. */
  public static PipelineReport of(
      SalesPipeline pipeline,
      InsightReport insight,
      BookingsOutlook outlook,
      org.salespipeline.examples.calls.CallsDemo.Result calls) {
    return new PipelineReport(pipeline, insight, outlook, calls);
  }

  /** As {@link #of(SalesPipeline, InsightReport, BookingsOutlook)}, analysing the history. */
  public static PipelineReport of(
      SalesPipeline pipeline, PipelineHistory history, BookingsOutlook outlook) {
    return new PipelineReport(pipeline, history.insight(), outlook, null);
  }

  /** The backtested months with their actuals, then this month (won so far) and months ahead. */
  private List<Charts.FanMonth> fan() {
    List<Charts.FanMonth> months = new java.util.ArrayList<>();
    for (BacktestRow r : outlook.backtest().rows()) {
      months.add(
          new Charts.FanMonth(
              java.time.YearMonth.from(r.period().start()),
              major(r.p10()),
              major(r.p50()),
              major(r.p90()),
              major(r.actual()),
              true));
    }
    for (BookingsForecast f : outlook.ahead()) {
      boolean current = !f.period().start().isAfter(outlook.today());
      months.add(
          new Charts.FanMonth(
              java.time.YearMonth.from(f.period().start()),
              major(f.p10()),
              major(f.p50()),
              major(f.p90()),
              current ? major(f.wonSoFar()) : Double.NaN,
              false));
    }
    return months;
  }

  private List<Charts.MethodScore> scores() {
    BookingsBacktest bt = outlook.backtest();
    List<Charts.MethodScore> scores = new java.util.ArrayList<>();
    scores.add(new Charts.MethodScore("forecaster", bt.wape(), bt.coverage()));
    for (BookingsAccuracy a : bt.baselines()) {
      scores.add(new Charts.MethodScore(a.method(), a.wape(), a.coverage()));
    }
    return scores;
  }

  private static double major(org.salespipeline.core.Money m) {
    return m.amount().doubleValue();
  }

  private static List<Charts.FunnelStep> funnel(InsightReport r, PipelineDefinition definition) {
    List<Charts.FunnelStep> steps = new java.util.ArrayList<>();
    for (StageConversion c : r.funnel().byPipeline().getOrDefault(definition.id(), List.of())) {
      steps.add(new Charts.FunnelStep(displayName(definition, c.stage()), c.entered()));
    }
    var outcomes = r.outcomes().byPipeline().get(definition.id());
    steps.add(new Charts.FunnelStep("Won", outcomes == null ? 0 : outcomes.won()));
    return steps;
  }

  private static List<Charts.Flow> waterfall(InsightReport r) {
    double scale = Math.pow(10, r.currency().getDefaultFractionDigits());
    List<Charts.Flow> flows = new java.util.ArrayList<>();
    for (WaterfallBar b : r.waterfall().bars()) {
      int sign =
          b.step() == WaterfallStep.START || b.step() == WaterfallStep.END ? 1 : b.step().sign();
      String label =
          b.step().name().charAt(0)
              + b.step().name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
      flows.add(new Charts.Flow(label, sign * b.amount() / scale));
    }
    return flows;
  }

  private static List<Charts.Stay> timeInStage(InsightReport r, PipelineDefinition definition) {
    return r.stageTimes().stream()
        .filter(t -> t.pipeline().equals(definition.id()))
        .map(
            (StageTime t) ->
                new Charts.Stay(
                    displayName(definition, t.stage()),
                    t.stays(),
                    days(t.median()),
                    days(t.p90()),
                    days(t.mean()),
                    definition
                        .stage(t.stage())
                        .flatMap(Stage::idleThreshold)
                        .map(PipelineReport::days)
                        .orElse(0.0)))
        .toList();
  }

  private static double days(Duration d) {
    return d.toMinutes() / 1440.0;
  }

  private static String displayName(PipelineDefinition definition, String key) {
    return definition.stage(key).map(Stage::displayName).orElse(key);
  }

  /**
   * Writes the report.
   *
   * @return the file written
   * @throws UncheckedIOException if the file cannot be written
   */
  public Path write(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, html());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + file, e);
    }
  }

  /**
   * Adds the forecasts by part (new business, renewals, expansion) to show in the report, replacing
   * any added before; none by default, and then the report has no such section.
   *
   * @param forecasts the forecasts, one row group each, in the order given
   * @return this report
   */
  public PipelineReport withParts(List<PartsForecast> forecasts) {
    this.parts = List.copyOf(forecasts);
    return this;
  }

  /** A table of the forecasts by part: one row per part and period, then the total. */
  private String partsTable() {
    StringBuilder t = new StringBuilder("<table id=\"forecast-parts\"><tr><th>Period</th>");
    t.append("<th>Part</th><th>Expected</th><th>Won so far</th><th>P10</th><th>P90</th></tr>");
    for (PartsForecast f : parts) {
      String period = f.period().start() + " to " + f.period().end().minusDays(1);
      for (PartForecast p : f.parts()) {
        row(t, period, partName(p.part()), p.expected(), p.wonSoFar(), p.p10(), p.p90());
      }
      row(t, period, "total", f.expected(), f.wonSoFar(), f.p10(), f.p90());
    }
    return t.append("</table>").toString();
  }

  private static String partName(org.salespipeline.forecast.bookings.ForecastPart part) {
    return switch (part) {
      case NEW_BUSINESS -> "new business";
      case RENEWAL -> "renewals";
      case EXPANSION -> "expansion";
    };
  }

  private static void row(
      StringBuilder t,
      String period,
      String part,
      Money expected,
      Money won,
      Money p10,
      Money p90) {
    t.append("<tr><td>")
        .append(Svg.escape(period))
        .append("</td><td>")
        .append(Svg.escape(part))
        .append("</td>");
    for (Money m : List.of(expected, won, p10, p90)) {
      t.append("<td>").append(Svg.amount(major(m))).append("</td>");
    }
    t.append("</tr>");
  }

  private String partsNote() {
    PartsForecast first = parts.get(0);
    return String.format(
        Locale.ROOT,
        "The forecast as of %s split by where bookings come from (pipeline-forecast's"
            + " PartsForecaster): new business and expansion deals forecast like the pipeline,"
            + " renewals due weighted by the chance to renew (healthy %.2f, at risk %.2f, learned"
            + " from %d renewal outcomes). The total's expected value is the sum of the parts; its"
            + " band adds the parts' bands.",
        first.asOf(),
        first.renewalWeights().healthy(),
        first.renewalWeights().atRisk(),
        first.renewalWeights().healthyOutcomes() + first.renewalWeights().atRiskOutcomes());
  }

  /** The whole document. */
  public String html() {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Pipeline report - ")
        .append(Svg.escape(title))
        .append(", ")
        .append(today)
        .append("</title><style>")
        .append(
            "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1f2937;"
                + "margin:24px auto;max-width:780px}h1{font-size:22px}h2{font-size:16px;"
                + "margin-top:28px}p.note{color:#6b7280;font-size:13px}table{border-collapse:"
                + "collapse;font-size:13px}td,th{padding:3px 10px;border-bottom:1px solid "
                + "#e5e7eb;text-align:right}th:first-child,td:first-child{text-align:left}"
                + "svg.chart{display:block;max-width:100%;height:auto}")
        .append("</style></head><body>\n");
    h.append("<h1>Pipeline report - ")
        .append(Svg.escape(title))
        .append("</h1><p class=\"note\">As of ")
        .append(today)
        .append(", amounts in ")
        .append(currency)
        .append(". Generated by the Sales Pipeline SDK demo.</p>\n");
    section(
        h,
        "Funnel",
        Charts.funnel(funnel),
        "How often deals of this pipeline entered each stage over the whole history (a deal that"
            + " skipped a stage does not count for it), then how many were won.");
    section(
        h,
        "Open pipeline per stage",
        Charts.stageTotals(stageTotals),
        "Amount and amount" + " weighted by the stage's win probability.");
    section(h, "Forecast by month", Charts.forecastFan(fan()), accuracyNote());
    if (!parts.isEmpty()) {
      section(h, "Forecast by part", partsTable(), partsNote());
    }
    section(
        h,
        "What changed in the last 30 days",
        Charts.waterfall(waterfall, "last 30 days"),
        "Open pipeline closing this quarter 30 days ago, what was added, pulled in, pushed out,"
            + " raised, lowered, won and lost, and that pipeline now.");
    // why: a pipeline without customers (an imported CRM) has no retention to chart
    if (retention.accounts() > 0) {
      section(
          h,
          "Retention waterfall this quarter",
          Charts.waterfall(
              retentionWaterfall(), "chart-retention", "Recurring revenue this quarter"),
          retentionNote());
      section(
          h,
          "Cohort retention",
          Charts.cohorts(
              cohortRows(),
              retention.periods().stream().map(p -> p.period().start().toString()).toList()),
          "Customers first won in each quarter (row) still customers at the end of each later"
              + " quarter (column); a cohort never counts an account before its first win.");
    }
    section(
        h,
        "Time in stage",
        Charts.timeInStage(timeInStage),
        "Completed stays: box from the median (blue) to the 90th percentile, the stage's idle"
            + " threshold dashed red.");
    section(
        h,
        "Forecast accuracy beside naive methods",
        Charts.accuracy(scores()),
        "The same past months, each forecast from what was known at its start: the forecaster"
            + " (dark) and the naive baselines. A method that does not beat them is not worth"
            + " showing.");
    if (calls != null) {
      CallsSection.append(h, calls, currency);
    }
    h.append("</body></html>\n");
    return h.toString();
  }

  private String accuracyNote() {
    BookingsBacktest bt = outlook.backtest();
    BookingsForecast month = outlook.month();
    return String.format(
        Locale.ROOT,
        "Band: P10 to P90 of the bookings forecast (pipeline-forecast's BookingsForecaster) at the"
            + " start of each month; from this month on as of %s; line: actual bookings (this"
            + " month: so far). This month: expected %s, P10 %s, P50 %s, P90 %s by the %s method."
            + " Backtest over %d months: WAPE %s, bias %s, actual within P10-P90 in %s of months.",
        outlook.today(),
        Svg.amount(major(month.expected())),
        Svg.amount(major(month.p10())),
        Svg.amount(major(month.p50())),
        Svg.amount(major(month.p90())),
        month.method(),
        bt.rows().size(),
        percent(bt.wape()),
        signed(bt.bias()),
        percent(bt.coverage()));
  }

  private static String percent(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  private static String signed(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", 100 * v);
  }

  private static void section(StringBuilder h, String heading, String svg, String note) {
    h.append("<section><h2>")
        .append(Svg.escape(heading))
        .append("</h2>\n")
        .append(svg)
        .append("\n<p class=\"note\">")
        .append(Svg.escape(note))
        .append("</p></section>\n");
  }
}
