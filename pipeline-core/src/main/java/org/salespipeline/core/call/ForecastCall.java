package org.salespipeline.core.call;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.Money;
import org.salespipeline.core.UserId;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.org.OrgNode;

/**
 * One forecast call: what an owner (a rep, or a manager for a team node) stated for a period and
 * forecast type at one instant. Calls are append-only: a new call never changes an earlier one, so
 * the call in force at any instant can be read back ({@link CallHistory#asOf}). The amounts, the
 * period dates and the deals behind the call are stored with it, so later configuration changes
 * never alter it. Immutable.
 */
@Value.Immutable
public abstract class ForecastCall {

  /** A builder; every field but the note and the backing deals is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The call's id (time-ordered). */
  public abstract UUID id();

  /** The workspace it belongs to. */
  public abstract WorkspaceId workspace();

  /** The owner whose call it is: a user, or a team for its manager's call. */
  public abstract OrgNode node();

  /** The period the call is about. */
  public abstract CallPeriod period();

  /** The forecast type, for example {@code revenue}. */
  public abstract String forecastType();

  /** The amount called as commit. */
  public abstract Money commit();

  /** The amount called as most likely. */
  public abstract Money mostLikely();

  /** The amount called as best case. */
  public abstract Money bestCase();

  /** The submitter's note. */
  public abstract Optional<String> note();

  /** Who submitted it (the owner, their manager, or a job's user). */
  public abstract UserId submittedBy();

  /** When it was submitted. */
  public abstract Instant submittedAt();

  /** Whether a person or a job submitted it. */
  public abstract CallSource source();

  /** The deals that stood behind the call at submission, in deal id order. */
  public abstract List<BackingDeal> backingDeals();

  /** The amount called for the category. */
  public Money amount(CallCategory category) {
    return switch (category) {
      case COMMIT -> commit();
      case MOST_LIKELY -> mostLikely();
      case BEST_CASE -> bestCase();
    };
  }

  @Value.Check
  void check() {
    if (!commit().currency().equals(mostLikely().currency())
        || !commit().currency().equals(bestCase().currency())) {
      throw new ValidationException(
          FieldProblem.of(
              "mostLikely",
              mostLikely(),
              "must be in the commit's currency " + commit().currency()));
    }
    if (forecastType().isBlank()) {
      throw new ValidationException(FieldProblem.of("forecastType", "", "must not be blank"));
    }
  }

  /** Builds calls; not thread-safe. */
  public static class Builder extends ImmutableForecastCall.Builder {}
}
