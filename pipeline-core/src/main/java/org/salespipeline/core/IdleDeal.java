package org.salespipeline.core;

import java.time.Duration;
import java.util.Objects;

/**
 * An open deal without engagement for longer than its stage allows ("rotting").
 *
 * @param deal the deal
 * @param idleFor time since its last activity (or since it entered the stage, if later)
 * @param threshold its stage's idle threshold
 */
public record IdleDeal(Deal deal, Duration idleFor, Duration threshold) {
  public IdleDeal {
    Objects.requireNonNull(deal, "deal");
    Objects.requireNonNull(idleFor, "idleFor");
    Objects.requireNonNull(threshold, "threshold");
  }
}
