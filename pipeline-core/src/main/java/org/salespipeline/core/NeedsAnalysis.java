package org.salespipeline.core;

import java.util.List;
import java.util.Objects;

/**
 * What the prospect needs, recorded in the Needs Analysis stage.
 *
 * @param painPoints the problems the prospect wants solved, in the order given
 * @param requirements what a solution must do
 */
public record NeedsAnalysis(List<String> painPoints, List<String> requirements) {
  public NeedsAnalysis {
    painPoints = List.copyOf(Objects.requireNonNull(painPoints, "painPoints"));
    requirements = List.copyOf(Objects.requireNonNull(requirements, "requirements"));
  }

  /** Whether anything was recorded. */
  public boolean isEmpty() {
    return painPoints.isEmpty() && requirements.isEmpty();
  }
}
