package org.salespipeline.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.immutables.value.Value;
import org.salespipeline.core.qualification.QualificationResult;

/**
 * A sales opportunity moving through a pipeline.
 *
 * <p>Deals are changed only through {@link SalesPipeline} commands, which validate input, run the
 * stage rules and append history; the builder exists for stores, tests and hosts that rebuild deals
 * from their own data. Every command raises {@link #version()} by one.
 *
 * <p>The forecast category the rep set ({@link #categorySetByRep()}) is not overwritten when the
 * stage changes; the {@link #probabilityOverride()} is kept beside the stage's probability, never
 * replacing it.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
// why: the project style plus a package-private all-attributes factory (ImmutableDeal.of), so the
// engine builds a changed deal in one construction instead of a builder copy (issue 12)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    allParameters = true,
    defaults = @Value.Immutable(copy = true),
    validationMethod = Value.Style.ValidationMethod.NONE)
public abstract class Deal {

  /** A builder; used by stores and tests, hosts open deals through {@link SalesPipeline}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The deal's id, unique in its workspace. */
  public abstract DealId id();

  /** The workspace (tenant) the deal belongs to. */
  public abstract WorkspaceId workspace();

  /** The pipeline the deal runs in. */
  public abstract PipelineId pipeline();

  /** The key of its current stage. */
  public abstract String stage();

  /** Open, won, lost or disqualified, following the current stage's outcome. */
  public abstract DealStatus status();

  /** A short name people recognise, for example {@code Acme platform}; at most 200 characters. */
  public abstract String name();

  /** New business (default), upsell, cross-sell or renewal. */
  public abstract DealKind kind();

  /** For upsell, cross-sell and renewal deals: the won deal they grow from. */
  public abstract Optional<DealId> linkedDeal();

  /** The company the deal is with. */
  public abstract Optional<AccountId> account();

  /** The main person at the account. */
  public abstract Optional<ContactId> primaryContact();

  /** The owner, a host user id. */
  public abstract UserId owner();

  /** The amount, exact. */
  public abstract Money amount();

  /**
   * When the owner expects it to close; pushes later are counted in {@link #closeDatePushCount()}.
   */
  public abstract LocalDate expectedCloseDate();

  /** How many times the expected close date was moved later. */
  public abstract int closeDatePushCount();

  /** Where the prospect came from; {@code OTHER} by default. */
  public abstract DealSource source();

  /** The forecast category: the stage's default unless the rep set one. */
  public abstract ForecastCategory forecastCategory();

  /** Whether the rep set the category; stage changes then leave it alone. */
  public abstract boolean categorySetByRep();

  /** The rep's own win probability in [0, 1], kept beside the stage or model probability. */
  public abstract OptionalDouble probabilityOverride();

  /** The agreed next step, free text. */
  public abstract Optional<String> nextStep();

  /** Pain points and requirements, recorded in Needs Analysis. */
  public abstract Optional<NeedsAnalysis> needsAnalysis();

  /** The proposal sent, if any. */
  public abstract Optional<Proposal> proposal();

  /** Discount, open objections and the customer's acceptance. */
  public abstract Optional<Negotiation> negotiation();

  /** The latest qualification result. */
  public abstract Optional<QualificationResult> qualification();

  /** Why the deal closed; present exactly when it is closed. */
  public abstract Optional<CloseReason> closeReason();

  /** Host-defined typed attributes, in insertion order. */
  public abstract Map<String, AttributeValue> attributes();

  /** When the deal was opened. */
  public abstract Instant createdAt();

  /** When the deal entered its current stage. */
  public abstract Instant stageEnteredAt();

  /** The last logged activity, if any. */
  public abstract Optional<Instant> lastActivityAt();

  /**
   * The latest due time among scheduled follow-ups, if any; while it lies in the future the deal
   * counts as engaged and never as idle.
   */
  public abstract Optional<Instant> followUpDueAt();

  /** When it closed, if it is closed. */
  public abstract Optional<Instant> closedAt();

  /** Raised by one on every command; 1 after creation. */
  public abstract long version();

  /** The sequence number of the deal's latest history event. */
  public abstract long lastEventSequence();

  /** Whether the deal is still open. */
  public boolean isOpen() {
    return status() == DealStatus.OPEN;
  }

  @Value.Check
  void check() {
    if (version() < 1) {
      throw new IllegalStateException("version must be >= 1, was " + version());
    }
    if (status().isClosed() != closeReason().isPresent()) {
      throw new IllegalStateException(
          "deal " + id() + " is " + status() + " but close reason is " + closeReason());
    }
  }

  /**
   * Builds deals; not thread-safe. {@link Deal#kind()} defaults to {@code NEW_BUSINESS}, {@link
   * Deal#source()} to {@code OTHER}, {@link Deal#closeDatePushCount()} to 0 and {@link
   * Deal#categorySetByRep()} to false.
   */
  public static class Builder extends ImmutableDeal.Builder {
    /** A builder with the defaults set. */
    public Builder() {
      // why: plain attributes with their defaults set here, not @Value.Default: with defaults the
      // generated class allocates an init shim and writes a volatile field twice for every deal
      // it constructs, builder or not (issue 12, the move command's hot path)
      kind(DealKind.NEW_BUSINESS);
      closeDatePushCount(0);
      source(DealSource.OTHER);
      categorySetByRep(false);
    }
  }
}
