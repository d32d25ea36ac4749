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
import java.util.OptionalDouble;
import org.salespipeline.core.Board;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;
import org.salespipeline.examples.insight.Backtest;
import org.salespipeline.examples.insight.PipelineHistory;
import org.salespipeline.forecast.insight.InsightReport;
import org.salespipeline.forecast.insight.StageConversion;
import org.salespipeline.forecast.insight.StageTime;
import org.salespipeline.forecast.insight.WaterfallBar;
import org.salespipeline.forecast.insight.WaterfallStep;

/**
 * The HTML report of a pipeline: one self-contained file (inline SVG and CSS, no scripts, nothing
 * from the network) with the funnel, the open totals per stage, the forecast fan chart by month
 * with actual bookings, the what-changed waterfall of the last 30 days, the time in stage and the
 * calibration curve of the backtest. Funnel, waterfall and time in stage come from
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
  private final Backtest.Result backtest;

  private PipelineReport(SalesPipeline pipeline, InsightReport insight, Backtest.Result backtest) {
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
    this.backtest = backtest;
  }

  /**
   * Gathers the report's figures.
   *
   * @param pipeline the engine; its clock says what "now" is
   * @param insight the insight report as of that clock
   * @param backtest the backtest of the monthly forecast
   */
  public static PipelineReport of(
      SalesPipeline pipeline, InsightReport insight, Backtest.Result backtest) {
    return new PipelineReport(pipeline, insight, backtest);
  }

  /** As {@link #of(SalesPipeline, InsightReport, Backtest.Result)}, analysing the history. */
  public static PipelineReport of(
      SalesPipeline pipeline, PipelineHistory history, Backtest.Result backtest) {
    return new PipelineReport(pipeline, history.insight(), backtest);
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
    section(h, "Forecast by month", Charts.forecastFan(backtest.months()), accuracyNote());
    section(
        h,
        "What changed in the last 30 days",
        Charts.waterfall(waterfall, "last 30 days"),
        "Open pipeline closing this quarter 30 days ago, what was added, pulled in, pushed out,"
            + " raised, lowered, won and lost, and that pipeline now.");
    section(
        h,
        "Time in stage",
        Charts.timeInStage(timeInStage),
        "Completed stays: box from the median (blue) to the 90th percentile, the stage's idle"
            + " threshold dashed red.");
    section(
        h,
        "Calibration of the forecast",
        Charts.calibration(backtest.calibration()),
        "Each dot is a bin of deals forecast in the backtest; on the dashed diagonal the"
            + " probabilities were right.");
    h.append("</body></html>\n");
    return h.toString();
  }

  private String accuracyNote() {
    return String.format(
        Locale.ROOT,
        "Band: P10 to P90 of the bookings forecast at the start of each month (months after"
            + " today: as of today); line: actual bookings. Backtest over %d months: WAPE %s,"
            + " bias %s, actual within P10-P90 in %.0f%% of months (stage defaults: WAPE %s).",
        backtest.past().size(),
        percent(backtest.accuracy().wape()).replace("+", ""),
        percent(backtest.accuracy().bias()),
        100 * backtest.coverage(),
        percent(backtest.stageDefaultAccuracy().wape()).replace("+", ""));
  }

  private static String percent(OptionalDouble value) {
    return value.isPresent()
        ? String.format(Locale.ROOT, "%+.1f%%", 100 * value.getAsDouble())
        : "n/a";
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
