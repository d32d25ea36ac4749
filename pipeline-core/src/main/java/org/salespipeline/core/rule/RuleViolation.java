package org.salespipeline.core.rule;

import java.util.Objects;

/**
 * Why a stage rule refuses a transition.
 *
 * @param rule the key of the rule that refused, for example {@code proposal-sent}
 * @param field the deal field concerned, or empty when the violation is not about one field
 * @param message a sentence a person can act on
 */
public record RuleViolation(String rule, String field, String message) {

  public RuleViolation {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  /** A violation about one field. */
  public static RuleViolation of(String rule, String field, String message) {
    return new RuleViolation(rule, field, message);
  }

  /** A violation not about a particular field. */
  public static RuleViolation of(String rule, String message) {
    return new RuleViolation(rule, "", message);
  }

  @Override
  public String toString() {
    return "[" + rule + "] " + (field.isEmpty() ? "" : field + ": ") + message;
  }
}
