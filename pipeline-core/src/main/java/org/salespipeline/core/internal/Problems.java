package org.salespipeline.core.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.Money;
import org.salespipeline.core.ValidationException;

/**
 * Collects every problem of one input before failing, so that the caller sees them all at once.
 * Limits are documented on {@link org.salespipeline.core.SalesPipeline}.
 */
public final class Problems {
  /**
   * 10^15 major units: the engine's amount limit before issue 14 (item 9), now subsumed by {@link
   * Money#MAX_DEAL_MINOR_UNITS} (2^44 minor units is below 10^15 major units in every currency).
   * Kept for the JDBC store's column check.
   */
  public static final BigDecimal MAX_AMOUNT = BigDecimal.TEN.pow(15);

  /** Longest single-line text (names, subjects, reasons). */
  public static final int MAX_LINE = 200;

  /** Longest multi-line text (next steps, notes, list items). */
  public static final int MAX_TEXT = 2000;

  /** Most items in a list (pain points, objections). */
  public static final int MAX_ITEMS = 50;

  /** How far from today an expected close date may lie. */
  public static final int MAX_YEARS_AWAY = 10;

  // why: every command makes one of these and most find nothing; the list is made on the first
  // problem (issue 12, the move command's allocations)
  private List<FieldProblem> problems = List.of();

  /** Records a problem. */
  public Problems add(String field, Object value, String message) {
    if (problems.isEmpty()) {
      problems = new ArrayList<>();
    }
    problems.add(FieldProblem.of(field, value, message));
    return this;
  }

  /** Requires a non-null value. */
  public boolean notNull(String field, Object value) {
    if (value == null) {
      add(field, null, "must not be null");
      return false;
    }
    return true;
  }

  /**
   * A required single-line text: not blank, at most {@code max} characters, no control characters.
   */
  public Problems line(String field, String value, int max) {
    if (notNull(field, value)) {
      text(field, value, max, false, true);
    }
    return this;
  }

  /** An optional text; blank not allowed when given. */
  public Problems text(String field, String value, int max, boolean multiLine, boolean required) {
    if (value == null) {
      if (required) {
        add(field, null, "must not be null");
      }
      return this;
    }
    if (value.isBlank()) {
      add(field, value, "must not be blank");
    } else if (value.length() > max) {
      add(field, value, "must be at most " + max + " characters, was " + value.length());
    } else if (Texts.hasControlCharacter(value, multiLine)) {
      add(field, value, "must not contain control characters");
    }
    return this;
  }

  /** A list of texts. */
  public Problems texts(String field, Collection<String> values) {
    if (values.size() > MAX_ITEMS) {
      add(field, values.size() + " items", "must have at most " + MAX_ITEMS + " items");
      return this;
    }
    int i = 0;
    for (String value : values) {
      text(field + "[" + i++ + "]", value, MAX_TEXT, true, true);
    }
    return this;
  }

  /** An amount: not negative, at most {@link Money#MAX_DEAL_MINOR_UNITS} minor units. */
  public Problems amount(String field, Money money) {
    if (notNull(field, money)) {
      if (money.isNegative()) {
        add(field, money, "must not be negative");
      } else if (!money.isWithinDealLimit()) {
        add(
            field,
            money,
            "must be at most 2^44 (17592186044416) minor units of "
                + money.currency().getCurrencyCode());
      }
    }
    return this;
  }

  /** A probability in [0, 1], not NaN. */
  public Problems probability(String field, double p) {
    if (!(p >= 0.0 && p <= 1.0)) {
      add(field, p, "must be within [0, 1]");
    }
    return this;
  }

  /** A date no more than ten years from today, either way. */
  public Problems closeDate(String field, LocalDate date, LocalDate today) {
    if (notNull(field, date)) {
      if (date.isAfter(today.plusYears(MAX_YEARS_AWAY))
          || date.isBefore(today.minusYears(MAX_YEARS_AWAY))) {
        add(field, date, "must be within " + MAX_YEARS_AWAY + " years of " + today);
      }
    }
    return this;
  }

  /** An idempotency key, when given. */
  public Problems idempotencyKey(java.util.Optional<String> key) {
    // why: every command passes here; a capturing lambda would be allocated even for no key
    if (key.isPresent()) {
      text("idempotencyKey", key.get(), MAX_LINE, false, true);
    }
    return this;
  }

  /** Whether nothing was found. */
  public boolean isEmpty() {
    return problems.isEmpty();
  }

  /** Throws a {@link ValidationException} with every problem, if there is one. */
  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }
}
