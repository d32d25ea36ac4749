package org.salespipeline.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Stored type names are data: this test pins them so that no refactoring changes them silently. */
class ChangeTypeNamesTest {

  @Test
  void storedTypeNamesArePinned() {
    assertThat(Change.TYPE_NAMES)
        .containsExactly(
            "Created",
            "StageChanged",
            "AmountChanged",
            "CloseDateChanged",
            "OwnerChanged",
            "CategoryChanged",
            "ProbabilityOverrideChanged",
            "DetailsChanged",
            "QualificationRecorded",
            "ActivityLogged",
            "Won",
            "Lost",
            "Disqualified",
            "Reopened",
            "RuleOverridden",
            "RetentionChanged",
            "RecurringRevenueChanged",
            "HealthChecked",
            "RenewalTermsSet");
  }

  @Test
  void everyKindHasExactlyOneTypeName() {
    assertThat(Change.class.getPermittedSubclasses()).hasSameSizeAs(Change.TYPE_NAMES);
    assertThat(
            Arrays.stream(Change.class.getPermittedSubclasses())
                .map(
                    kind -> {
                      try {
                        return (String) kind.getField("TYPE").get(null);
                      } catch (ReflectiveOperationException e) {
                        throw new AssertionError(kind + " declares no TYPE constant", e);
                      }
                    }))
        .containsExactlyInAnyOrderElementsOf(Change.TYPE_NAMES);
  }

  @Test
  void visitorReachesTheMethodOfTheKind() {
    Change change = new Change.StageChanged("prospecting", "qualification");
    String seen = change.accept(new NamingVisitor());
    assertThat(seen).isEqualTo("StageChanged:qualification");
    assertThat(change.typeName()).isEqualTo(Change.StageChanged.TYPE);
  }
}
