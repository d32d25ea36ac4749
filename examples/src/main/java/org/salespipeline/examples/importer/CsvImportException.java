package org.salespipeline.examples.importer;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A CSV import was refused: carries every problem found, each with file, line and column. Nothing
 * was written.
 */
public final class CsvImportException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int SHOWN = 20;

  private final transient List<CsvProblem> problems;

  /** An exception for the problems; the list must not be empty. */
  public CsvImportException(List<CsvProblem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in file order. */
  public List<CsvProblem> problems() {
    return problems;
  }

  private static String describe(List<CsvProblem> problems) {
    String shown =
        problems.stream()
            .limit(SHOWN)
            .map(CsvProblem::toString)
            .collect(Collectors.joining("\n  "));
    int more = problems.size() - SHOWN;
    return "nothing imported; "
        + problems.size()
        + " problem(s):\n  "
        + shown
        + (more > 0 ? "\n  ... and " + more + " more" : "");
  }
}
