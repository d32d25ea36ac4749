package org.salespipeline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.salespipeline.core.Board;
import org.salespipeline.core.Money;

class QuickStartTest {
  @Test
  void theReadmeQuickStartRunsAndShowsTheDealInNeedsAnalysis() {
    Board board = QuickStart.run();

    assertThat(board.count()).isEqualTo(1);
    assertThat(board.columns().get(2).stage().key()).isEqualTo("needs_analysis");
    assertThat(board.columns().get(2).count()).isEqualTo(1);
    assertThat(board.weighted()).isEqualTo(Money.of("16800.00", "USD"));
  }
}
