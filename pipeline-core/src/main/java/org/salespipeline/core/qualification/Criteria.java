package org.salespipeline.core.qualification;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.salespipeline.core.Money;

/** Scoring of the criterion kinds BANT and CHAMP share, with the reason sentences. */
final class Criteria {
  private static final int PAIN_POINTS_SHOWN = 3;

  private Criteria() {}

  static CriterionResult budget(
      String key, double weight, Budget budget, Optional<Money> minimum, boolean mustBeConfirmed) {
    Optional<Money> amount = budget.amount();
    boolean confirmed = budget.confirmed();
    if (mustBeConfirmed && !confirmed) {
      return notMet(
          key, amount.map(a -> "budget of " + a + " not confirmed").orElse("no confirmed budget"));
    }
    String state = confirmed ? " confirmed" : " not confirmed";
    if (minimum.isPresent()) {
      Money min = minimum.get();
      if (amount.isEmpty()) {
        return notMet(
            key,
            (confirmed ? "budget confirmed but amount unknown" : "budget amount unknown")
                + ", the minimum is "
                + min);
      }
      Money a = amount.get();
      // why: no converter or rate date here, and a guessed conversion would decide deals silently
      if (!a.currency().equals(min.currency())) {
        return notMet(
            key,
            "budget of "
                + a
                + state
                + ", could not be compared with the minimum "
                + min
                + " (different currency)");
      }
      int cmp = a.compareTo(min);
      if (cmp < 0) {
        return notMet(key, "budget of " + a + state + ", below the minimum " + min);
      }
      return met(
          key,
          weight,
          "budget of "
              + a
              + state
              + ", "
              + (cmp == 0 ? "equal to" : "above")
              + " the minimum "
              + min);
    }
    if (amount.isEmpty()) {
      return confirmed
          ? met(key, weight, "budget confirmed, amount not named")
          : notMet(key, "no budget known");
    }
    return met(key, weight, "budget of " + amount.get() + state);
  }

  static CriterionResult authority(
      String key, double weight, AuthorityRole role, Map<AuthorityRole, Double> credit) {
    double share = credit.getOrDefault(role, 0.0);
    if (share >= 1.0) {
      return new CriterionResult(key, true, weight, role.describe() + " engaged");
    }
    if (share > 0.0) {
      return new CriterionResult(
          key,
          false,
          weight * share,
          role.describe() + " engaged, partial credit (" + percent(share) + ")");
    }
    if (role == AuthorityRole.UNKNOWN) {
      return notMet(key, "authority unknown");
    }
    return notMet(key, role.describe() + " engaged, no buying authority");
  }

  static CriterionResult severity(
      String key, String noun, double weight, Need need, NeedSeverity minimum) {
    NeedSeverity severity = need.severity();
    String painPoints = describePainPoints(need.painPoints());
    if (severity == NeedSeverity.NONE && minimum == NeedSeverity.NONE) {
      return met(key, weight, "no " + noun + " identified, none required" + painPoints);
    }
    if (severity.isAtLeast(minimum)) {
      return met(
          key,
          weight,
          severity.describe()
              + " "
              + noun
              + ", at least "
              + minimum.describe()
              + " required"
              + painPoints);
    }
    if (severity == NeedSeverity.NONE) {
      return notMet(key, "no " + noun + " identified" + painPoints);
    }
    return notMet(
        key,
        severity.describe()
            + " "
            + noun
            + ", below the required "
            + minimum.describe()
            + painPoints);
  }

  static CriterionResult timeline(
      String key, double weight, Timeline timeline, Period maximumHorizon, LocalDate today) {
    Optional<LocalDate> expected = timeline.expectedPurchaseDate(today);
    if (expected.isEmpty()) {
      return notMet(key, "timeline unknown");
    }
    LocalDate date = expected.get();
    LocalDate latest = today.plus(maximumHorizon);
    String horizon = describe(maximumHorizon);
    if (date.isBefore(today)) {
      return notMet(key, "purchase date " + date + " has already passed");
    }
    if (date.isAfter(latest)) {
      return notMet(
          key,
          "purchase expected by " + date + ", beyond the " + horizon + " horizon (" + latest + ")");
    }
    return met(key, weight, "purchase expected by " + date + ", within " + horizon);
  }

  static CriterionResult priority(String key, double weight, Priority priority, Priority minimum) {
    if (priority == Priority.UNKNOWN) {
      return notMet(key, "priority unknown");
    }
    if (priority.isAtLeast(minimum)) {
      return met(
          key,
          weight,
          priority.describe() + " priority, at least " + minimum.describe() + " required");
    }
    return notMet(key, priority.describe() + " priority, below the required " + minimum.describe());
  }

  /** A period in words: {@code 1 year 6 months}, {@code 0 days}. */
  static String describe(Period period) {
    StringBuilder out = new StringBuilder();
    append(out, period.getYears(), "year");
    append(out, period.getMonths(), "month");
    append(out, period.getDays(), "day");
    return out.length() == 0 ? "0 days" : out.toString();
  }

  private static void append(StringBuilder out, int amount, String unit) {
    if (amount != 0) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(amount).append(' ').append(unit).append(Math.abs(amount) == 1 ? "" : "s");
    }
  }

  private static String describePainPoints(List<String> painPoints) {
    if (painPoints.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(" (");
    int shown = Math.min(painPoints.size(), PAIN_POINTS_SHOWN);
    for (int i = 0; i < shown; i++) {
      out.append(i == 0 ? "" : "; ").append(painPoints.get(i));
    }
    if (painPoints.size() > shown) {
      out.append("; and ").append(painPoints.size() - shown).append(" more");
    }
    return out.append(')').toString();
  }

  private static String percent(double share) {
    return Math.round(share * 100) + "%";
  }

  private static CriterionResult met(String key, double weight, String reason) {
    return new CriterionResult(key, true, weight, reason);
  }

  private static CriterionResult notMet(String key, String reason) {
    return new CriterionResult(key, false, 0.0, reason);
  }
}
