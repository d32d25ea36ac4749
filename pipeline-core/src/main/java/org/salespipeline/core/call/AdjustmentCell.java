package org.salespipeline.core.call;

import java.util.Objects;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.org.OrgNode;

/**
 * One cell of the roll-up grid that an adjustment applies to: a node, a period, a forecast type and
 * a category. Each cell has its own version sequence. Immutable.
 *
 * @param node the adjusted node, not null
 * @param period the period, not null
 * @param forecastType the forecast type, not blank
 * @param category the category, not null
 */
public record AdjustmentCell(
    OrgNode node, CallPeriod period, String forecastType, CallCategory category) {

  /**
   * @throws ValidationException if a component is null or the forecast type is blank
   */
  public AdjustmentCell {
    if (node == null || period == null || forecastType == null || category == null) {
      String field =
          node == null
              ? "node"
              : period == null ? "period" : forecastType == null ? "forecastType" : "category";
      throw new ValidationException(FieldProblem.of(field, null, "must not be null"));
    }
    if (forecastType.isBlank()) {
      throw new ValidationException(FieldProblem.of("forecastType", "", "must not be blank"));
    }
  }

  /** The cell. */
  public static AdjustmentCell of(
      OrgNode node, CallPeriod period, String forecastType, CallCategory category) {
    return new AdjustmentCell(node, period, forecastType, category);
  }

  @Override
  public String toString() {
    return node.key() + "/" + period + "/" + forecastType + "/" + category;
  }

  @Override
  public int hashCode() {
    return Objects.hash(node, period, forecastType, category);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AdjustmentCell c
        && node.equals(c.node)
        && period.equals(c.period)
        && forecastType.equals(c.forecastType)
        && category == c.category;
  }
}
