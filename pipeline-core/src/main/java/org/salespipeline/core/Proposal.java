package org.salespipeline.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The proposal sent to the prospect.
 *
 * @param sentAt when it was sent
 * @param amount the amount proposed
 * @param validUntil the last day the offer holds
 */
public record Proposal(Instant sentAt, Money amount, LocalDate validUntil) {
  public Proposal {
    Objects.requireNonNull(sentAt, "sentAt");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(validUntil, "validUntil");
  }
}
