package org.salespipeline.core.qualification;

import java.util.Locale;

/**
 * Where solving the seller's problem ranks among the prospect's priorities (CHAMP's
 * prioritization), in increasing order after {@link #UNKNOWN}.
 */
public enum Priority {
  /** Not found out yet; the default. Never meets a policy's minimum. */
  UNKNOWN,
  /** On a wish list, with no plan to act. */
  LOW,
  /** Planned, behind other projects. */
  MEDIUM,
  /** Among the projects the prospect is working on now. */
  HIGH,
  /** The prospect's most important project. */
  TOP;

  /** Whether this priority is known and at least the other. */
  public boolean isAtLeast(Priority other) {
    return this != UNKNOWN && compareTo(other) >= 0;
  }

  String describe() {
    return name().toLowerCase(Locale.ROOT);
  }
}
