package org.salespipeline.core.command;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.immutables.value.Value;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.AttributeValue;
import org.salespipeline.core.ContactId;
import org.salespipeline.core.DealSource;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.NeedsAnalysis;
import org.salespipeline.core.Negotiation;
import org.salespipeline.core.Proposal;
import org.salespipeline.core.UserId;

/**
 * Changes fields of an open deal. Only fields given change; a command that changes nothing appends
 * nothing and keeps the version.
 */
@Value.Immutable
public abstract class UpdateDeal implements ChangesDeal {
  public static Builder builder() {
    return new Builder();
  }

  public abstract Optional<String> name();

  public abstract Optional<Money> amount();

  /** A later date counts as a push. */
  public abstract Optional<LocalDate> expectedCloseDate();

  public abstract Optional<UserId> owner();

  /** Sets the category as the rep's own judgement. */
  public abstract Optional<ForecastCategory> forecastCategory();

  /** Sets the rep's probability override. */
  public abstract OptionalDouble probabilityOverride();

  /** Clears the rep's probability override. */
  @Value.Default
  public boolean clearProbabilityOverride() {
    return false;
  }

  public abstract Optional<AccountId> account();

  public abstract Optional<ContactId> primaryContact();

  public abstract Optional<DealSource> source();

  public abstract Optional<String> nextStep();

  public abstract Optional<NeedsAnalysis> needsAnalysis();

  public abstract Optional<Proposal> proposal();

  public abstract Optional<Negotiation> negotiation();

  /**
   * Attributes to add or replace; the deal holds at most 50 attributes after the update (removals
   * counted first).
   */
  public abstract Map<String, AttributeValue> attributes();

  /** Attribute keys to remove. */
  public abstract Set<String> removeAttributes();

  /** Builds the command; not thread-safe. */
  public static class Builder extends ImmutableUpdateDeal.Builder {}
}
