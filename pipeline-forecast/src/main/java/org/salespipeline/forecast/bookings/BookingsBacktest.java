package org.salespipeline.forecast.bookings;

import java.util.List;

/**
 * The result of {@link BookingsForecaster#backtest}: one row per origin and the summary figures.
 * Immutable and thread-safe.
 *
 * <p>WAPE = sum |actual - expected| / sum actual; bias = sum (expected - actual) / sum actual; MAPE
 * = mean |actual - expected| / actual over the rows with a positive actual; coverage = share of
 * rows whose actual lies in P10-P90; mean width = mean (P90 - P10) / actual over rows with a
 * positive actual. Brier = mean squared error of the full model's per-deal probabilities of winning
 * within the period (deals open at each origin), beside the Brier of always predicting the base
 * rate of those same deals. A figure without any row to compute it from is {@code NaN}.
 */
public final class BookingsBacktest {
  private final List<BacktestRow> rows;
  private final double brier;
  private final double brierBaseRate;
  private final List<BookingsAccuracy> baselines;

  BookingsBacktest(
      List<BacktestRow> rows,
      double brier,
      double brierBaseRate,
      List<BookingsAccuracy> baselines) {
    this.rows = List.copyOf(rows);
    this.brier = brier;
    this.brierBaseRate = brierBaseRate;
    this.baselines = List.copyOf(baselines);
  }

  /** The rows, in the plan's origin order. */
  public List<BacktestRow> rows() {
    return rows;
  }

  /** Sum |actual - expected| / sum actual. */
  public double wape() {
    double err = 0;
    double act = 0;
    for (BacktestRow r : rows) {
      err += Math.abs((double) r.actualMinor() - r.expectedMinor());
      act += r.actualMinor();
    }
    return act > 0 ? err / act : Double.NaN;
  }

  /** Sum (expected - actual) / sum actual; positive when the forecast was too high. */
  public double bias() {
    double err = 0;
    double act = 0;
    for (BacktestRow r : rows) {
      err += (double) r.expectedMinor() - r.actualMinor();
      act += r.actualMinor();
    }
    return act > 0 ? err / act : Double.NaN;
  }

  /** Mean |actual - expected| / actual over rows with a positive actual (others skipped). */
  public double mape() {
    double sum = 0;
    int n = 0;
    for (BacktestRow r : rows) {
      if (r.actualMinor() > 0) {
        sum += Math.abs((double) r.actualMinor() - r.expectedMinor()) / r.actualMinor();
        n++;
      }
    }
    return n > 0 ? sum / n : Double.NaN;
  }

  /** Share of rows whose actual lies in P10-P90. */
  public double coverage() {
    if (rows.isEmpty()) {
      return Double.NaN;
    }
    int covered = 0;
    for (BacktestRow r : rows) {
      if (r.covered()) {
        covered++;
      }
    }
    return (double) covered / rows.size();
  }

  /** Mean (P90 - P10) / actual over rows with a positive actual. */
  public double meanWidth() {
    double sum = 0;
    int n = 0;
    for (BacktestRow r : rows) {
      if (r.actualMinor() > 0) {
        sum += (double) (r.amounts().p90 - r.amounts().p10) / r.actualMinor();
        n++;
      }
    }
    return n > 0 ? sum / n : Double.NaN;
  }

  /** Brier score of the full model's per-deal in-period win probabilities, in [0, 1]. */
  public double brier() {
    return brier;
  }

  /** Brier score of predicting the base rate for every one of those deals: the reference. */
  public double brierBaseRate() {
    return brierBaseRate;
  }

  /** Persistence, seasonal naive and trailing mean scored on the same origins. */
  public List<BookingsAccuracy> baselines() {
    return baselines;
  }
}
