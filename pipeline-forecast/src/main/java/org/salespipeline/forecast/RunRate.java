package org.salespipeline.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * The run-rate of {@link Forecaster#runRate(ForecastPeriod)}: a {@link HoltWinters} model of
 * new-business bookings per history period, extrapolated over the periods that follow the history
 * (same length in calendar months, or else in days) and spread over the days of the asked period
 * that lie after the snapshot date. Immutable.
 */
final class RunRate {
  /** At most this many periods are forecast past the end of the history. */
  static final int MAX_STEPS = 10_000;

  private final HoltWinters model;
  private final LocalDate historyEnd;
  private final int months;
  private final int days;

  private RunRate(HoltWinters model, LocalDate historyEnd, int months, int days) {
    this.model = model;
    this.historyEnd = historyEnd;
    this.months = months;
    this.days = days;
  }

  static RunRate of(List<ForecastPeriod> history, HoltWinters model) {
    if (history == null || model == null) {
      throw new ValidationException(
          FieldProblem.of(history == null ? "history" : "model", null, "must not be null"));
    }
    if (history.size() != model.observations()) {
      throw new ValidationException(
          FieldProblem.of(
              "history",
              history.size() + " periods",
              "must have one period per bookings value (" + model.observations() + ")"));
    }
    ForecastPeriod first = history.get(0);
    long m = ChronoUnit.MONTHS.between(first.start(), first.end());
    boolean monthly = m > 0;
    int d = first.days();
    for (int k = 0; k < history.size(); k++) {
      ForecastPeriod p = history.get(k);
      if (k > 0 && !p.start().equals(history.get(k - 1).end())) {
        throw new ValidationException(
            FieldProblem.of(
                "history[" + k + "]", p, "must start where the period before ends (consecutive)"));
      }
      monthly &= p.start().plusMonths(m).equals(p.end());
    }
    // calendar periods of m months each, or else periods of d days each: every period, including
    // those before the first one that broke the calendar pattern
    for (int k = 0; k < history.size() && !monthly; k++) {
      ForecastPeriod p = history.get(k);
      if (p.days() != d) {
        throw new ValidationException(
            FieldProblem.of(
                "history[" + k + "]",
                p,
                "must be as long as the first (" + d + " days or " + m + " months)"));
      }
    }
    return new RunRate(
        model, history.get(history.size() - 1).end(), monthly ? (int) m : 0, monthly ? 0 : d);
  }

  HoltWinters model() {
    return model;
  }

  /**
   * The expected new-business bookings in the days of {@code period} from {@code firstUnknownDay}
   * on: each future history-length period h contributes {@code max(0, forecast(h))} times the share
   * of its days that fall in that range.
   */
  double over(ForecastPeriod period, int firstUnknownDay) {
    long from = Math.max(period.startDay(), firstUnknownDay);
    long to = period.endDay();
    double total = 0;
    LocalDate start = historyEnd;
    for (int h = 1; from < to; h++) {
      LocalDate end = months > 0 ? historyEnd.plusMonths((long) months * h) : start.plusDays(days);
      long gs = start.toEpochDay();
      long ge = end.toEpochDay();
      if (gs >= to) {
        break;
      }
      long overlap = Math.min(ge, to) - Math.max(gs, from);
      if (overlap > 0) {
        if (h > MAX_STEPS) {
          throw new ValidationException(
              FieldProblem.of(
                  "period",
                  period,
                  "lies more than " + MAX_STEPS + " history periods after the history"));
        }
        total += model.forecastNonNegative(h) * overlap / (ge - gs);
      }
      start = end;
    }
    return total;
  }
}
