package org.salespipeline.forecast.retention;

import java.util.Objects;

/**
 * One reason customers gave for churning (fully or partly), ranked by how often it was given.
 *
 * @param reason the reason as recorded ({@code ""} when none was given)
 * @param times how many churns (full or partial) gave it
 * @param lostMinor the recurring revenue those churns lost, in minor units of the report currency
 */
public record ChurnReason(String reason, long times, long lostMinor) {
  public ChurnReason {
    Objects.requireNonNull(reason, "reason");
  }
}
