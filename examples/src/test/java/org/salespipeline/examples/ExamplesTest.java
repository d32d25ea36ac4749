package org.salespipeline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.salespipeline.core.qualification.Verdict;

class ExamplesTest {
  @Test
  void theCustomRuleRefusesABigDealWithoutNextStepAndTheOverrideMovesIt() {
    assertThat(CustomStageRuleExample.run())
        .singleElement()
        .satisfies(v -> assertThat(v.rule()).isEqualTo("next-step-for-big-deals"));
  }

  @Test
  void theCustomFrameworkQualifiesAndTheStandardRuleAcceptsIt() {
    assertThat(CustomQualificationFrameworkExample.run().verdict()).isEqualTo(Verdict.QUALIFIED);
  }

  @Test
  void theListenerHearsTheLostDeal() {
    assertThat(ListeningToEventsExample.run())
        .singleElement()
        .asString()
        .contains("lost by alice: chose competitor");
  }

  @Test
  void theCustomStoreListsTheAccountsTheEngineCreated() {
    assertThat(CustomStoreExample.run()).containsExactly("Globex", "Initech");
  }
}
