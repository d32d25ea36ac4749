package org.salespipeline.forecast.rollup;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * One week of a period scored: the call in force at the end of the week, the library's own forecast
 * at the same instant, and the actual, all in minor units. Errors are forecast minus actual:
 * positive is over-calling, negative sandbagging. Immutable.
 *
 * @param week the week of the period, from 0
 * @param at the end of the week (capped at the period's end), the instant both were read as of
 * @param call the call in force then; empty if the owner had not called yet
 * @param model the library's forecast then
 * @param actual what was won in the period
 */
public record WeeklyCallScore(int week, Instant at, OptionalLong call, long model, long actual) {

  /** The call's error, {@code call - actual}; empty without a call. */
  public OptionalLong callError() {
    return call.isPresent() ? OptionalLong.of(call.getAsLong() - actual) : OptionalLong.empty();
  }

  /** The model's error, {@code model - actual}. */
  public long modelError() {
    return model - actual;
  }
}
