package org.salespipeline.forecast.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;
import org.salespipeline.forecast.PipelineSnapshot;

/**
 * Time decay: a discrete-time competing-risks life table (won, lost) by deal age, stratified by
 * stage. Ages are cut into intervals of {@code intervalDays}; in stratum k the hazards are {@code
 * h_w(j) = won_j / atRisk_j}, {@code h_l(j) = lost_j / atRisk_j}, survival {@code S(j) = prod_{i<j}
 * (1 - h_w(i) - h_l(i))} and cumulative incidence {@code CIF_w(j) = sum_{i<j} S(i) h_w(i)}
 * (Kalbfleisch and Prentice, The Statistical Analysis of Failure Time Data, 2nd ed., ch. 8). An
 * open deal in stage k of age a wins within the horizon H with {@code (CIF_w(a + H) - CIF_w(a)) /
 * S(a)}: the in-period probability a period forecast needs.
 *
 * <p>Fitting data are spells: a deal enters a stage's stratum at the age it entered that stage
 * (left truncation) and leaves it when the deal closes (won or lost) or when the history ends
 * (censored). Each stage is further split by the close-date push count (0, 1, 2 or more) when the
 * spells carry it; a deal is predicted from its stage and push-count stratum when that stratum has
 * deals at risk at its age, else from its stage over all push counts. A deal of an age no spell of
 * its stage reached keeps the snapshot's probability, as does a deal in a stage without spells. Not
 * stratified by time in stage (deferred).
 *
 * <p>Immutable and thread-safe.
 */
public final class SurvivalModel implements ProbabilityModel {
  /** How a spell ended. */
  public enum Outcome {
    /** The deal was won. */
    WON,
    /** The deal was lost or disqualified. */
    LOST,
    /** Still open when the history ends. */
    CENSORED
  }

  private final List<String> stages;
  private final int interval;
  private final int horizonDays;

  /** Push-count strata: 0, 1, and 2 or more pushes. */
  static final int PUSH_STRATA = 3;

  // rows 0..t-1: stage over all push counts; row t + k * 3 + b: stage k with push bucket b
  private final double[][] survival;
  private final double[][] cifWon;
  private final long[][] atRisk;

  private SurvivalModel(
      List<String> stages,
      int interval,
      int horizonDays,
      double[][] survival,
      double[][] cifWon,
      long[][] atRisk) {
    this.stages = stages;
    this.interval = interval;
    this.horizonDays = horizonDays;
    this.survival = survival;
    this.cifWon = cifWon;
    this.atRisk = atRisk;
  }

  /**
   * A builder.
   *
   * @param stages the stages (strata), distinct
   * @param intervalDays the width of an age interval in days, at least 1 (7 or 30 are usual)
   * @param horizonDays the forecast horizon in days, not negative
   */
  public static Builder builder(List<String> stages, int intervalDays, int horizonDays) {
    return new Builder(stages, intervalDays, horizonDays);
  }

  /** The same life table with another horizon in days (for example to the end of a period). */
  public SurvivalModel withHorizon(int days) {
    if (days < 0) {
      throw new ValidationException(FieldProblem.of("horizonDays", days, "must not be negative"));
    }
    return new SurvivalModel(stages, interval, days, survival, cifWon, atRisk);
  }

  /**
   * The probability that a deal in the stage at the given age wins within the horizon, or NaN when
   * the history has no deal of that stage at that age (callers of the model never see NaN: they get
   * the snapshot's probability instead).
   */
  public double winWithinHorizon(int stage, int ageDays) {
    return fromTable(stage, ageDays);
  }

  /**
   * As {@link #winWithinHorizon(int, int)} from the stage and push-count stratum, falling back to
   * the stage over all push counts when the stratum has no deal at risk at that age.
   */
  public double winWithinHorizon(int stage, int pushCount, int ageDays) {
    if (stage < 0 || stage >= stages.size()) {
      return Double.NaN;
    }
    int row = stages.size() + stage * PUSH_STRATA + Math.min(Math.max(pushCount, 0), 2);
    double p = fromTable(row, ageDays);
    return Double.isNaN(p) ? fromTable(stage, ageDays) : p;
  }

  private double fromTable(int row, int ageDays) {
    int j = ageDays / interval;
    if (row < 0 || row >= survival.length || j >= atRisk[row].length || atRisk[row][j] == 0) {
      return Double.NaN;
    }
    double[] s = survival[row];
    double[] c = cifWon[row];
    double sj = s[j];
    if (sj <= 0) {
      return Double.NaN;
    }
    int end = Math.min(c.length - 1, (ageDays + horizonDays) / interval);
    double p = (c[end] - c[j]) / sj;
    return Math.min(1, Math.max(0, p));
  }

  @Override
  public double[] probabilities(PipelineSnapshot s) {
    int[] map = new int[s.stageNames().size()];
    for (int k = 0; k < map.length; k++) {
      map[k] = stages.indexOf(s.stageNames().get(k));
    }
    double[] p = new double[s.size()];
    for (int i = 0; i < s.openCount(); i++) {
      double v = winWithinHorizon(map[s.stage(i)], s.pushCount(i), s.ageDays(i));
      p[i] = Double.isNaN(v) ? s.probability(i) : v;
    }
    for (int i = s.openCount(); i < p.length; i++) {
      p[i] = s.status(i) == DealStatus.WON ? 1 : 0;
    }
    return p;
  }

  @Override
  public String name() {
    return "survival-" + horizonDays + "d";
  }

  /** Collects spells. Not thread-safe. */
  public static final class Builder {
    private final List<String> stages;
    private final Map<String, Integer> index = new HashMap<>();
    private final int interval;
    private final int horizon;
    private final List<List<int[]>> spells = new ArrayList<>();

    private Builder(List<String> stages, int interval, int horizon) {
      if (interval < 1) {
        throw new ValidationException(FieldProblem.of("intervalDays", interval, "must be >= 1"));
      }
      if (horizon < 0) {
        throw new ValidationException(FieldProblem.of("horizonDays", horizon, "must be >= 0"));
      }
      this.stages = List.copyOf(stages);
      for (int k = 0; k < this.stages.size(); k++) {
        if (index.put(this.stages.get(k), k) != null) {
          throw new ValidationException(FieldProblem.of("stages", this.stages.get(k), "repeated"));
        }
        spells.add(new ArrayList<>());
      }
      for (int k = 0; k < this.stages.size() * PUSH_STRATA; k++) {
        spells.add(new ArrayList<>());
      }
      this.interval = interval;
      this.horizon = horizon;
    }

    /**
     * One spell of a deal in a stage.
     *
     * @param stage a declared stage
     * @param entryAgeDays the deal's age when it entered the stage, not negative
     * @param exitAgeDays its age at close or at the end of the history, at least the entry age
     * @param outcome how the spell ended
     */
    public Builder spell(String stage, int entryAgeDays, int exitAgeDays, Outcome outcome) {
      return spell(stage, -1, entryAgeDays, exitAgeDays, outcome);
    }

    /**
     * One spell of a deal in a stage, with the deal's close-date push count (at entry).
     *
     * @param pushCount pushes so far, or -1 when unknown (then only the stage table counts it)
     * @see #spell(String, int, int, Outcome)
     */
    public Builder spell(
        String stage, int pushCount, int entryAgeDays, int exitAgeDays, Outcome outcome) {
      Integer k = index.get(stage);
      if (k == null) {
        throw new ValidationException(FieldProblem.of("stage", stage, "is not declared"));
      }
      if (entryAgeDays < 0 || exitAgeDays < entryAgeDays) {
        throw new ValidationException(
            FieldProblem.of("exitAgeDays", exitAgeDays, "must be >= entry age " + entryAgeDays));
      }
      int[] spell = {entryAgeDays / interval, exitAgeDays / interval, outcome.ordinal()};
      spells.get(k).add(spell);
      if (pushCount >= 0) {
        spells.get(stages.size() + k * PUSH_STRATA + Math.min(pushCount, 2)).add(spell);
      }
      return this;
    }

    /** Builds the life tables. */
    public SurvivalModel build() {
      int t = spells.size();
      double[][] surv = new double[t][];
      double[][] cif = new double[t][];
      long[][] risk = new long[t][];
      for (int k = 0; k < t; k++) {
        int max = 0;
        for (int[] sp : spells.get(k)) {
          max = Math.max(max, sp[1] + 1);
        }
        long[] enter = new long[max + 1];
        long[] leave = new long[max + 1];
        long[] won = new long[max + 1];
        long[] lost = new long[max + 1];
        for (int[] sp : spells.get(k)) {
          enter[sp[0]]++;
          leave[sp[1]]++;
          if (sp[2] == Outcome.WON.ordinal()) {
            won[sp[1]]++;
          } else if (sp[2] == Outcome.LOST.ordinal()) {
            lost[sp[1]]++;
          }
        }
        long[] r = new long[max];
        double[] s = new double[max + 1];
        double[] c = new double[max + 1];
        s[0] = 1;
        long current = 0;
        for (int j = 0; j < max; j++) {
          current += enter[j];
          r[j] = current;
          double hw = current > 0 ? (double) won[j] / current : 0;
          double hl = current > 0 ? (double) lost[j] / current : 0;
          c[j + 1] = c[j] + s[j] * hw;
          s[j + 1] = Math.max(0, s[j] * (1 - hw - hl));
          current -= leave[j];
        }
        surv[k] = s;
        cif[k] = c;
        risk[k] = r;
      }
      return new SurvivalModel(stages, interval, horizon, surv, cif, risk);
    }
  }
}
