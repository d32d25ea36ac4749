package org.salespipeline.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Facts of the negotiation.
 *
 * @param discountPercent the discount granted, in percent (0 to 100)
 * @param openObjections objections not yet answered
 * @param acceptedAt when the customer accepted the final offer, if they did; closing won needs it
 *     under the standard rules
 */
public record Negotiation(
    BigDecimal discountPercent, List<String> openObjections, Optional<Instant> acceptedAt) {
  public Negotiation {
    Objects.requireNonNull(discountPercent, "discountPercent");
    openObjections = List.copyOf(Objects.requireNonNull(openObjections, "openObjections"));
    Objects.requireNonNull(acceptedAt, "acceptedAt");
  }

  /** Negotiation with no discount and no objections, not yet accepted. */
  public static Negotiation started() {
    return new Negotiation(BigDecimal.ZERO, List.of(), Optional.empty());
  }

  /** A copy recording acceptance at the given instant. */
  public Negotiation acceptedAt(Instant at) {
    return new Negotiation(discountPercent, openObjections, Optional.of(at));
  }
}
