package org.salespipeline.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.salespipeline.core.ConfigurationException;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * A what-if over a base {@link Forecaster}: change win rates, slip close dates, remove or add
 * deals, then {@link #apply()} to get a new forecaster; the base is never changed. Probabilities of
 * kept deals follow the base forecaster (its model), scaled by the win-rate change; added deals use
 * the probability they are given. The base forecaster's run-rate ({@link
 * Forecaster#runRate(ForecastPeriod)}) is kept unchanged: a scenario edits the existing pipeline,
 * not the deals still to be created. Not thread-safe while being set up; the result is immutable.
 */
public final class Scenario {
  /** The largest slip, in days either way, of one deal or of all (about 10,000 years). */
  public static final int MAX_SLIP_DAYS = 3_652_425;

  private final Forecaster base;
  private double winRateFactor = 1;
  private Double winRateChange;
  private int slipAllDays;
  private final Map<String, Integer> slips = new HashMap<>();
  private final Set<String> removed = new HashSet<>();
  private final List<Consumer<PipelineSnapshot.Builder>> additions = new ArrayList<>();

  private Scenario(Forecaster base) {
    this.base = base;
  }

  /** A scenario starting from the base forecaster. */
  public static Scenario of(Forecaster base) {
    return new Scenario(base);
  }

  /**
   * Raises (or with a negative value lowers) every open deal's win probability by a relative
   * change, capped to [0, 1]: {@code 0.1} means +10%.
   *
   * @throws ValidationException if below -1 or not finite
   * @throws ConfigurationException if the change was already set (it is one setting, not a sum)
   */
  public Scenario winRateChange(double relative) {
    if (!(relative >= -1) || Double.isInfinite(relative)) {
      throw new ValidationException(FieldProblem.of("relative", relative, "must be >= -1"));
    }
    if (winRateChange != null) {
      throw new ConfigurationException("winRateChange was already set to " + winRateChange);
    }
    this.winRateChange = relative;
    this.winRateFactor = 1 + relative;
    return this;
  }

  /**
   * Moves one open deal's expected close date by the given days (positive = later); repeated calls
   * add up.
   *
   * @throws ValidationException if the deal id is null, or the deal's total slip would leave
   *     [-{@value #MAX_SLIP_DAYS}, {@value #MAX_SLIP_DAYS}] days (about 10,000 years); the scenario
   *     is then unchanged
   */
  public Scenario slip(String dealId, int days) {
    if (dealId == null) {
      throw new ValidationException(FieldProblem.of("dealId", null, "must not be null"));
    }
    slips.put(dealId, checkedSlip(slips.getOrDefault(dealId, 0), days));
    return this;
  }

  /**
   * Moves every open deal's expected close date by the given days; repeated calls add up.
   *
   * @throws ValidationException if the total slip would leave [-{@value #MAX_SLIP_DAYS}, {@value
   *     #MAX_SLIP_DAYS}] days; the scenario is then unchanged
   */
  public Scenario slipAll(int days) {
    this.slipAllDays = checkedSlip(slipAllDays, days);
    return this;
  }

  private static int checkedSlip(int sofar, int days) {
    long total = (long) sofar + days;
    if (Math.abs(total) > MAX_SLIP_DAYS) {
      throw new ValidationException(
          FieldProblem.of(
              "days",
              days,
              "would slip by "
                  + total
                  + " days in all; at most "
                  + MAX_SLIP_DAYS
                  + " days either way"));
    }
    return (int) total;
  }

  /** Removes a deal. */
  public Scenario remove(String dealId) {
    removed.add(dealId);
    return this;
  }

  /** Adds deals through the snapshot builder, for example {@code b -> b.deal("x")...add()}. */
  public Scenario add(Consumer<PipelineSnapshot.Builder> addition) {
    additions.add(addition);
    return this;
  }

  /** The forecaster of the scenario. */
  public Forecaster apply() {
    PipelineSnapshot s = base.snapshot();
    Map<String, Double> p = new HashMap<>();
    for (int i = 0; i < s.size(); i++) {
      double q = base.probability(i);
      p.put(s.id(i), i < s.openCount() ? Math.min(1, q * winRateFactor) : q);
    }
    PipelineSnapshot edited =
        s.with(
            b -> {
              for (int i = 0; i < s.openCount(); i++) {
                int days = slipAllDays + slips.getOrDefault(s.id(i), 0);
                if (days != 0) {
                  b.row(s.id(i)).closeDate(slipped(s.id(i), s.closeDay(i), days)).add();
                }
              }
              for (String id : removed) {
                b.remove(id);
              }
              for (Consumer<PipelineSnapshot.Builder> a : additions) {
                a.accept(b);
              }
            });
    double[] probabilities = new double[edited.size()];
    for (int i = 0; i < edited.size(); i++) {
      Double q = p.get(edited.id(i));
      probabilities[i] = q != null ? q : edited.probability(i);
    }
    return Forecaster.of(edited).withProbabilities(probabilities).withRunRateOf(base);
  }

  /**
   * The slipped close date, or a validation error if it leaves the epoch days a snapshot can hold
   * (an int; every such day is a valid LocalDate).
   */
  private static LocalDate slipped(String id, int closeDay, int days) {
    long day = (long) closeDay + days;
    if (day != (int) day) {
      throw new ValidationException(
          FieldProblem.of("days", days, "moves the close date of " + id + " out of range"));
    }
    return LocalDate.ofEpochDay(day);
  }
}
