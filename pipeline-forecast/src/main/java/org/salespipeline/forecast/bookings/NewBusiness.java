package org.salespipeline.forecast.bookings;

import org.salespipeline.core.calendar.FiscalCalendar;
import org.salespipeline.forecast.ForecastPeriod;

/**
 * The new-business term: bookings in a period of deals created on or after the origin, estimated
 * from the same quantity in past periods of the grid (each with the origin at the same place).
 *
 * <p>Once every position of the seasonal cycle (month of the quarter for months, quarter of the
 * year for quarters) has a past value, the estimate is seasonal: the mean of the last cycle's
 * values, each divided by its position's index, times the index of the period's position; an index
 * is the position's mean over the last (up to four) cycles divided by the mean of the position
 * means, shrunk towards 1 by n / (n + 1) for n values at that position. Before that it is the mean
 * of the last (up to three) periods; with none it is 0 (the band's generic spread then carries the
 * uncertainty). No trend term is fitted: a drift shows as a worse rolling backtest and the
 * forecaster then prefers a naive method.
 */
final class NewBusiness {
  /** How many past periods are looked at. */
  static final int MAX_PERIODS = 16;

  private NewBusiness() {}

  /** Expected value and variance of new business for {@code period} as of day {@code t}. */
  static double[] estimate(DealColumns c, ForecastPeriod period, int t, FiscalCalendar fiscal) {
    PeriodGrid grid = new PeriodGrid(period, fiscal);
    double[] values = new double[MAX_PERIODS];
    int[] pos = new int[MAX_PERIODS];
    int n = 0;
    if (c.firstCloseDay < t) {
      for (int k = 1; k <= MAX_PERIODS * 2 && n < MAX_PERIODS; k++) {
        ForecastPeriod past = grid.back(k);
        if (past.endDay() > t) {
          continue;
        }
        if (past.endDay() <= c.firstCloseDay) {
          break;
        }
        int origin = grid.originIn(past, t);
        values[n] = c.bookings(Math.max(origin, past.startDay()), past.endDay(), t, origin);
        pos[n] = grid.positionInCycle(past);
        n++;
      }
    }
    if (n == 0) {
      return new double[] {0, 0};
    }
    int cycle = grid.cycle();
    double estimate;
    double[] fitted = new double[n];
    int window = cycle > 0 ? Math.min(n, 4 * cycle) : 0;
    double[] posSum = new double[Math.max(cycle, 1)];
    int[] posCount = new int[Math.max(cycle, 1)];
    for (int k = 0; k < window; k++) {
      posSum[pos[k]] += values[k];
      posCount[pos[k]]++;
    }
    boolean seasonal = cycle > 0;
    for (int q = 0; q < cycle; q++) {
      seasonal &= posCount[q] > 0;
    }
    if (seasonal) {
      double meanOfMeans = 0;
      for (int q = 0; q < cycle; q++) {
        meanOfMeans += posSum[q] / posCount[q] / cycle;
      }
      double[] index = new double[cycle];
      for (int q = 0; q < cycle; q++) {
        double raw = meanOfMeans > 0 ? posSum[q] / posCount[q] / meanOfMeans : 1;
        index[q] = 1 + (raw - 1) * posCount[q] / (posCount[q] + 1.0);
      }
      double level = 0;
      int m = Math.min(n, cycle);
      for (int k = 0; k < m; k++) {
        level += index[pos[k]] > 0 ? values[k] / index[pos[k]] : 0;
      }
      level /= m;
      estimate = level * index[grid.positionInCycle(period)];
      for (int k = 0; k < n; k++) {
        fitted[k] = level * index[pos[k]];
      }
    } else {
      int m = Math.min(n, 3);
      double sum = 0;
      for (int k = 0; k < m; k++) {
        sum += values[k];
      }
      estimate = sum / m;
      java.util.Arrays.fill(fitted, estimate);
    }
    double var;
    if (n >= 2) {
      double ss = 0;
      for (int k = 0; k < n; k++) {
        ss += (values[k] - fitted[k]) * (values[k] - fitted[k]);
      }
      var = ss / (n - 1);
    } else {
      var = 0.25 * estimate * estimate;
    }
    return new double[] {Math.max(0, estimate), var};
  }
}
