package org.salespipeline.core.call;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The calls of one owner, period and forecast type, oldest first: the latest call and the call in
 * force at any instant. Immutable.
 */
public final class CallHistory {
  private static final Comparator<ForecastCall> ORDER =
      Comparator.comparing(ForecastCall::submittedAt).thenComparing(ForecastCall::id);

  private final List<ForecastCall> calls;

  private CallHistory(List<ForecastCall> calls) {
    this.calls = calls;
  }

  /** The history of the given calls, which may arrive in any order. */
  public static CallHistory of(List<ForecastCall> calls) {
    List<ForecastCall> sorted = new ArrayList<>(calls);
    sorted.sort(ORDER);
    return new CallHistory(List.copyOf(sorted));
  }

  /** Every call, oldest first. */
  public List<ForecastCall> all() {
    return calls;
  }

  /** The latest call, if any. */
  public Optional<ForecastCall> latest() {
    return calls.isEmpty() ? Optional.empty() : Optional.of(calls.get(calls.size() - 1));
  }

  /**
   * The call in force at the instant: the latest submitted at or before it. Never a call submitted
   * later.
   */
  public Optional<ForecastCall> asOf(Instant at) {
    ForecastCall found = null;
    for (ForecastCall c : calls) {
      if (c.submittedAt().isAfter(at)) {
        break;
      }
      found = c;
    }
    return Optional.ofNullable(found);
  }
}
