package org.salespipeline.core.qualification;

import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * The facts BANT scores: budget, authority, need and timeline.
 *
 * <p>Build with {@link #builder()}. Every fact is optional and defaults to unknown: {@link
 * Budget#unknown()}, {@link AuthorityRole#UNKNOWN}, {@link Need#unknown()}, {@link
 * Timeline#unknown()}. An unknown fact never meets its criterion.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
public abstract class BantAssessment implements QualificationAssessment {
  /** The key of the BANT framework. */
  public static final String FRAMEWORK_KEY = "bant";

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Always {@value #FRAMEWORK_KEY}. */
  @Override
  public final String frameworkKey() {
    return FRAMEWORK_KEY;
  }

  /** The prospect's budget. */
  @Value.Default
  public Budget budget() {
    return Budget.unknown();
  }

  /** The role of the person the seller deals with. */
  @Value.Default
  public AuthorityRole authority() {
    return AuthorityRole.UNKNOWN;
  }

  /** The prospect's need. */
  @Value.Default
  public Need need() {
    return Need.unknown();
  }

  /** When the prospect expects to buy. */
  @Value.Default
  public Timeline timeline() {
    return Timeline.unknown();
  }

  @Value.Check
  void check() {
    List<FieldProblem> problems = new ArrayList<>();
    requireNonNull("budget", budget(), problems);
    requireNonNull("authority", authority(), problems);
    requireNonNull("need", need(), problems);
    requireNonNull("timeline", timeline(), problems);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  static void requireNonNull(String field, Object value, List<FieldProblem> problems) {
    if (value == null) {
      problems.add(FieldProblem.of(field, null, "must not be null"));
    }
  }

  /** Builds BANT assessments; not thread-safe. */
  public static class Builder extends ImmutableBantAssessment.Builder {}
}
