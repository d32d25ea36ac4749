package org.salespipeline.core.call;

import java.util.Optional;

/**
 * The host's submission windows: for a period and forecast type, the window its calls must fall in,
 * or none to take calls at any time. Set with {@code SalesPipeline.builder().callWindows(..)};
 * implementations must be thread-safe.
 */
@FunctionalInterface
public interface CallWindows {

  /** Calls are taken at any time. */
  static CallWindows always() {
    return (period, forecastType) -> Optional.empty();
  }

  /**
   * The window of the period's calls of that forecast type.
   *
   * @param period the period of the call
   * @param forecastType the forecast type of the call
   * @return the window, or empty if calls are taken at any time
   */
  Optional<SubmissionWindow> windowFor(CallPeriod period, String forecastType);
}
