package org.salespipeline.core.call;

/** How a call came about. */
public enum CallSource {
  /** Typed in by the person submitting it. */
  MANUAL,
  /** Submitted by a job on the owner's behalf (for example the system roll-up at the deadline). */
  AUTOMATIC
}
