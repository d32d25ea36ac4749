package org.salespipeline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The README's fiscal calendar section runs and says what it claims. */
class FiscalRollupExampleTest {

  @Test
  void aMovedRepsWonDealStaysWhereSheWasAndTheQuotaIsSummed() {
    assertThat(FiscalRollupExample.run())
        .containsExactly(
            "Q3 FY2027: 2026-08-02 to 2026-10-31",
            "east: closed 5000000, commit 5000000",
            "west: closed 0, commit 2000000",
            "sales: closed 5000000, commit 7000000",
            "sales quota 10000000");
  }
}
