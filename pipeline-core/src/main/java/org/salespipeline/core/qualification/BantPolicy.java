package org.salespipeline.core.qualification;

import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.Money;
import org.salespipeline.core.ValidationException;

/**
 * How {@link BantFramework} scores an assessment.
 *
 * <p>Each criterion earns its weight when met and nothing otherwise, except authority, which earns
 * {@code weight * authorityCredit(role)}. The score is {@code round(100 * sum(points) /
 * sum(weights))}. The verdict is {@link Verdict#QUALIFIED} if the score is at least {@link
 * #qualifiedScore()} and at least {@link #minimumCriteriaMet()} criteria are met, {@link
 * Verdict#DISQUALIFIED} if the score is below {@link #nurtureScore()}, and {@link Verdict#NURTURE}
 * otherwise.
 *
 * <p>The criteria are met when:
 *
 * <ul>
 *   <li>budget: confirmed (if {@link #budgetMustBeConfirmed()}), and, if a {@link #minimumBudget()}
 *       is set, an amount in the same currency of at least the minimum. An amount in another
 *       currency is not converted: it is not met, and the reason says it could not be compared.
 *       Without a minimum, any named or confirmed budget meets it;
 *   <li>authority: the role's {@link #authorityCredit()} is 1; a smaller credit earns partial
 *       points but does not count as met;
 *   <li>need: the severity is at least {@link #minimumNeedSeverity()};
 *   <li>timeline: the expected purchase date lies between the day of qualification and that day
 *       plus {@link #maximumHorizon()}, both included.
 * </ul>
 *
 * <p>Build with {@link #builder()} (every attribute has a default) or take {@link #defaults()}:
 * weights 25 each; no minimum budget; budget must be confirmed; authority credit 1 for a decision
 * maker and 0.5 for an influencer; minimum need {@link NeedSeverity#MEDIUM}; maximum horizon 6
 * months; qualified from 75, nurture from 40; at least 3 of the 4 criteria met to qualify. Weights
 * must be finite and at least 0 and add up to more than 0; credits within [0, 1]; scores within [0,
 * 100] with {@code nurtureScore <= qualifiedScore}; {@code minimumCriteriaMet} within [0, 4]; the
 * horizon and the minimum budget not negative. A criterion with weight 0 still counts towards the
 * criteria met.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
public abstract class BantPolicy implements ScoringPolicy {
  private static final BantPolicy DEFAULTS = builder().build();

  /** A new builder, starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The default policy. */
  public static BantPolicy defaults() {
    return DEFAULTS;
  }

  /** Weight of the budget criterion; default 25. */
  @Value.Default
  public double budgetWeight() {
    return 25.0;
  }

  /** Weight of the authority criterion; default 25. */
  @Value.Default
  public double authorityWeight() {
    return 25.0;
  }

  /** Weight of the need criterion; default 25. */
  @Value.Default
  public double needWeight() {
    return 25.0;
  }

  /** Weight of the timeline criterion; default 25. */
  @Value.Default
  public double timelineWeight() {
    return 25.0;
  }

  /** The smallest budget that meets the criterion; default none (any budget). */
  public abstract Optional<Money> minimumBudget();

  /** Whether only a confirmed budget meets the criterion; default true. */
  @Value.Default
  public boolean budgetMustBeConfirmed() {
    return true;
  }

  /**
   * Share of the authority weight each role earns, within [0, 1]; 1 means the criterion is met,
   * roles not in the map earn nothing. Default: decision maker 1, influencer 0.5. Setting any entry
   * on the builder replaces the whole default map.
   */
  @Value.Default
  public Map<AuthorityRole, Double> authorityCredit() {
    Map<AuthorityRole, Double> credit = new EnumMap<>(AuthorityRole.class);
    credit.put(AuthorityRole.DECISION_MAKER, 1.0);
    credit.put(AuthorityRole.INFLUENCER, 0.5);
    return credit;
  }

  /** The least severe need that meets the criterion; default {@link NeedSeverity#MEDIUM}. */
  @Value.Default
  public NeedSeverity minimumNeedSeverity() {
    return NeedSeverity.MEDIUM;
  }

  /**
   * How far from the day of qualification a purchase may lie to meet the timeline; default 6
   * months.
   */
  @Value.Default
  public Period maximumHorizon() {
    return Period.ofMonths(6);
  }

  /** Least score that qualifies, within [0, 100]; default 75. */
  @Value.Default
  public int qualifiedScore() {
    return 75;
  }

  /** Least score that nurtures rather than disqualifies, within [0, qualifiedScore]; default 40. */
  @Value.Default
  public int nurtureScore() {
    return 40;
  }

  /** Least number of criteria met to qualify, within [0, 4]; default 3 (the classic rule). */
  @Value.Default
  public int minimumCriteriaMet() {
    return 3;
  }

  /** The sum of the four weights. */
  public double totalWeight() {
    return budgetWeight() + authorityWeight() + needWeight() + timelineWeight();
  }

  @Value.Check
  void check() {
    List<FieldProblem> problems = new ArrayList<>();
    Scoring.checkWeight("budgetWeight", budgetWeight(), problems);
    Scoring.checkWeight("authorityWeight", authorityWeight(), problems);
    Scoring.checkWeight("needWeight", needWeight(), problems);
    Scoring.checkWeight("timelineWeight", timelineWeight(), problems);
    if (problems.isEmpty()) {
      Scoring.checkWeightSum(totalWeight(), problems);
    }
    minimumBudget()
        .filter(Money::isNegative)
        .ifPresent(m -> problems.add(FieldProblem.of("minimumBudget", m, "must not be negative")));
    Scoring.checkAuthorityCredit(authorityCredit(), problems);
    if (minimumNeedSeverity() == null) {
      problems.add(FieldProblem.of("minimumNeedSeverity", null, "must not be null"));
    }
    if (maximumHorizon() == null || maximumHorizon().isNegative()) {
      problems.add(FieldProblem.of("maximumHorizon", maximumHorizon(), "must not be negative"));
    }
    Scoring.checkThresholds(qualifiedScore(), nurtureScore(), minimumCriteriaMet(), 4, problems);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /**
   * Builds BANT policies; starts from the defaults, validates on {@code build()} and throws {@link
   * ValidationException} naming every bad field. Not thread-safe.
   */
  public static class Builder extends ImmutableBantPolicy.Builder {}
}
