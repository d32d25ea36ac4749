package org.salespipeline.core.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.core.qualification.BantPolicyTest.assertProblem;

import java.time.Period;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.Money;
import org.salespipeline.core.ValidationException;

class AssessmentValidationTest {

  @Test
  void missingFactsDefaultToUnknown() {
    BantAssessment bant = BantAssessment.builder().build();

    assertThat(bant.budget()).isEqualTo(Budget.unknown());
    assertThat(bant.budget().amount()).isEmpty();
    assertThat(bant.budget().confirmed()).isFalse();
    assertThat(bant.authority()).isEqualTo(AuthorityRole.UNKNOWN);
    assertThat(bant.need().severity()).isEqualTo(NeedSeverity.NONE);
    assertThat(bant.need().painPoints()).isEmpty();
    assertThat(bant.timeline().isUnknown()).isTrue();

    ChampAssessment champ = ChampAssessment.builder().build();
    assertThat(champ.frameworkKey()).isEqualTo("champ");
    assertThat(champ.prioritization()).isEqualTo(Priority.UNKNOWN);
    assertThat(champ.money()).isEqualTo(Budget.unknown());
  }

  @Test
  void aBlankPainPointIsRefusedNamingItsPosition() {
    assertProblem(() -> Need.of(NeedSeverity.HIGH, "slow close", "  "), "painPoints[1]", "  ");
    assertProblem(() -> Need.of(NeedSeverity.HIGH, ""), "painPoints[0]", "");
  }

  @Test
  void anOversizedPainPointIsRefused() {
    String longest = "x".repeat(Need.MAX_PAIN_POINT);

    assertThat(Need.of(NeedSeverity.HIGH, longest).painPoints()).containsExactly(longest);
    assertThatThrownBy(() -> Need.of(NeedSeverity.HIGH, longest + "x"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .satisfies(
                        p -> {
                          assertThat(p.field()).isEqualTo("painPoints[0]");
                          assertThat(p.message()).isEqualTo("must be at most 500 characters");
                        }));
  }

  @Test
  void aPainPointWithAControlCharacterIsRefused() {
    assertThatThrownBy(() -> Need.of(NeedSeverity.LOW, "fine", "bell\u0007"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .satisfies(
                        p -> {
                          assertThat(p.field()).isEqualTo("painPoints[1]");
                          assertThat(p.value()).isEqualTo("bell\\u0007");
                          assertThat(p.message()).isEqualTo("must not contain control characters");
                        }));
    assertThatThrownBy(() -> Need.of(NeedSeverity.LOW, "two\nlines"))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void atMostFiftyPainPointsAreAccepted() {
    List<String> fifty = Collections.nCopies(Need.MAX_PAIN_POINTS, "pain");

    assertThat(Need.builder().addAllPainPoints(fifty).build().painPoints()).hasSize(50);
    assertProblem(
        () -> Need.builder().addAllPainPoints(fifty).addPainPoints("one more").build(),
        "painPoints",
        "51 entries");
  }

  @Test
  void aMissingSeverityIsRefused() {
    assertProblem(() -> Need.builder().severity(null).build(), "severity", null);
  }

  @Test
  void negativeAmountsAndHorizonsAreRefused() {
    assertProblem(() -> Budget.confirmed(Money.of(-1, "USD")), "amount", "-1.00 USD");
    assertProblem(() -> Timeline.within(Period.ofMonths(-1)), "horizon", "P-1M");
    assertProblem(() -> Budget.confirmed(null), "amount", null);
    assertProblem(() -> Timeline.by(null), "purchaseDate", null);
  }

  @Test
  void nullFactsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> BantAssessment.builder().authority(null).need(null).build())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(FieldProblem::field)
                    .containsExactly("authority", "need"));
    assertProblem(
        () -> ChampAssessment.builder().prioritization(null).build(), "prioritization", null);
  }
}
