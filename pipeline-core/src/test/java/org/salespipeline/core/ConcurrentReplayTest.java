package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.core.Fixtures.ALICE;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.event.DealEvent;

/**
 * Replays of one command racing each other: whichever thread commits, every caller gets the first
 * result and the history holds the command's events once.
 */
class ConcurrentReplayTest {
  @Test
  void racingReplaysOfMovesAndWinsAllReturnTheFirstResult() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 150; round++) {
        SalesPipeline pipeline = Fixtures.lenientEngine(Fixtures.clock());
        DealId id = pipeline.openDeal(Fixtures.openDeal().build()).deal().id();
        MoveDeal move =
            MoveDeal.builder()
                .deal(id)
                .actor(ALICE)
                .toStage("qualification")
                .idempotencyKey("m" + round)
                .build();
        CloseDeal win =
            CloseDeal.builder().deal(id).actor(ALICE).idempotencyKey("w" + round).build();

        List<CommandResult> moves = race(threads, () -> pipeline.move(move));
        List<CommandResult> wins = race(threads, () -> pipeline.win(win));

        assertThat(moves).extracting(CommandResult::deal).containsOnly(moves.get(0).deal());
        assertThat(wins).extracting(CommandResult::deal).containsOnly(wins.get(0).deal());
        assertThat(moves).filteredOn(r -> !r.replayed()).hasSize(1);
        assertThat(pipeline.history(id))
            .extracting(DealEvent::type)
            .containsExactly("Created", "StageChanged", "StageChanged", "CategoryChanged", "Won");
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static List<CommandResult> race(ExecutorService threads, Supplier<CommandResult> command)
      throws Exception {
    CyclicBarrier start = new CyclicBarrier(4);
    List<Future<CommandResult>> futures = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      futures.add(
          threads.submit(
              () -> {
                start.await();
                return command.get();
              }));
    }
    List<CommandResult> results = new ArrayList<>();
    for (Future<CommandResult> future : futures) {
      results.add(future.get());
    }
    return results;
  }
}
