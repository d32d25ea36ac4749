package org.salespipeline.core.qualification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.immutables.value.Value;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.internal.Texts;

/**
 * What is known about the prospect's need: how severe it is and the pain points behind it. CHAMP
 * uses the same shape for its challenges.
 *
 * <p>Build with {@link #builder()} or the factories. Defaults: severity {@link NeedSeverity#NONE}
 * and no pain points (no need known). Each pain point must be non-blank, at most {@value
 * #MAX_PAIN_POINT} characters and free of control characters; at most {@value #MAX_PAIN_POINTS}
 * pain points.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
public abstract class Need {
  /** Longest pain point accepted, in characters. */
  public static final int MAX_PAIN_POINT = 500;

  /** Most pain points accepted. */
  public static final int MAX_PAIN_POINTS = 50;

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A need nothing is known about. */
  public static Need unknown() {
    return builder().build();
  }

  /**
   * A need of the given severity.
   *
   * @param severity the severity, not null
   * @param painPoints the pain points behind it, in the order the prospect gave them
   * @throws ValidationException if the severity is null or a pain point is invalid
   */
  public static Need of(NeedSeverity severity, String... painPoints) {
    return builder().severity(severity).addAllPainPoints(Arrays.asList(painPoints)).build();
  }

  /** How badly the prospect needs a solution. */
  @Value.Default
  public NeedSeverity severity() {
    return NeedSeverity.NONE;
  }

  /** The pain points behind the need, in the order recorded; each a short sentence. */
  public abstract List<String> painPoints();

  @Value.Check
  void check() {
    List<FieldProblem> problems = new ArrayList<>();
    if (severity() == null) {
      problems.add(FieldProblem.of("severity", null, "must not be null"));
    }
    checkTexts("painPoints", painPoints(), problems);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /** Adds a problem for each bad text of a list of short texts a person entered. */
  static void checkTexts(String field, List<String> texts, List<FieldProblem> problems) {
    if (texts.size() > MAX_PAIN_POINTS) {
      problems.add(
          FieldProblem.of(
              field, texts.size() + " entries", "must have at most " + MAX_PAIN_POINTS));
    }
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      String name = field + "[" + i + "]";
      if (text == null) {
        problems.add(FieldProblem.of(name, null, "must not be null"));
      } else if (text.isBlank()) {
        problems.add(FieldProblem.of(name, text, "must not be blank"));
      } else if (text.length() > MAX_PAIN_POINT) {
        problems.add(
            FieldProblem.of(name, text, "must be at most " + MAX_PAIN_POINT + " characters"));
      } else if (Texts.hasControlCharacter(text, false)) {
        problems.add(FieldProblem.of(name, text, "must not contain control characters"));
      }
    }
  }

  /** Builds needs; not thread-safe. */
  public static class Builder extends ImmutableNeed.Builder {}
}
