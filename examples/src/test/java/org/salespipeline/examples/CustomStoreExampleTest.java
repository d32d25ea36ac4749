package org.salespipeline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomStoreExampleTest {
  @Test
  void theHostsLedgerLetsTheSpiRulesRefuseAStaleCreateAndAReusedKey() {
    assertThat(CustomStoreExample.rulesAtWork())
        .containsExactly(
            "created version 1",
            "second create refused: stored version 1",
            "key import-1 refused: already used");
  }
}
