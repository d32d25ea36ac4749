package org.salespipeline.core.command;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.immutables.value.Value;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.AttributeValue;
import org.salespipeline.core.ContactId;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealKind;
import org.salespipeline.core.DealSource;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.UserId;

/**
 * Opens a deal in the first stage of a pipeline.
 *
 * <p>Required: {@code name}, {@code owner}, {@code amount}, {@code expectedCloseDate}, {@code
 * actor}. Defaults: the engine's default pipeline, kind {@code NEW_BUSINESS}, source {@code OTHER},
 * forecast category from the first stage, a new time-ordered id.
 */
@Value.Immutable
public abstract class OpenDeal implements DealCommand {
  public static Builder builder() {
    return new Builder();
  }

  /** An id chosen by the host (for imports); a new one by default. */
  public abstract Optional<DealId> id();

  public abstract Optional<PipelineId> pipeline();

  public abstract String name();

  @Value.Default
  public DealKind kind() {
    return DealKind.NEW_BUSINESS;
  }

  /** For upsell, cross-sell and renewal: the won deal it grows from (required for those kinds). */
  public abstract Optional<DealId> linkedDeal();

  public abstract Optional<AccountId> account();

  public abstract Optional<ContactId> primaryContact();

  public abstract UserId owner();

  public abstract Money amount();

  public abstract LocalDate expectedCloseDate();

  @Value.Default
  public DealSource source() {
    return DealSource.OTHER;
  }

  /** A category the rep sets; later stage changes leave it alone. */
  public abstract Optional<ForecastCategory> forecastCategory();

  public abstract OptionalDouble probabilityOverride();

  public abstract Optional<String> nextStep();

  public abstract Map<String, AttributeValue> attributes();

  /** Builds the command; not thread-safe. */
  public static class Builder extends ImmutableOpenDeal.Builder {}
}
