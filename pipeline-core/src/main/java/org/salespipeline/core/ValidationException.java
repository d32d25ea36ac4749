package org.salespipeline.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad input: carries every problem found, each naming the field and the value. Nothing was stored.
 */
public class ValidationException extends PipelineException {
  private static final long serialVersionUID = 1L;

  private final List<FieldProblem> problems;

  /** An exception for one or more problems; the list must not be empty. */
  public ValidationException(List<FieldProblem> problems) {
    super(ErrorCode.VALIDATION, describe(problems));
    this.problems = List.copyOf(problems);
  }

  /** An exception for one problem. */
  public ValidationException(FieldProblem problem) {
    this(List.of(problem));
  }

  /** Every problem found, in input order. */
  public List<FieldProblem> problems() {
    return problems;
  }

  /** Whether one of the problems concerns the named field. */
  public boolean concerns(String field) {
    return problems.stream().anyMatch(p -> p.field().equals(field));
  }

  private static String describe(List<FieldProblem> problems) {
    return "invalid input: "
        + problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; "));
  }
}
