package org.salespipeline.core.qualification;

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
 * How {@link ChampFramework} scores an assessment.
 *
 * <p>Scoring and verdict work as in {@link BantPolicy}: each criterion earns its weight when met,
 * authority earns {@code weight * authorityCredit(role)}, the score is {@code round(100 *
 * sum(points) / sum(weights))}, QUALIFIED needs the score at least {@link #qualifiedScore()} and at
 * least {@link #minimumCriteriaMet()} criteria met, DISQUALIFIED is below {@link #nurtureScore()},
 * NURTURE in between. The criteria are met when:
 *
 * <ul>
 *   <li>challenges: the severity is at least {@link #minimumChallengeSeverity()};
 *   <li>authority: the role's {@link #authorityCredit()} is 1;
 *   <li>money: confirmed (if {@link #moneyMustBeConfirmed()}) and, if a {@link #minimumMoney()} is
 *       set, an amount in the same currency of at least the minimum (another currency is not
 *       converted and does not meet it); without a minimum, any named or confirmed amount;
 *   <li>prioritization: the priority is at least {@link #minimumPriority()}.
 * </ul>
 *
 * <p>Build with {@link #builder()} (every attribute has a default) or take {@link #defaults()},
 * which weigh challenges first as CHAMP does: challenges 35, authority 25, money 15, prioritization
 * 25; no minimum money, not necessarily confirmed; authority credit 1 for a decision maker and 0.5
 * for an influencer; minimum challenge severity {@link NeedSeverity#MEDIUM}; minimum priority
 * {@link Priority#HIGH}; qualified from 75, nurture from 40; at least 3 of the 4 criteria met to
 * qualify. The same range checks as {@link BantPolicy} apply; the minimum priority must not be
 * {@link Priority#UNKNOWN}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
public abstract class ChampPolicy implements ScoringPolicy {
  private static final ChampPolicy DEFAULTS = builder().build();

  /** A new builder, starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The default policy. */
  public static ChampPolicy defaults() {
    return DEFAULTS;
  }

  /** Weight of the challenges criterion; default 35. */
  @Value.Default
  public double challengesWeight() {
    return 35.0;
  }

  /** Weight of the authority criterion; default 25. */
  @Value.Default
  public double authorityWeight() {
    return 25.0;
  }

  /** Weight of the money criterion; default 15. */
  @Value.Default
  public double moneyWeight() {
    return 15.0;
  }

  /** Weight of the prioritization criterion; default 25. */
  @Value.Default
  public double prioritizationWeight() {
    return 25.0;
  }

  /** The least severe challenges that meet the criterion; default {@link NeedSeverity#MEDIUM}. */
  @Value.Default
  public NeedSeverity minimumChallengeSeverity() {
    return NeedSeverity.MEDIUM;
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

  /** The least money that meets the criterion; default none (any amount). */
  public abstract Optional<Money> minimumMoney();

  /** Whether only confirmed money meets the criterion; default false. */
  @Value.Default
  public boolean moneyMustBeConfirmed() {
    return false;
  }

  /** The lowest priority that meets the criterion; default {@link Priority#HIGH}. */
  @Value.Default
  public Priority minimumPriority() {
    return Priority.HIGH;
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

  /** Least number of criteria met to qualify, within [0, 4]; default 3. */
  @Value.Default
  public int minimumCriteriaMet() {
    return 3;
  }

  /** The sum of the four weights. */
  public double totalWeight() {
    return challengesWeight() + authorityWeight() + moneyWeight() + prioritizationWeight();
  }

  @Value.Check
  void check() {
    List<FieldProblem> problems = new ArrayList<>();
    Scoring.checkWeight("challengesWeight", challengesWeight(), problems);
    Scoring.checkWeight("authorityWeight", authorityWeight(), problems);
    Scoring.checkWeight("moneyWeight", moneyWeight(), problems);
    Scoring.checkWeight("prioritizationWeight", prioritizationWeight(), problems);
    if (problems.isEmpty()) {
      Scoring.checkWeightSum(totalWeight(), problems);
    }
    if (minimumChallengeSeverity() == null) {
      problems.add(FieldProblem.of("minimumChallengeSeverity", null, "must not be null"));
    }
    Scoring.checkAuthorityCredit(authorityCredit(), problems);
    minimumMoney()
        .filter(Money::isNegative)
        .ifPresent(m -> problems.add(FieldProblem.of("minimumMoney", m, "must not be negative")));
    if (minimumPriority() == null || minimumPriority() == Priority.UNKNOWN) {
      problems.add(
          FieldProblem.of("minimumPriority", minimumPriority(), "must be a known priority"));
    }
    Scoring.checkThresholds(qualifiedScore(), nurtureScore(), minimumCriteriaMet(), 4, problems);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /**
   * Builds CHAMP policies; starts from the defaults, validates on {@code build()} and throws {@link
   * ValidationException} naming every bad field. Not thread-safe.
   */
  public static class Builder extends ImmutableChampPolicy.Builder {}
}
