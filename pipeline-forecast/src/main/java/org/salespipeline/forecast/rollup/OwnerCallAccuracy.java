package org.salespipeline.forecast.rollup;

import java.util.List;
import java.util.OptionalDouble;
import org.salespipeline.core.call.CallCategory;
import org.salespipeline.core.org.OrgNode;

/**
 * One owner's call accuracy over a period: the weekly scores and their summary, for the calls and
 * for the library's forecast at the same instants. Bias is the mean error relative to the actual:
 * below {@code -TOLERANCE} the owner sandbags, above {@code TOLERANCE} they over-call. Immutable.
 */
public final class OwnerCallAccuracy {
  /** The relative bias within which calls count as on target: 5%. */
  public static final double TOLERANCE = 0.05;

  /** The direction of an owner's errors. */
  public enum Tendency {
    /** Calls below what closes. */
    SANDBAGGING,
    /** Calls within the tolerance of what closes. */
    ON_TARGET,
    /** Calls above what closes. */
    OVER_CALLING,
    /** No call to judge, or nothing closed to compare with. */
    UNKNOWN
  }

  private final OrgNode node;
  private final CallCategory category;
  private final List<WeeklyCallScore> weeks;
  private final double callMae;
  private final double callBias;
  private final double modelMae;
  private final double modelBias;
  private final int calledWeeks;

  private OwnerCallAccuracy(OrgNode node, CallCategory category, List<WeeklyCallScore> weeks) {
    this.node = node;
    this.category = category;
    this.weeks = List.copyOf(weeks);
    long callAbs = 0;
    long callSum = 0;
    long modelAbs = 0;
    long modelSum = 0;
    int called = 0;
    for (WeeklyCallScore w : weeks) {
      if (w.callError().isPresent()) {
        long e = w.callError().getAsLong();
        callAbs += Math.abs(e);
        callSum += e;
        modelAbs += Math.abs(w.modelError());
        modelSum += w.modelError();
        called++;
      }
    }
    this.calledWeeks = called;
    this.callMae = called == 0 ? Double.NaN : (double) callAbs / called;
    this.callBias = called == 0 ? Double.NaN : (double) callSum / called;
    this.modelMae = called == 0 ? Double.NaN : (double) modelAbs / called;
    this.modelBias = called == 0 ? Double.NaN : (double) modelSum / called;
  }

  static OwnerCallAccuracy of(OrgNode node, CallCategory category, List<WeeklyCallScore> weeks) {
    return new OwnerCallAccuracy(node, category, weeks);
  }

  /** The owner. */
  public OrgNode node() {
    return node;
  }

  /** The called amount scored. */
  public CallCategory category() {
    return category;
  }

  /** Every week of the period, in order. */
  public List<WeeklyCallScore> weeks() {
    return weeks;
  }

  /** The weeks with a call in force. */
  public int calledWeeks() {
    return calledWeeks;
  }

  /** The actual, minor units. */
  public long actual() {
    return weeks.isEmpty() ? 0 : weeks.get(0).actual();
  }

  /** Mean absolute error of the calls over the called weeks, minor units; NaN without calls. */
  public double callMeanAbsoluteError() {
    return callMae;
  }

  /** Mean signed error of the calls, minor units: negative sandbagging, positive over-calling. */
  public double callBias() {
    return callBias;
  }

  /** Mean absolute error of the model over the same weeks, minor units. */
  public double modelMeanAbsoluteError() {
    return modelMae;
  }

  /** Mean signed error of the model over the same weeks, minor units. */
  public double modelBias() {
    return modelBias;
  }

  /** The calls' bias relative to the actual; empty without calls or without an actual. */
  public OptionalDouble relativeCallBias() {
    return calledWeeks == 0 || actual() == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(callBias / actual());
  }

  /** Sandbagging, on target or over-calling, by {@link #relativeCallBias()}. */
  public Tendency tendency() {
    OptionalDouble b = relativeCallBias();
    if (b.isEmpty()) {
      return Tendency.UNKNOWN;
    }
    return b.getAsDouble() < -TOLERANCE
        ? Tendency.SANDBAGGING
        : b.getAsDouble() > TOLERANCE ? Tendency.OVER_CALLING : Tendency.ON_TARGET;
  }

  /** Whether the owner's calls were closer to the actual than the model over the called weeks. */
  public boolean callsBeatModel() {
    return calledWeeks > 0 && callMae < modelMae;
  }
}
