package org.salespipeline.forecast.bookings;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.salespipeline.core.ConfigurationException;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.core.ValidationException;

/**
 * What a backtest forecasts: origins (days at whose start a forecast is made), the horizon (the
 * calendar month or quarter that contains each origin) and whether revenue already won before the
 * origin is scored. Immutable and thread-safe.
 */
public final class BacktestPlan {
  private final List<LocalDate> origins;
  private final PeriodLength horizon;
  private final boolean includeWonSoFar;
  private final ProgressListener progress;

  private BacktestPlan(Builder b) {
    this.origins = List.copyOf(b.origins);
    this.horizon = b.horizon == null ? PeriodLength.MONTH : b.horizon;
    this.includeWonSoFar = b.includeWonSoFar == null || b.includeWonSoFar;
    this.progress = b.progress == null ? ProgressListener.NONE : b.progress;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The origins, in the order given (or in date order for monthly and weekly plans). */
  public List<LocalDate> origins() {
    return origins;
  }

  /** The horizon: each origin forecasts the month or quarter containing it. */
  public PeriodLength horizon() {
    return horizon;
  }

  /** Whether revenue won in the period before the origin is part of forecast and actual. */
  public boolean includeWonSoFar() {
    return includeWonSoFar;
  }

  /** The listener that hears (done, total) once per origin. */
  public ProgressListener progress() {
    return progress;
  }

  /**
   * Builds a plan. Exactly one of {@link #origins}, {@link #monthly} and {@link #weekly} is
   * required; {@link #horizon} defaults to {@link PeriodLength#MONTH}, {@link #includeWonSoFar} to
   * true, {@link #progress} to none. Every setting may be set once: a second set throws {@link
   * ConfigurationException}. Not thread-safe.
   */
  public static final class Builder {
    private List<LocalDate> origins;
    private PeriodLength horizon;
    private Boolean includeWonSoFar;
    private ProgressListener progress;

    private Builder() {}

    /**
     * Origins at any days.
     *
     * @param origins at least one day, no nulls
     * @return this builder
     * @throws ValidationException if the list is empty or holds a null
     * @throws ConfigurationException if origins were already set
     */
    public Builder origins(List<LocalDate> origins) {
      once(this.origins, "origins");
      // why: List.of(...).contains(null) throws, so look for a null by hand
      boolean hasNull = false;
      if (origins != null) {
        for (LocalDate d : origins) {
          hasNull |= d == null;
        }
      }
      if (origins == null || origins.isEmpty() || hasNull) {
        throw new ValidationException(
            FieldProblem.of("origins", origins, "must hold at least one day and no null"));
      }
      this.origins = List.copyOf(origins);
      return this;
    }

    /**
     * Every first of a month in {@code [from, to]}.
     *
     * @throws ValidationException if a day is null, {@code to} is before {@code from}, or the range
     *     holds no first of a month
     * @throws ConfigurationException if origins were already set
     */
    public Builder monthly(LocalDate from, LocalDate to) {
      range(from, to);
      List<LocalDate> days = new ArrayList<>();
      LocalDate d = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
      for (; !d.isAfter(to); d = d.plusMonths(1)) {
        days.add(d);
      }
      if (days.isEmpty()) {
        throw new ValidationException(
            FieldProblem.of("to", to, "leaves no first of a month after from " + from));
      }
      return origins(days);
    }

    /**
     * Every {@code day} of the week in {@code [from, to]}.
     *
     * @throws ValidationException if an argument is null, {@code to} is before {@code from}, or the
     *     range holds no such day
     * @throws ConfigurationException if origins were already set
     */
    public Builder weekly(LocalDate from, LocalDate to, DayOfWeek day) {
      range(from, to);
      if (day == null) {
        throw new ValidationException(FieldProblem.of("day", null, "must not be null"));
      }
      List<LocalDate> days = new ArrayList<>();
      LocalDate d = from.plusDays(((day.getValue() - from.getDayOfWeek().getValue()) + 7) % 7);
      for (; !d.isAfter(to); d = d.plusWeeks(1)) {
        days.add(d);
      }
      if (days.isEmpty()) {
        throw new ValidationException(
            FieldProblem.of("to", to, "leaves no " + day + " after from " + from));
      }
      return origins(days);
    }

    private void range(LocalDate from, LocalDate to) {
      once(this.origins, "origins");
      if (from == null || to == null) {
        throw new ValidationException(
            FieldProblem.of(from == null ? "from" : "to", null, "must not be null"));
      }
      if (to.isBefore(from)) {
        throw new ValidationException(FieldProblem.of("to", to, "must not be before from " + from));
      }
    }

    /**
     * The period each origin forecasts: the month or quarter containing it. Default MONTH.
     *
     * @throws ValidationException if null
     * @throws ConfigurationException if already set
     */
    public Builder horizon(PeriodLength horizon) {
      once(this.horizon, "horizon");
      if (horizon == null) {
        throw new ValidationException(FieldProblem.of("horizon", null, "must not be null"));
      }
      this.horizon = horizon;
      return this;
    }

    /**
     * Whether revenue won before the origin is part of forecast and actual. Default true.
     *
     * @throws ConfigurationException if already set
     */
    public Builder includeWonSoFar(boolean include) {
      once(this.includeWonSoFar, "includeWonSoFar");
      this.includeWonSoFar = include;
      return this;
    }

    /**
     * Hears (done, total) once per origin. Default none.
     *
     * @throws ValidationException if null
     * @throws ConfigurationException if already set
     */
    public Builder progress(ProgressListener progress) {
      once(this.progress, "progress");
      if (progress == null) {
        throw new ValidationException(FieldProblem.of("progress", null, "must not be null"));
      }
      this.progress = progress;
      return this;
    }

    /**
     * The plan.
     *
     * @throws ConfigurationException if no origins were set
     */
    public BacktestPlan build() {
      if (origins == null) {
        throw new ConfigurationException(
            "origins are required: set origins(...), monthly(...) or weekly(...)");
      }
      return new BacktestPlan(this);
    }

    private static void once(Object current, String field) {
      if (current != null) {
        throw new ConfigurationException(field + " was already set to " + current);
      }
    }
  }
}
