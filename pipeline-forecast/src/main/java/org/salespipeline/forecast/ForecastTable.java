package org.salespipeline.forecast;

import java.util.List;

/**
 * Weighted pipeline of the open deals by period (rows) and one {@link Dimension} (columns). Cells
 * hold the exact fixed-point weighted sum (see {@link Forecaster#weighted()}), the raw amount and
 * the deal count. Deals closing outside every period are not counted. The run-rate of each period
 * ({@link Forecaster#runRate(ForecastPeriod)}, revenue from deals not created yet) is a separate
 * line, never inside a cell: {@link #periodWeighted(int)} is the pipeline alone, {@link
 * #runRate(int)} the run-rate alone and {@link #periodTotal(int)} their sum. Immutable and
 * thread-safe.
 */
public final class ForecastTable {
  private final List<ForecastPeriod> periods;
  private final List<String> columns;
  private final long[] weightedScaled;
  private final long[] amount;
  private final int[] count;
  private final double[] runRate;

  ForecastTable(
      List<ForecastPeriod> periods,
      List<String> columns,
      long[] weightedScaled,
      long[] amount,
      int[] count,
      double[] runRate) {
    this.periods = List.copyOf(periods);
    this.columns = List.copyOf(columns);
    this.weightedScaled = weightedScaled;
    this.amount = amount;
    this.count = count;
    this.runRate = runRate;
  }

  /** The periods, one per row. */
  public List<ForecastPeriod> periods() {
    return periods;
  }

  /** The column labels. */
  public List<String> columns() {
    return columns;
  }

  /** Weighted amount of a cell in minor units. */
  public double weighted(int period, int column) {
    return weightedScaled[period * columns.size() + column] / Forecaster.SCALE;
  }

  /** Weighted amount of a cell in units of 1/256 minor unit (exact). */
  public long weightedScaled(int period, int column) {
    return weightedScaled[period * columns.size() + column];
  }

  /** Unweighted amount of a cell in minor units. */
  public long amount(int period, int column) {
    return amount[period * columns.size() + column];
  }

  /** Number of open deals in a cell. */
  public int count(int period, int column) {
    return count[period * columns.size() + column];
  }

  /** Weighted amount of a period over all columns, in minor units. */
  public double periodWeighted(int period) {
    long s = 0;
    for (int c = 0; c < columns.size(); c++) {
      s += weightedScaled[period * columns.size() + c];
    }
    return s / Forecaster.SCALE;
  }

  /** Weighted amount of a column over all periods, in minor units. */
  public double columnWeighted(int column) {
    long s = 0;
    for (int p = 0; p < periods.size(); p++) {
      s += weightedScaled[p * columns.size() + column];
    }
    return s / Forecaster.SCALE;
  }

  /** The run-rate of a period (deals not created yet), in minor units; 0 without a run-rate. */
  public double runRate(int period) {
    return runRate[period];
  }

  /** {@link #periodWeighted(int)} plus {@link #runRate(int)} of a period, in minor units. */
  public double periodTotal(int period) {
    return periodWeighted(period) + runRate[period];
  }

  /** The weighted pipeline over all periods and columns, in minor units. */
  public double totalWeighted() {
    long s = 0;
    for (long w : weightedScaled) {
      s += w;
    }
    return s / Forecaster.SCALE;
  }

  /** The run-rate over all periods, in minor units. */
  public double totalRunRate() {
    double s = 0;
    for (double r : runRate) {
      s += r;
    }
    return s;
  }

  /** {@link #totalWeighted()} plus {@link #totalRunRate()}, in minor units. */
  public double total() {
    return totalWeighted() + totalRunRate();
  }
}
