package org.salespipeline.core.stage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.internal.Texts;

/**
 * One stage of a pipeline.
 *
 * <p>Build with {@link #builder()}; {@code key}, {@code displayName} and {@code outcome} are
 * required. Defaults: {@code defaultProbability} is 1 for a won stage and 0 otherwise (give open
 * stages their own); {@code defaultCategory} is {@code PIPELINE} for open stages, {@code CLOSED}
 * for won and {@code OMITTED} otherwise; no idle threshold.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
public abstract class Stage {
  /** Longest display name accepted. */
  public static final int MAX_DISPLAY_NAME = 100;

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** An open stage with the given probability and category. */
  public static Stage open(
      String key,
      String displayName,
      double probability,
      ForecastCategory category,
      Duration idle) {
    return builder()
        .key(key)
        .displayName(displayName)
        .outcome(StageOutcome.OPEN)
        .defaultProbability(probability)
        .defaultCategory(category)
        .idleThreshold(Optional.ofNullable(idle))
        .build();
  }

  /** A closing stage with the given outcome and its default probability and category. */
  public static Stage closed(String key, String displayName, StageOutcome outcome) {
    return builder().key(key).displayName(displayName).outcome(outcome).build();
  }

  /** Unique key within the pipeline, for example {@code needs_analysis}. */
  public abstract String key();

  /** Name shown to people, for example {@code Needs Analysis}. */
  public abstract String displayName();

  /** What reaching this stage means. */
  public abstract StageOutcome outcome();

  /** Default win probability of a deal in this stage, in [0, 1]. */
  @Value.Default
  public double defaultProbability() {
    return outcome() == StageOutcome.WON ? 1.0 : 0.0;
  }

  /** Forecast category a deal takes on entering this stage, unless its rep set one. */
  @Value.Default
  public ForecastCategory defaultCategory() {
    switch (outcome()) {
      case OPEN:
        return ForecastCategory.PIPELINE;
      case WON:
        return ForecastCategory.CLOSED;
      default:
        return ForecastCategory.OMITTED;
    }
  }

  /** A deal with no activity for longer than this is idle ("rotting"); empty means never. */
  public abstract Optional<Duration> idleThreshold();

  /** Whether a deal in this stage is still open. */
  public boolean isOpen() {
    return outcome() == StageOutcome.OPEN;
  }

  /** Returns a copy with another display name. */
  public Stage withDisplayName(String displayName) {
    return builder().from(this).displayName(displayName).build();
  }

  @Value.Check
  void check() {
    List<FieldProblem> problems = new ArrayList<>();
    if (!Texts.isKey(key())) {
      problems.add(FieldProblem.of("key", key(), "must be 1-64 letters, digits, '_', '-' or '.'"));
    }
    String name = displayName();
    if (name.isBlank()) {
      problems.add(FieldProblem.of("displayName", name, "must not be blank"));
    } else if (name.length() > MAX_DISPLAY_NAME) {
      problems.add(
          FieldProblem.of(
              "displayName", name, "must be at most " + MAX_DISPLAY_NAME + " characters"));
    } else if (Texts.hasControlCharacter(name, false)) {
      problems.add(FieldProblem.of("displayName", name, "must not contain control characters"));
    }
    double p = defaultProbability();
    if (!(p >= 0.0 && p <= 1.0)) {
      problems.add(FieldProblem.of("defaultProbability", p, "must be within [0, 1]"));
    }
    if (outcome() == StageOutcome.WON && p != 1.0) {
      problems.add(FieldProblem.of("defaultProbability", p, "must be 1 for a won stage"));
    }
    if ((outcome() == StageOutcome.LOST || outcome() == StageOutcome.DISQUALIFIED) && p != 0.0) {
      problems.add(
          FieldProblem.of("defaultProbability", p, "must be 0 for a lost or disqualified stage"));
    }
    idleThreshold()
        .filter(d -> d.isNegative() || d.isZero())
        .ifPresent(d -> problems.add(FieldProblem.of("idleThreshold", d, "must be positive")));
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /** Builds stages; not thread-safe. */
  public static class Builder extends ImmutableStage.Builder {}
}
