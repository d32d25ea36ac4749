package org.salespipeline.core.qualification;

import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * The facts CHAMP scores: challenges, authority, money and prioritization. CHAMP leads with the
 * prospect's challenges rather than the budget.
 *
 * <p>Build with {@link #builder()}. Every fact is optional and defaults to unknown: {@link
 * Need#unknown()} (challenges take the shape of a need: a severity and the pain points behind it),
 * {@link AuthorityRole#UNKNOWN}, {@link Budget#unknown()}, {@link Priority#UNKNOWN}. An unknown
 * fact never meets its criterion.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
public abstract class ChampAssessment implements QualificationAssessment {
  /** The key of the CHAMP framework. */
  public static final String FRAMEWORK_KEY = "champ";

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Always {@value #FRAMEWORK_KEY}. */
  @Override
  public final String frameworkKey() {
    return FRAMEWORK_KEY;
  }

  /** The prospect's challenges: how severe, and which. */
  @Value.Default
  public Need challenges() {
    return Need.unknown();
  }

  /** The role of the person the seller deals with. */
  @Value.Default
  public AuthorityRole authority() {
    return AuthorityRole.UNKNOWN;
  }

  /** The money the prospect has for solving the challenges. */
  @Value.Default
  public Budget money() {
    return Budget.unknown();
  }

  /** Where solving the challenges ranks among the prospect's priorities. */
  @Value.Default
  public Priority prioritization() {
    return Priority.UNKNOWN;
  }

  @Value.Check
  void check() {
    List<FieldProblem> problems = new ArrayList<>();
    BantAssessment.requireNonNull("challenges", challenges(), problems);
    BantAssessment.requireNonNull("authority", authority(), problems);
    BantAssessment.requireNonNull("money", money(), problems);
    BantAssessment.requireNonNull("prioritization", prioritization(), problems);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /** Builds CHAMP assessments; not thread-safe. */
  public static class Builder extends ImmutableChampAssessment.Builder {}
}
