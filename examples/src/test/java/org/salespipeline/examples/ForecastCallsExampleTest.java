package org.salespipeline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The README's forecast calls section is the code {@link ForecastCallsExample} runs. */
class ForecastCallsExampleTest {

  @Test
  void repsCallManagersAdjustAndTheRollupAnswersSystemAndAdjusted() {
    assertThat(ForecastCallsExample.run())
        .containsExactly(
            "alice calls 40000.00 USD commit with 1 deal(s) behind it",
            "refused: maria may not adjust team:east: a manager adjusts only nodes strictly below"
                + " the teams they manage",
            "user:bob commit: system 50000, adjusted 30000 (1 adjustment(s) behind it)",
            "team:east commit: system 100000, adjusted 80000 (1 adjustment(s) behind it)",
            "team:sales commit: system 100000, adjusted 80000 (1 adjustment(s) behind it)",
            "late: LOCKED",
            "1 call(s) stored");
  }
}
