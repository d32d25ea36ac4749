package org.salespipeline.json;

import java.util.Objects;

/**
 * One thing wrong with a JSON document: where, and the rule the value breaks.
 *
 * @param path the JSON path of the value, for example {@code $.amount.currency}; {@code $} is the
 *     value being read
 * @param rule the rule, for example {@code is not an ISO 4217 currency code}
 */
public record JsonProblem(String path, String rule) {
  public JsonProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(rule, "rule");
  }

  @Override
  public String toString() {
    return path + ": " + rule;
  }
}
