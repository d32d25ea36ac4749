package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.core.Fixtures.ALICE;
import static org.salespipeline.core.Fixtures.openDeal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.DealImport;
import org.salespipeline.core.command.ImportResult;
import org.salespipeline.core.event.PipelineListener;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;

/**
 * Issue 14, item 4: whatever a listener throws (a runtime exception, an error, a checked exception
 * thrown sneakily), a committed command reports success and an import goes on to the end.
 */
class ListenerFailureTest {

  static Stream<Throwable> failures() {
    return Stream.of(
        new IllegalStateException("listener bug"),
        new AssertionError("listener assertion"),
        new StackOverflowError("listener recursion"),
        new IOException("listener I/O"),
        new Exception("listener checked"));
  }

  /** Throws a checked exception without declaring it, as Lombok's @SneakyThrows does. */
  @SuppressWarnings("unchecked")
  static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
    throw (T) t;
  }

  static SalesPipeline engineWithListener(Throwable failure, List<Object> heard) {
    PipelineListener failing = events -> sneakyThrow(failure);
    return SalesPipeline.builder()
        .store(new InMemoryPipelineStore())
        .clock(Fixtures.clock())
        .listener(failing)
        .listener(heard::addAll)
        .build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void aCommittedCommandReportsSuccessWhateverAListenerThrows(Throwable failure) {
    List<Object> heard = new ArrayList<>();
    SalesPipeline pipeline = engineWithListener(failure, heard);

    CommandResult opened = pipeline.openDeal(openDeal().build());
    CommandResult moved = pipeline.move(opened.deal().id(), StandardPipelines.QUALIFICATION, ALICE);

    assertThat(moved.deal().stage()).isEqualTo(StandardPipelines.QUALIFICATION);
    assertThat(pipeline.requireDeal(opened.deal().id()).version()).isEqualTo(2);
    // the listener after the failing one still hears every committed event
    assertThat(heard).hasSize(opened.events().size() + moved.events().size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void anImportGoesOnToTheEndWhateverAListenerThrows(Throwable failure) {
    List<Object> heard = new ArrayList<>();
    SalesPipeline pipeline = engineWithListener(failure, heard);
    int rows = SalesPipeline.IMPORT_BATCH_SIZE + 5;
    List<DealImport> imports =
        IntStream.range(0, rows)
            .mapToObj(i -> DealImport.builder().deal(openDeal().name("Deal " + i).build()).build())
            .toList();

    ImportResult result = pipeline.importDeals(imports, ProgressListener.NONE);

    assertThat(result.imported()).hasSize(rows);
    try (Stream<Deal> stored = pipeline.streamDeals(DealQuery.all())) {
      assertThat(stored.count()).isEqualTo(rows);
    }
    assertThat(heard).hasSize(rows);
  }
}
