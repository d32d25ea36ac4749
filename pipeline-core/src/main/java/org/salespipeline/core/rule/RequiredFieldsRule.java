package org.salespipeline.core.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.salespipeline.core.Deal;

/**
 * A deal enters a stage only with the named fields present. Known fields: {@code account}, {@code
 * primaryContact}, {@code nextStep}, {@code needsAnalysis}, {@code proposal}, {@code negotiation},
 * {@code qualification}, {@code probabilityOverride}, and {@code attributes.NAME} for a custom
 * attribute.
 */
public final class RequiredFieldsRule implements StageRule {
  private static final Set<String> KNOWN =
      Set.of(
          "account",
          "primaryContact",
          "nextStep",
          "needsAnalysis",
          "proposal",
          "negotiation",
          "qualification",
          "probabilityOverride");

  private final String stage;
  private final List<String> fields;

  /**
   * @param stage the stage that needs the fields
   * @param fields the field names
   * @throws IllegalArgumentException naming an unknown field
   */
  public RequiredFieldsRule(String stage, List<String> fields) {
    for (String field : fields) {
      if (!KNOWN.contains(field) && !field.startsWith("attributes.")) {
        throw new IllegalArgumentException(
            "unknown field '" + field + "'; known: " + KNOWN + " and attributes.NAME");
      }
    }
    this.stage = stage;
    this.fields = List.copyOf(fields);
  }

  @Override
  public List<RuleViolation> check(Transition t) {
    if (!t.enters(stage)) {
      return List.of();
    }
    List<RuleViolation> violations = new ArrayList<>();
    for (String field : fields) {
      if (!present(t.deal(), field)) {
        violations.add(RuleViolation.of(key(), field, "is required to enter " + stage));
      }
    }
    return violations;
  }

  private static boolean present(Deal deal, String field) {
    return switch (field) {
      case "account" -> deal.account().isPresent();
      case "primaryContact" -> deal.primaryContact().isPresent();
      case "nextStep" -> deal.nextStep().filter(s -> !s.isBlank()).isPresent();
      case "needsAnalysis" -> deal.needsAnalysis().isPresent();
      case "proposal" -> deal.proposal().isPresent();
      case "negotiation" -> deal.negotiation().isPresent();
      case "qualification" -> deal.qualification().isPresent();
      case "probabilityOverride" -> deal.probabilityOverride().isPresent();
      default -> deal.attributes().containsKey(field.substring("attributes.".length()));
    };
  }

  @Override
  public String key() {
    return "required-fields";
  }
}
