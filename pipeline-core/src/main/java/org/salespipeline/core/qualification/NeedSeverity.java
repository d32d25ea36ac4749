package org.salespipeline.core.qualification;

import java.util.Locale;

/**
 * How badly the prospect needs a solution, in increasing order: policies compare severities by this
 * order ({@code HIGH} is at least {@code MEDIUM}).
 */
public enum NeedSeverity {
  /** No need found, or not found out yet; the default. */
  NONE,
  /** A nice-to-have. */
  LOW,
  /** A real problem the prospect would like solved. */
  MEDIUM,
  /** A problem that costs the prospect noticeably. */
  HIGH,
  /** A problem the prospect must solve. */
  CRITICAL;

  /** Whether this severity is at least the other. */
  public boolean isAtLeast(NeedSeverity other) {
    return compareTo(other) >= 0;
  }

  String describe() {
    return name().toLowerCase(Locale.ROOT);
  }
}
