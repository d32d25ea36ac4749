package org.salespipeline.json;

import java.util.List;
import java.util.stream.Collectors;

/**
 * JSON that does not describe a valid pipeline value; nothing was built. The Jackson modules turn
 * it into their own {@code MismatchedInputException} subclass carrying the same {@link
 * #problems()}.
 */
public final class InvalidJsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<JsonProblem> problems;

  /**
   * An exception for the given problems.
   *
   * @param problems at least one problem
   */
  public InvalidJsonException(List<JsonProblem> problems) {
    super(problems.stream().map(JsonProblem::toString).collect(Collectors.joining("; ")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an InvalidJsonException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** The problems, in document order where it is known; never empty. */
  public List<JsonProblem> problems() {
    return problems;
  }

  /** A copy whose paths start with {@code prefix} instead of {@code $}, for nested documents. */
  public InvalidJsonException under(String prefix) {
    if (prefix.equals("$")) {
      return this;
    }
    return new InvalidJsonException(
        problems.stream()
            .map(p -> new JsonProblem(prefix + p.path().substring(1), p.rule()))
            .collect(Collectors.toList()));
  }
}
