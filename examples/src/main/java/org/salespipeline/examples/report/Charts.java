package org.salespipeline.examples.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report's charts, each one inline SVG element. Stateless. */
final class Charts {
  private static final String INK = "#1f2937";
  private static final String MUTED = "#6b7280";
  private static final String GRID = "#e5e7eb";
  private static final String BLUE = "#2563eb";
  private static final String LIGHT_BLUE = "#bfdbfe";
  private static final String GREEN = "#16a34a";
  private static final String RED = "#dc2626";
  private static final double LEFT = 170;
  private static final double RIGHT = Svg.WIDTH - 100;

  private Charts() {}

  /** One stage's totals on the board. */
  record StageTotal(String stage, int deals, double total, double weighted) {}

  /** One step of the funnel: a stage (or won) and how often deals got there. */
  record FunnelStep(String label, long deals) {}

  /**
   * One month of the forecast fan: the band and median forecast at the month's start (months from
   * the current one on: as of today), and what was booked (so far; NaN for months ahead).
   */
  record FanMonth(
      YearMonth month, double p10, double p50, double p90, double actual, boolean past) {}

  /** One forecasting method's accuracy on the same past months. */
  record MethodScore(String method, double wape, double coverage) {}

  /** One bar of the waterfall; the first and last are totals, the others signed flows. */
  record Flow(String label, double amount) {}

  /** Completed stays in one stage, in days, and the stage's idle threshold (0 without one). */
  record Stay(String stage, long stays, double median, double p90, double mean, double threshold) {}

  static String funnel(List<FunnelStep> steps) {
    Svg svg = new Svg("chart-funnel", "Funnel: how often deals entered each stage, then won");
    double max = Math.max(1, steps.get(0).deals());
    double rowHeight = (Svg.HEIGHT - 20.0) / steps.size();
    double centre = (LEFT + RIGHT) / 2;
    for (int i = 0; i < steps.size(); i++) {
      FunnelStep step = steps.get(i);
      double w = (RIGHT - LEFT) * step.deals() / max;
      double y = 10 + i * rowHeight;
      boolean last = i == steps.size() - 1;
      svg.rect(
          centre - w / 2,
          y + 2,
          w,
          rowHeight - 4,
          last ? GREEN : BLUE,
          step.label() + ": " + step.deals() + " deals");
      svg.text(LEFT - 10, y + rowHeight / 2 + 4, step.label(), "end", 12, INK);
      svg.text(
          RIGHT + 6,
          y + rowHeight / 2 + 4,
          String.format(Locale.ROOT, "%,d (%.0f%%)", step.deals(), 100 * step.deals() / max),
          "start",
          11,
          MUTED);
    }
    return svg.end();
  }

  static String stageTotals(List<StageTotal> stages) {
    Svg svg = new Svg("chart-stage-totals", "Open pipeline per stage: amount and weighted amount");
    double max = 1;
    for (StageTotal s : stages) {
      max = Math.max(max, s.total());
    }
    double top = 20;
    double bottom = Svg.HEIGHT - 40;
    double left = 60;
    double slot = (Svg.WIDTH - left - 20) / stages.size();
    axis(svg, left, top, bottom, max);
    for (int i = 0; i < stages.size(); i++) {
      StageTotal s = stages.get(i);
      double x = left + i * slot + slot * 0.15;
      double w = slot * 0.35;
      double h = (bottom - top) * s.total() / max;
      double hw = (bottom - top) * s.weighted() / max;
      svg.rect(x, bottom - h, w, h, LIGHT_BLUE, s.stage() + ": " + Svg.amount(s.total()));
      svg.rect(
          x + w, bottom - hw, w, hw, BLUE, s.stage() + " weighted: " + Svg.amount(s.weighted()));
      svg.text(x + w, bottom + 14, shorten(s.stage()), "middle", 11, INK);
      svg.text(x + w, bottom + 28, s.deals() + " deals", "middle", 10, MUTED);
    }
    legend(svg, Svg.WIDTH - 230, 14, LIGHT_BLUE, "amount", BLUE, "weighted");
    return svg.end();
  }

  static String forecastFan(List<FanMonth> months) {
    Svg svg =
        new Svg("chart-forecast-fan", "Forecast by month: P10-P90 band, P50 and actual bookings");
    double max = 1;
    for (FanMonth m : months) {
      max = Math.max(max, Math.max(m.p90(), Double.isNaN(m.actual()) ? 0 : m.actual()));
    }
    double top = 20;
    double bottom = Svg.HEIGHT - 40;
    double left = 60;
    double step = (Svg.WIDTH - left - 30) / Math.max(1, months.size() - 1);
    axis(svg, left, top, bottom, max);
    StringBuilder band = new StringBuilder();
    StringBuilder back = new StringBuilder();
    StringBuilder median = new StringBuilder();
    StringBuilder actual = new StringBuilder();
    for (int i = 0; i < months.size(); i++) {
      FanMonth m = months.get(i);
      double x = left + i * step;
      band.append(i == 0 ? "M" : "L").append(xy(x, y(m.p90(), max, top, bottom)));
      back.insert(0, "L" + xy(x, y(m.p10(), max, top, bottom)));
      median.append(i == 0 ? "M" : "L").append(xy(x, y(m.p50(), max, top, bottom)));
      if (!Double.isNaN(m.actual())) {
        actual
            .append(actual.length() == 0 ? "M" : "L")
            .append(xy(x, y(m.actual(), max, top, bottom)));
      }
      svg.text(x, bottom + 16, m.month().toString(), "middle", 10, m.past() ? INK : BLUE);
    }
    svg.path(band + back.toString() + "Z", "none", LIGHT_BLUE, 0, false);
    svg.path(median.toString(), BLUE, "none", 2, true);
    svg.path(actual.toString(), INK, "none", 2, false);
    for (int i = 0; i < months.size(); i++) {
      FanMonth m = months.get(i);
      if (!Double.isNaN(m.actual())) {
        svg.circle(
            left + i * step,
            y(m.actual(), max, top, bottom),
            3.5,
            m.actual() >= m.p10() && m.actual() <= m.p90() ? INK : RED,
            String.format(
                Locale.ROOT,
                "%s: actual %s, P10 %s, P50 %s, P90 %s",
                m.month(),
                Svg.amount(m.actual()),
                Svg.amount(m.p10()),
                Svg.amount(m.p50()),
                Svg.amount(m.p90())));
      }
    }
    legend(svg, left + 10, 14, LIGHT_BLUE, "P10-P90", INK, "actual (so far)");
    return svg.end();
  }

  static String waterfall(List<Flow> bars, String window) {
    return waterfall(bars, "chart-waterfall", "What changed the pipeline, " + window);
  }

  /**
   * A waterfall: the first and last bars are totals, the ones between steps from one to the other.
   */
  static String waterfall(List<Flow> bars, String id, String title) {
    Svg svg = new Svg(id, title);
    double start = bars.get(0).amount();
    double end = bars.get(bars.size() - 1).amount();
    List<String> labels = bars.stream().map(Flow::label).toList();
    List<Double> steps = new ArrayList<>();
    for (int i = 1; i < bars.size() - 1; i++) {
      steps.add(bars.get(i).amount());
    }
    double max = Math.max(start, end);
    double running = start;
    for (double s : steps) {
      running += s;
      max = Math.max(max, running);
    }
    double top = 20;
    double bottom = Svg.HEIGHT - 40;
    double left = 60;
    double slot = (Svg.WIDTH - left - 20) / labels.size();
    axis(svg, left, top, bottom, max);
    running = start;
    for (int i = 0; i < labels.size(); i++) {
      double x = left + i * slot + slot * 0.15;
      double from;
      double to;
      String fill;
      if (i == 0 || i == labels.size() - 1) {
        from = 0;
        to = i == 0 ? start : end;
        fill = BLUE;
      } else {
        double s = steps.get(i - 1);
        from = running;
        to = running + s;
        running = to;
        fill = s >= 0 ? GREEN : RED;
      }
      double y1 = y(Math.max(from, to), max, top, bottom);
      double y2 = y(Math.min(from, to), max, top, bottom);
      double value = i == 0 || i == labels.size() - 1 ? to : to - from;
      svg.rect(
          x, y1, slot * 0.7, Math.max(1, y2 - y1), fill, labels.get(i) + ": " + Svg.amount(value));
      svg.text(x + slot * 0.35, y1 - 4, Svg.amount(value), "middle", 10, MUTED);
      svg.text(x + slot * 0.35, bottom + 14, labels.get(i), "middle", 11, INK);
    }
    return svg.end();
  }

  static String timeInStage(List<Stay> stages) {
    Svg svg = new Svg("chart-time-in-stage", "Days in each stage: median to p90, idle threshold");
    double max = 1;
    for (Stay s : stages) {
      max = Math.max(max, Math.max(s.p90(), s.threshold()));
    }
    double rowHeight = (Svg.HEIGHT - 40.0) / stages.size();
    double scale = (RIGHT - LEFT) / max;
    for (int i = 0; i < stages.size(); i++) {
      Stay s = stages.get(i);
      double y = 10 + i * rowHeight;
      svg.text(LEFT - 10, y + rowHeight / 2 + 4, s.stage(), "end", 12, INK);
      svg.line(LEFT, y + rowHeight / 2, RIGHT, y + rowHeight / 2, GRID, 1, false);
      svg.rect(
          LEFT + s.median() * scale,
          y + 5,
          Math.max(1, (s.p90() - s.median()) * scale),
          rowHeight - 10,
          LIGHT_BLUE,
          String.format(
              Locale.ROOT,
              "%s: median %.1f days, mean %.1f, p90 %.1f, %,d stays",
              s.stage(),
              s.median(),
              s.mean(),
              s.p90(),
              s.stays()));
      svg.line(
          LEFT + s.median() * scale,
          y + 3,
          LEFT + s.median() * scale,
          y + rowHeight - 3,
          BLUE,
          3,
          false);
      if (s.threshold() > 0) {
        double x = LEFT + s.threshold() * scale;
        svg.line(x, y + 2, x, y + rowHeight - 2, RED, 1.5, true);
      }
      svg.text(
          RIGHT + 6,
          y + rowHeight / 2 + 4,
          String.format(Locale.ROOT, "%.1f d", s.median()),
          "start",
          11,
          MUTED);
    }
    for (int d = 0; d <= max; d += Math.max(1, (int) Math.ceil(max / 8))) {
      svg.text(LEFT + d * scale, Svg.HEIGHT - 12, d + "d", "middle", 10, MUTED);
    }
    return svg.end();
  }

  static String accuracy(List<MethodScore> scores) {
    Svg svg =
        new Svg(
            "chart-accuracy",
            "Backtest WAPE of the forecaster beside the naive baselines (lower is better)");
    double max = 0.01;
    for (MethodScore s : scores) {
      max = Math.max(max, Double.isNaN(s.wape()) ? 0 : s.wape());
    }
    double top = 20;
    double row = Math.min(40, (Svg.HEIGHT - 40) / Math.max(1, scores.size()));
    for (int i = 0; i < scores.size(); i++) {
      MethodScore s = scores.get(i);
      double y = top + i * row;
      double w = Double.isNaN(s.wape()) ? 0 : (RIGHT - LEFT) * s.wape() / max;
      svg.text(LEFT - 8, y + row / 2 + 4, s.method(), "end", 12, INK);
      svg.rect(LEFT, y + 4, Math.max(1, w), row - 10, i == 0 ? BLUE : LIGHT_BLUE, null);
      svg.text(
          LEFT + w + 6,
          y + row / 2 + 4,
          String.format(
              Locale.ROOT,
              "WAPE %s%s",
              Double.isNaN(s.wape()) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * s.wape()),
              Double.isNaN(s.coverage())
                  ? ""
                  : String.format(Locale.ROOT, ", P10-P90 coverage %.0f%%", 100 * s.coverage())),
          "start",
          11,
          MUTED);
    }
    return svg.end();
  }

  /** One cohort of first win: its label and its logo retention per later period (NaN before). */
  record CohortRow(String label, long accounts, double[] retention) {}

  /** Cohort retention as a grid: a row per cohort, a column per period, darker for more kept. */
  static String cohorts(List<CohortRow> rows, List<String> periods) {
    Svg svg = new Svg("chart-cohorts", "Logo retention by cohort of first win");
    double left = 170;
    double top = 30;
    double cell = Math.min(60, (Svg.WIDTH - left - 20) / Math.max(1, periods.size()));
    double height = Math.min(40, (Svg.HEIGHT - top - 10) / Math.max(1, rows.size()));
    for (int p = 0; p < periods.size(); p++) {
      svg.text(left + p * cell + cell / 2, top - 8, periods.get(p), "middle", 10, MUTED);
    }
    for (int r = 0; r < rows.size(); r++) {
      CohortRow row = rows.get(r);
      double y = top + r * height;
      svg.text(
          left - 8, y + height * 0.65, row.label() + " (" + row.accounts() + ")", "end", 11, INK);
      for (int p = 0; p < periods.size(); p++) {
        double share = row.retention()[p];
        if (Double.isNaN(share)) {
          continue;
        }
        int shade = (int) Math.round(235 - 180 * Math.max(0, Math.min(1, share)));
        String fill = String.format(java.util.Locale.ROOT, "#%02x%02xff", shade, shade);
        String label = String.format(java.util.Locale.ROOT, "%.0f%%", share * 100);
        svg.rect(
            left + p * cell + 1, y + 1, cell - 2, height - 2, fill, row.label() + ": " + label);
        svg.text(
            left + p * cell + cell / 2,
            y + height * 0.65,
            label,
            "middle",
            10,
            share > 0.6 ? "#ffffff" : INK);
      }
    }
    return svg.end();
  }

  private static void axis(Svg svg, double left, double top, double bottom, double max) {
    for (int k = 0; k <= 4; k++) {
      double v = max * k / 4;
      double y = y(v, max, top, bottom);
      svg.line(left, y, Svg.WIDTH - 20, y, GRID, 1, false);
      svg.text(left - 6, y + 4, Svg.amount(v), "end", 10, MUTED);
    }
  }

  private static void legend(
      Svg svg, double x, double y, String a, String aLabel, String b, String bLabel) {
    svg.rect(x, y - 9, 12, 10, a, null).text(x + 16, y, aLabel, "start", 11, INK);
    svg.rect(x + 100, y - 9, 12, 10, b, null).text(x + 116, y, bLabel, "start", 11, INK);
  }

  private static double y(double value, double max, double top, double bottom) {
    return bottom - (bottom - top) * Math.max(0, value) / max;
  }

  private static String xy(double x, double y) {
    return String.format(Locale.ROOT, "%.1f %.1f ", x, y);
  }

  private static String shorten(String name) {
    int slash = name.indexOf('/');
    return slash > 0 ? name.substring(0, slash) : name;
  }
}
