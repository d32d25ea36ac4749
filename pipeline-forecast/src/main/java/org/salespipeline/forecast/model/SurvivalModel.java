package org.salespipeline.forecast.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.salespipeline.core.ConfigurationException;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;
import org.salespipeline.forecast.PipelineSnapshot;

/**
 * Time decay: the probability that an open deal wins within the horizon, from its stage, its time
 * in that stage and its close-date push count, by a discrete-time semi-Markov model of the stages.
 *
 * <p><b>Fitting data.</b> One spell per stage visit: the deal enters stage k and leaves it after
 * {@code D} whole days by moving on to another open stage m (a competing exit "moved to m"), by
 * being won, by being lost, or it is censored at the end of the history. For every stage a
 * discrete-time competing-risks life table by time in stage is kept (Kalbfleisch and Prentice, The
 * Statistical Analysis of Failure Time Data, 2nd ed., ch. 8): days in stage are cut into intervals
 * of {@code intervalDays}; a visit is at risk in the intervals from its entry to its exit (censored
 * visits count as at risk in their last interval) and in interval j the probability of leaving by
 * cause c is {@code q_c(j) = exits_c(j) / atRisk(j)}, with {@code S(j+1) = S(j) (1 - sum_c
 * q_c(j))}. Within an interval exits are spread evenly over its days (the actuarial uniform
 * distribution of deaths, Bowers et al., Actuarial Mathematics, 2nd ed., section 3.6): the chance
 * to leave by cause c on day t of the stay is {@code f_c(t) = S(j) q_c(j) / intervalDays}, {@code j
 * = t / intervalDays}, and the chance to still be in the stage at the start of day t is {@code S(t)
 * = S(j) (1 - q(j) (t - j intervalDays) / intervalDays)}. Beyond the last interval any visit
 * reached, nothing more happens (the tail is not extrapolated).
 *
 * <p><b>Winning later through other stages.</b> The exit tables and the observed moves form a
 * semi-Markov chain (a multi-state model: Putter, Fiocco and Geskus, Competing risks and
 * multi-state models, Statistics in Medicine 26, 2007; Barbu and Limnios, Semi-Markov Chains and
 * Hidden Semi-Markov Models toward Applications, Springer 2008, ch. 3, the Markov renewal
 * equation). With {@code W_m(r)} the probability that a deal entering stage m wins within r days,
 * {@code W_m(0) = 0} and
 *
 * <pre>{@code
 * W_m(r) = sum_{t < r} [ f_won,m(t) + sum_n f_m->n(t) W_n(r - t - 1) ]
 * }</pre>
 *
 * <p>(a move costs one day: the next stage starts the day after; this keeps the recursion well
 * founded when deals hop through several stages on the same day and makes the model slightly
 * conservative for such hops). An open deal in stage k with d days in the stage wins within the
 * horizon H with
 *
 * <pre>{@code
 * P = sum_{d <= t < d + H} [ f_won,k(t) + sum_n f_k->n(t) W_n(H - (t - d) - 1) ] / S_k(d)
 * }</pre>
 *
 * <p>which is in [0, 1] and non-decreasing in H. A horizon of H days counts the as-of day and the H
 * - 1 days after it. This answers the in-period question a period forecast needs, and it no longer
 * charges a stage for wins that happened in later stages: a visit ends when the deal leaves the
 * stage.
 *
 * <p><b>Strata and fallback.</b> The current stage's exits are further split by the close-date push
 * count (0, 1, 2 or more) as a time-varying stratum: a visit is in the push stratum of its push
 * count at each day, and a push is a transition to the next stratum (which the visit enters, left
 * truncated, that day), not the end of the deal's chance: in the recursion above a push on day t of
 * stratum b adds {@code f_push,b(t) P_b+1(t + 1)}, the chance to win from the next day on in
 * stratum b + 1 (a push costs a day, as a move does; the 2+ stratum has no push exit). A stratum
 * answers on the days where it has at least {@code minAtRisk} visits at risk in the time-in-stage
 * interval (default {@value #DEFAULT_MIN_AT_RISK}); from a day where it has fewer, the deal
 * continues on its stage's table over all push counts. That stage table answers on every day once
 * any interval had {@code minAtRisk} visits at risk: after the last such interval its hazards are
 * those pooled over that interval and all later ones (the stage's tail carried forward), so a deal
 * older than any observed one still gets an in-period probability, never an eventual-win one. A
 * stage with fewer than {@code minAtRisk} visits in all, or one unknown to the model, is predicted
 * by the same rule from the visits of every stage pooled (no push strata); only when that pool too
 * has fewer than {@code minAtRisk} visits is there no answer, and the deal keeps the snapshot's
 * probability. Later stages, whose push count is not known yet, use their stage tables over all
 * push counts. Deal age is not a stratum of its own: for the first stage of a deal the time in
 * stage is its age.
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
    /** Still open in the stage when the history ends. */
    CENSORED,
    /** The deal moved on to another stage (see {@link Builder#visit}). */
    MOVED
  }

  /** The default least number of visits at risk for a stratum to answer. */
  public static final int DEFAULT_MIN_AT_RISK = 5;

  /** The longest horizon in days: about a hundred years (the recursion keeps a day grid). */
  public static final int MAX_HORIZON_DAYS = 36_525;

  /** Push-count strata: 0, 1, and 2 or more pushes. */
  static final int PUSH_STRATA = 3;

  private final List<String> stages;
  private final int interval;
  private final int horizonDays;
  private final int minAtRisk;
  // rows 0..t-1: stage over all push counts; row t + k * 3 + b: stage k with push bucket b;
  // the last row: every stage pooled
  private final Table[] tables;
  // w[m][r]: probability that a deal entering stage m wins within r days, r = 0..horizonDays
  private final double[][] w;

  private SurvivalModel(
      List<String> stages, int interval, int horizonDays, int minAtRisk, Table[] tables) {
    this.stages = stages;
    this.interval = interval;
    this.horizonDays = horizonDays;
    this.minAtRisk = minAtRisk;
    this.tables = tables;
    this.w = renewal(stages.size(), tables, horizonDays);
  }

  /**
   * A builder.
   *
   * @param stages the stages (strata), distinct
   * @param intervalDays the width of a time-in-stage interval in days, at least 1 (7 or 30 are
   *     usual)
   * @param horizonDays the forecast horizon in days, from 0 to {@value #MAX_HORIZON_DAYS}
   */
  public static Builder builder(List<String> stages, int intervalDays, int horizonDays) {
    return new Builder(stages, intervalDays, horizonDays);
  }

  /**
   * The same life tables with another horizon in days (for example to the end of a period).
   *
   * @param days from 0 to {@value #MAX_HORIZON_DAYS}
   */
  public SurvivalModel withHorizon(int days) {
    if (days < 0 || days > MAX_HORIZON_DAYS) {
      throw new ValidationException(
          FieldProblem.of("horizonDays", days, "must be in [0, " + MAX_HORIZON_DAYS + "]"));
    }
    return new SurvivalModel(stages, interval, days, minAtRisk, tables);
  }

  /** The horizon in days. */
  public int horizonDays() {
    return horizonDays;
  }

  /** The stages, in the order of the indices the methods take. */
  public List<String> stages() {
    return stages;
  }

  /**
   * The probability that a deal in the stage, with the push count and days in the stage, wins
   * within the horizon; empty when there is too little data (see the class comment for the fallback
   * rule: stage and push stratum, then stage, then all stages pooled, then empty).
   *
   * @param stage the stage's index in {@link #stages()}, or -1 for a stage the model does not know
   *     (all stages pooled answer); any other value gives empty
   * @param pushCount the close-date push count, negative when unknown (then the stage answers)
   * @param daysInStage days since the deal entered the stage; negative gives empty
   * @return a probability in [0, 1], or empty
   */
  public OptionalDouble winProbability(int stage, int pushCount, int daysInStage) {
    if (stage < -1 || stage >= stages.size() || daysInStage < 0) {
      return OptionalDouble.empty();
    }
    boolean own = stage >= 0 && tables[stage].answers();
    Table pool = own ? tables[stage] : tables[tables.length - 1];
    if (!pool.answers()) {
      return OptionalDouble.empty();
    }
    if ((long) daysInStage + horizonDays >= Integer.MAX_VALUE) {
      return OptionalDouble.empty();
    }
    int e = daysInStage + horizonDays;
    double[] p = chance(pool, daysInStage, e, w, null, null, minAtRisk);
    if (pushCount >= 0 && own) {
      // why: the strata are solved from the last (2+ pushes) back, since a push leads there
      double[] pushed = null;
      for (int b = PUSH_STRATA - 1; b >= Math.min(pushCount, PUSH_STRATA - 1); b--) {
        Table t = tables[stages.size() + stage * PUSH_STRATA + b];
        pushed = chance(t, daysInStage, e, w, pushed, p, minAtRisk);
      }
      return OptionalDouble.of(pushed[0]);
    }
    return OptionalDouble.of(p[0]);
  }

  /**
   * As {@link #winProbability(int, int, int)} without a push count, reading the age as the days in
   * the stage (they agree for a deal still in the stage it was created in), or NaN when there is
   * too little data. Kept for callers of the age-based model; prefer {@link #winProbability}.
   */
  public double winWithinHorizon(int stage, int ageDays) {
    return winProbability(stage, -1, ageDays).orElse(Double.NaN);
  }

  /**
   * As {@link #winProbability(int, int, int)}, reading the age as the days in the stage, or NaN
   * when there is too little data. Kept for callers of the age-based model; prefer {@link
   * #winProbability}.
   */
  public double winWithinHorizon(int stage, int pushCount, int ageDays) {
    return winProbability(stage, pushCount, ageDays).orElse(Double.NaN);
  }

  /**
   * {@code p[u - d]} for u in [d, e]: the probability that a deal in the table's stratum at the
   * start of day u of its stay wins before day e of it ({@code p[e - d] = 0}), by the daily hazards
   * of the uniform spread within an interval: on day u of interval j a deal still there leaves by
   * cause c with {@code q_c(j) / (width - q(j) (u - j width))}. A move to stage m continues with
   * {@code W_m} from the next day; a push (when {@code pushed} is given) continues on the next
   * stratum from the next day; on a day where the table has fewer than {@code minAtRisk} at risk
   * (when {@code handover} is given) the deal continues on the handover's table.
   */
  private static double[] chance(
      Table t, int d, int e, double[][] w, double[] pushed, double[] handover, int minAtRisk) {
    int width = t.interval;
    double[] p = new double[e - d + 1];
    for (int u = e - 1; u >= d; u--) {
      int i = u - d;
      int j = u / width;
      if (handover != null && t.atRisk(j) < minAtRisk) {
        p[i] = handover[i];
        continue;
      }
      double all = t.all(j);
      double den = width - all * (u - (long) j * width);
      double v = t.won(j);
      double[] moves = t.move(j);
      if (moves != null) {
        int rest = e - u - 1;
        for (int m = 0; m < moves.length; m++) {
          v += moves[m] * w[m][rest];
        }
      }
      if (pushed != null) {
        v += t.push(j) * pushed[i + 1];
      }
      p[i] = Math.min(1, Math.max(0, v / den + (1 - all / den) * p[i + 1]));
    }
    return p;
  }

  /**
   * The Markov renewal recursion for W_m(r), r = 0..h, from the stage tables: W_m(r) is the chance
   * of {@link #chance} from day 0 to day r of a stay in m, computed here without the arrays.
   */
  private static double[][] renewal(int stageCount, Table[] tables, int h) {
    double[][] w = new double[stageCount][h + 1];
    for (int r = 1; r <= h; r++) {
      for (int m = 0; m < stageCount; m++) {
        Table t = tables[m];
        int width = t.interval;
        // why: without a tail nothing happens after the last interval any visit reached
        int last = (int) Math.min(r, t.answers() ? r : (long) t.bins() * width);
        double p = 0;
        for (int u = last - 1; u >= 0; u--) {
          int j = u / width;
          double all = t.all(j);
          double den = width - all * (u - (long) j * width);
          double v = t.won(j);
          double[] moves = t.move(j);
          if (moves != null) {
            int rest = r - u - 1;
            for (int n = 0; n < moves.length; n++) {
              v += moves[n] * w[n][rest];
            }
          }
          p = Math.min(1, Math.max(0, v / den + (1 - all / den) * p));
        }
        w[m][r] = p;
      }
    }
    return w;
  }

  /**
   * Each open row's probability of winning within the horizon, from its stage, push count and days
   * in stage (see {@link #winProbability}); closed rows and rows the fallback rule cannot answer
   * keep the snapshot's probability. The days in stage and push count come from the snapshot: a
   * snapshot built without them (the columnar {@code DealSnapshots.fromOpenDeals}, or a row builder
   * that sets only the age) has them at 0, so its deals are scored as if they had just entered
   * their stage with no push; build such snapshots from the history ({@code
   * DealSnapshots.fromHistory}) or the deals when the time in stage matters.
   */
  @Override
  public double[] probabilities(PipelineSnapshot s) {
    int[] map = new int[s.stageNames().size()];
    for (int k = 0; k < map.length; k++) {
      map[k] = stages.indexOf(s.stageNames().get(k));
    }
    double[] p = new double[s.size()];
    // why: many deals share stage, push stratum and days in stage; each answer costs O(horizon)
    Map<Long, OptionalDouble> seen = new HashMap<>();
    for (int i = 0; i < s.openCount(); i++) {
      int stage = map[s.stage(i)];
      int push = Math.min(s.pushCount(i), PUSH_STRATA - 1);
      int days = s.daysInStage(i);
      long key = (((long) stage * (PUSH_STRATA + 1) + push + 1) << 32) | (days & 0xffffffffL);
      p[i] =
          seen.computeIfAbsent(key, x -> winProbability(stage, push, days))
              .orElse(s.probability(i));
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

  /**
   * One stratum's life table by time-in-stage interval: per interval the probabilities to leave by
   * each cause given at risk. A stage table over all push counts carries its tail on: from the
   * interval after the last one with at least {@code minAtRisk} visits at risk, the hazards are
   * those pooled over that last interval and every later one.
   */
  private static final class Table {
    static final int NO_TAIL = Integer.MAX_VALUE;

    final int interval;
    final long[] atRisk;
    final double[] qWon;
    final double[] qAll;
    // qMove[j][m]: probability to move to stage m in interval j given at risk; null when none
    final double[][] qMove;
    // qPush[j]: probability of a close-date push in interval j (push strata only), else null
    final double[] qPush;
    final int tailFrom;
    final double tailWon;
    final double tailAll;
    final double[] tailMove;

    Table(
        int interval,
        long[] atRisk,
        double[] qWon,
        double[] qAll,
        double[][] qMove,
        double[] qPush,
        int tailFrom,
        double tailWon,
        double tailAll,
        double[] tailMove) {
      this.interval = interval;
      this.atRisk = atRisk;
      this.qWon = qWon;
      this.qAll = qAll;
      this.qMove = qMove;
      this.qPush = qPush;
      this.tailFrom = tailFrom;
      this.tailWon = tailWon;
      this.tailAll = tailAll;
      this.tailMove = tailMove;
    }

    int bins() {
      return atRisk.length;
    }

    /**
     * Whether the table answers at all: a stage table (or the pooled one) in which some interval
     * had enough visits at risk, so its tail carries on after the data. Push strata never do: they
     * hand over to their stage.
     */
    boolean answers() {
      return tailFrom != NO_TAIL;
    }

    long atRisk(int j) {
      return j < atRisk.length ? atRisk[j] : 0;
    }

    double won(int j) {
      return j >= tailFrom ? tailWon : j < qWon.length ? qWon[j] : 0;
    }

    double all(int j) {
      return j >= tailFrom ? tailAll : j < qAll.length ? qAll[j] : 0;
    }

    double[] move(int j) {
      return j >= tailFrom ? tailMove : j < qMove.length ? qMove[j] : null;
    }

    double push(int j) {
      return qPush == null || j >= qPush.length ? 0 : qPush[j];
    }
  }

  /**
   * Collects spells. Not thread-safe. Required: the stages, the interval and the horizon (given to
   * {@link SurvivalModel#builder}). Defaults: {@code minAtRisk} {@value
   * SurvivalModel#DEFAULT_MIN_AT_RISK}, set at most once. Visits and spells are added repeatedly.
   */
  public static final class Builder {
    private final List<String> stages;
    private final Map<String, Integer> index = new HashMap<>();
    private final int interval;
    private final int horizon;
    // why: a push ends a visit's time in one push stratum; not an outcome callers give
    private static final int PUSHED = Outcome.values().length;
    private int minAtRisk = DEFAULT_MIN_AT_RISK;
    private boolean minAtRiskSet;
    // per row: {entryBin, exitBin, outcome ordinal, target stage or -1}
    private final List<List<int[]>> spells = new ArrayList<>();

    private Builder(List<String> stages, int interval, int horizon) {
      if (interval < 1) {
        throw new ValidationException(FieldProblem.of("intervalDays", interval, "must be >= 1"));
      }
      if (horizon < 0 || horizon > MAX_HORIZON_DAYS) {
        throw new ValidationException(
            FieldProblem.of("horizonDays", horizon, "must be in [0, " + MAX_HORIZON_DAYS + "]"));
      }
      this.stages = List.copyOf(stages);
      for (int k = 0; k < this.stages.size(); k++) {
        if (index.put(this.stages.get(k), k) != null) {
          throw new ValidationException(FieldProblem.of("stages", this.stages.get(k), "repeated"));
        }
      }
      for (int k = 0; k < this.stages.size() * (1 + PUSH_STRATA); k++) {
        spells.add(new ArrayList<>());
      }
      this.interval = interval;
      this.horizon = horizon;
    }

    /**
     * The least number of visits at risk in a deal's time-in-stage interval for a stratum to answer
     * (default {@value SurvivalModel#DEFAULT_MIN_AT_RISK}).
     *
     * @param n at least 1
     * @throws ConfigurationException if it was already set
     */
    public Builder minAtRisk(int n) {
      if (n < 1) {
        throw new ValidationException(FieldProblem.of("minAtRisk", n, "must be >= 1"));
      }
      if (minAtRiskSet) {
        throw new ConfigurationException("minAtRisk was already set to " + minAtRisk);
      }
      this.minAtRisk = n;
      this.minAtRiskSet = true;
      return this;
    }

    /**
     * One visit of a stage that ended won, lost or censored, given by the deal's ages; only the
     * days in the stage ({@code exitAgeDays - entryAgeDays}) count.
     *
     * @param stage a declared stage
     * @param entryAgeDays the deal's age when it entered the stage, not negative
     * @param exitAgeDays its age when it left the stage or at the end of the history, at least the
     *     entry age
     * @param outcome how the spell ended: WON, LOST or CENSORED (a move needs {@link #visit})
     */
    public Builder spell(String stage, int entryAgeDays, int exitAgeDays, Outcome outcome) {
      return spell(stage, -1, entryAgeDays, exitAgeDays, outcome);
    }

    /**
     * One visit of a stage, with the deal's close-date push count during the visit.
     *
     * @param pushCount pushes, or -1 when unknown (then only the stage table counts it)
     * @see #spell(String, int, int, Outcome)
     */
    public Builder spell(
        String stage, int pushCount, int entryAgeDays, int exitAgeDays, Outcome outcome) {
      if (entryAgeDays < 0 || exitAgeDays < entryAgeDays) {
        throw new ValidationException(
            FieldProblem.of("exitAgeDays", exitAgeDays, "must be >= entry age " + entryAgeDays));
      }
      return visit(stage, exitAgeDays - entryAgeDays, outcome, null, pushCount);
    }

    /**
     * One visit of a stage.
     *
     * @param stage a declared stage
     * @param days whole days from entering the stage to leaving it (or to the end of the history
     *     when censored), not negative
     * @param outcome how the visit ended
     * @param movedTo the declared stage the deal moved to when the outcome is {@link Outcome#MOVED}
     *     (not the visited stage), else null
     * @param pushCountAtEntry the close-date push count when the deal entered the stage, or -1 when
     *     unknown (then only the stage table counts the visit)
     * @param pushDays the days in the stage (ascending, within {@code [0, days]}) on which the
     *     close date was pushed during the visit, one entry per push
     * @throws ValidationException naming the bad argument
     */
    public Builder visit(
        String stage,
        int days,
        Outcome outcome,
        String movedTo,
        int pushCountAtEntry,
        int... pushDays) {
      Integer k = index.get(stage);
      if (k == null) {
        throw new ValidationException(FieldProblem.of("stage", stage, "is not declared"));
      }
      if (days < 0) {
        throw new ValidationException(FieldProblem.of("days", days, "must not be negative"));
      }
      if (outcome == null) {
        throw new ValidationException(FieldProblem.of("outcome", null, "is required"));
      }
      int target = -1;
      if (outcome == Outcome.MOVED) {
        Integer m = movedTo == null ? null : index.get(movedTo);
        if (m == null || m.equals(k)) {
          throw new ValidationException(
              FieldProblem.of("movedTo", movedTo, "must be another declared stage"));
        }
        target = m;
      } else if (movedTo != null) {
        throw new ValidationException(
            FieldProblem.of("movedTo", movedTo, "must be null unless the outcome is MOVED"));
      }
      if (pushCountAtEntry < -1) {
        throw new ValidationException(
            FieldProblem.of("pushCountAtEntry", pushCountAtEntry, "must be >= -1"));
      }
      int[] pushes = pushDays == null ? new int[0] : pushDays.clone();
      int last = 0;
      for (int p : pushes) {
        if (p < last || p > days) {
          throw new ValidationException(
              FieldProblem.of(
                  "pushDays",
                  Arrays.toString(pushes),
                  "must be ascending within [0, " + days + "]"));
        }
        last = p;
      }
      if (pushCountAtEntry < 0 && pushes.length > 0) {
        throw new ValidationException(
            FieldProblem.of("pushCountAtEntry", pushCountAtEntry, "is needed with push days"));
      }
      int o = outcome.ordinal();
      spells.get(k).add(new int[] {0, days / interval, o, target});
      if (pushCountAtEntry >= 0) {
        // time-varying stratum: a push leaves one push bucket and enters the next that day
        int bucket = Math.min(pushCountAtEntry, 2);
        int start = 0;
        int count = pushCountAtEntry;
        int c = PUSHED;
        for (int p : pushes) {
          count++;
          int next = Math.min(count, 2);
          if (next != bucket) {
            row(k, bucket).add(new int[] {start / interval, p / interval, c, -1});
            bucket = next;
            start = p;
          }
        }
        row(k, bucket).add(new int[] {start / interval, days / interval, o, target});
      }
      return this;
    }

    private static long sum(long[] counts) {
      long n = 0;
      for (int i = 0; counts != null && i < counts.length; i++) {
        n += counts[i];
      }
      return n;
    }

    private static double[] rates(long[] counts, long atRisk) {
      if (counts == null) {
        return null;
      }
      double[] q = new double[counts.length];
      for (int i = 0; i < q.length; i++) {
        q[i] = (double) counts[i] / atRisk;
      }
      return q;
    }

    private List<int[]> row(int stage, int bucket) {
      return spells.get(stages.size() + stage * PUSH_STRATA + bucket);
    }

    /** Builds the life tables. */
    public SurvivalModel build() {
      int t = stages.size();
      // the last row pools the visits of every stage, for stages with too little data
      List<List<int[]>> rows = new ArrayList<>(spells);
      List<int[]> anyStage = new ArrayList<>();
      for (int k = 0; k < t; k++) {
        anyStage.addAll(spells.get(k));
      }
      rows.add(anyStage);
      Table[] tables = new Table[rows.size()];
      for (int k = 0; k < tables.length; k++) {
        // stage tables (and the pooled one) carry a tail; push strata hand over instead
        boolean stratum = k >= t && k < rows.size() - 1;
        int bins = 0;
        for (int[] sp : rows.get(k)) {
          bins = Math.max(bins, sp[1] + 1);
        }
        long[] enter = new long[bins];
        long[] leave = new long[bins];
        long[] won = new long[bins];
        long[] lost = new long[bins];
        long[] pushed = new long[bins];
        long[][] moved = new long[bins][];
        for (int[] sp : rows.get(k)) {
          enter[sp[0]]++;
          leave[sp[1]]++;
          if (sp[2] == Outcome.WON.ordinal()) {
            won[sp[1]]++;
          } else if (sp[2] == Outcome.LOST.ordinal()) {
            lost[sp[1]]++;
          } else if (sp[2] == PUSHED) {
            pushed[sp[1]]++;
          } else if (sp[2] == Outcome.MOVED.ordinal()) {
            if (moved[sp[1]] == null) {
              moved[sp[1]] = new long[t];
            }
            moved[sp[1]][sp[3]]++;
          }
        }
        long[] risk = new long[bins];
        long current = 0;
        for (int j = 0; j < bins; j++) {
          current += enter[j];
          risk[j] = current;
          current -= leave[j];
        }
        double[] qw = new double[bins];
        double[] qa = new double[bins];
        double[] qp = stratum ? new double[bins] : null;
        double[][] qm = new double[bins][];
        for (int j = 0; j < bins; j++) {
          if (risk[j] > 0) {
            qw[j] = (double) won[j] / risk[j];
            qa[j] = (double) (won[j] + lost[j] + pushed[j] + sum(moved[j])) / risk[j];
            qm[j] = rates(moved[j], risk[j]);
            if (qp != null) {
              qp[j] = (double) pushed[j] / risk[j];
            }
          }
        }
        int last = -1;
        for (int j = 0; j < bins; j++) {
          if (risk[j] >= minAtRisk) {
            last = j;
          }
        }
        if (stratum || last < 0) {
          tables[k] = new Table(interval, risk, qw, qa, qm, qp, Table.NO_TAIL, 0, 0, null);
          continue;
        }
        // the stage's tail: exits over the last interval with enough at risk and every later one
        long tailRisk = 0;
        long tailWon = 0;
        long tailExits = 0;
        long[] tailMoved = new long[t];
        for (int j = last; j < bins; j++) {
          tailRisk += risk[j];
          tailWon += won[j];
          tailExits += won[j] + lost[j] + sum(moved[j]);
          for (int m = 0; moved[j] != null && m < t; m++) {
            tailMoved[m] += moved[j][m];
          }
        }
        tables[k] =
            new Table(
                interval,
                risk,
                qw,
                qa,
                qm,
                null,
                last + 1,
                (double) tailWon / tailRisk,
                (double) tailExits / tailRisk,
                rates(sum(tailMoved) == 0 ? null : tailMoved, tailRisk));
      }
      return new SurvivalModel(stages, interval, horizon, minAtRisk, tables);
    }
  }
}
