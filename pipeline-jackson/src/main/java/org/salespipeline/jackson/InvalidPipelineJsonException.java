package org.salespipeline.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import org.salespipeline.json.JsonProblem;

/**
 * JSON that does not describe a valid pipeline value: each problem names the JSON path from the
 * document's root and the rule it breaks, for example {@code $.amount.currency: is not an ISO 4217
 * currency code}. Nothing was built. A {@link MismatchedInputException}, so hosts that map
 * Jackson's input errors to a 400 response keep doing so.
 */
public final class InvalidPipelineJsonException extends MismatchedInputException {
  private static final long serialVersionUID = 1L;

  private final transient List<JsonProblem> problems;

  InvalidPipelineJsonException(JsonParser p, JavaType type, List<JsonProblem> problems) {
    super(p, describe(problems), type);
    this.problems = List.copyOf(problems);
  }

  private static String describe(List<JsonProblem> problems) {
    StringBuilder out = new StringBuilder();
    for (JsonProblem problem : problems) {
      out.append(out.length() == 0 ? "" : "; ").append(problem);
    }
    return out.toString();
  }

  /** Every problem found, with its path from the document's root; never empty. */
  public List<JsonProblem> problems() {
    return problems;
  }
}
