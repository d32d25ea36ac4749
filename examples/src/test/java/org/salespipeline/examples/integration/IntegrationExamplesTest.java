package org.salespipeline.examples.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.DealId;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.event.EventFeed;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;
import org.salespipeline.jdbc.JdbcPipelineStore;

/** The README's "Event feed" and "Metrics" examples: the code they show, compiled and run. */
class IntegrationExamplesTest {
  private static final UserId ANN = UserId.of("ann");

  /** Checkpoints in memory; a host keeps them in its own database. */
  private static final class MapCheckpoints implements SearchIndexSync.Checkpoints {
    final Map<String, Long> saved = new HashMap<>();

    @Override
    public long load(String consumer) {
      return saved.getOrDefault(consumer, EventFeed.START);
    }

    @Override
    public void save(String consumer, long position) {
      saved.put(consumer, position);
    }
  }

  /** An index that can be made to crash after some events; it counts what it saw twice. */
  private static final class CrashingIndex implements SearchIndexSync.SearchIndex {
    final Map<String, DealEvent> documents = new LinkedHashMap<>();
    final List<String> seenAgain = new ArrayList<>();
    int crashAfter = Integer.MAX_VALUE;

    @Override
    public void apply(String eventId, DealEvent event) {
      if (crashAfter-- <= 0) {
        throw new IllegalStateException("index crashed");
      }
      if (documents.put(eventId, event) != null) {
        seenAgain.add(eventId);
      }
    }
  }

  private static OpenDeal deal(int i) {
    return OpenDeal.builder()
        .name("Deal " + i)
        .owner(ANN)
        .actor(ANN)
        .amount(Money.of(1_000 + i, "EUR"))
        .expectedCloseDate(LocalDate.now().plusMonths(2))
        .build();
  }

  @Test
  void feedConsumerResumesFromItsStoredPosition() {
    try (JdbcPipelineStore store = JdbcPipelineStore.h2InMemory("feed_example")) {
      SalesPipeline pipeline = SalesPipeline.builder().store(store).build();
      List<DealId> ids = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        ids.add(pipeline.openDeal(deal(i)).deal().id());
      }
      MapCheckpoints checkpoints = new MapCheckpoints();
      CrashingIndex index = new CrashingIndex();
      long first = SearchIndexSync.catchUp(pipeline, checkpoints, index);
      for (DealId id : ids) {
        pipeline.update(
            UpdateDeal.builder().deal(id).actor(ANN).amount(Money.of(5_000, "EUR")).build());
      }
      pipeline.move(ids.get(0), StandardPipelines.QUALIFICATION, ANN);

      index.crashAfter = 2; // the process dies half-way through the page
      assertThatThrownBy(() -> SearchIndexSync.catchUp(pipeline, checkpoints, index))
          .hasMessage("index crashed");
      index.crashAfter = Integer.MAX_VALUE;
      long last = SearchIndexSync.catchUp(pipeline, checkpoints, index);

      assertThat(first).isEqualTo(3);
      assertThat(checkpoints.load("search-index")).isEqualTo(last);
      assertThat(index.documents).hasSize(3 + 3 + 1);
      assertThat(index.seenAgain).hasSize(2); // the events handled before the crash, no more
      for (DealId id : ids) {
        assertThat(index.documents.values().stream().filter(e -> e.dealId().equals(id)))
            .extracting(DealEvent::sequence)
            .isSorted()
            .containsExactlyElementsOf(
                pipeline.history(id).stream().map(DealEvent::sequence).toList());
      }
    }
  }

  @Test
  void metricsAreRegistered() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TestObservationRegistry observations = TestObservationRegistry.create();
    SalesPipeline pipeline =
        MetricsSetup.engine(new InMemoryPipelineStore(), registry, observations);

    // the engine reports in USD by default; the gauges total the board in that currency
    pipeline.openDeal(
        OpenDeal.builder()
            .name("Globex")
            .owner(ANN)
            .actor(ANN)
            .amount(Money.of(2_500, "USD"))
            .expectedCloseDate(LocalDate.now().plusMonths(2))
            .build());

    assertThat(
            registry
                .get("salespipeline.commands")
                .tag("command", "open")
                .tag("outcome", "ok")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get("salespipeline.open.deals")
                .tag("stage", StandardPipelines.PROSPECTING)
                .gauge()
                .value())
        .isEqualTo(1.0);
    assertThat(
            registry
                .get("salespipeline.open.amount")
                .tag("stage", StandardPipelines.PROSPECTING)
                .tag("currency", "USD")
                .gauge()
                .value())
        .isEqualTo(2_500.0);
    TestObservationRegistryAssert.assertThat(observations)
        .hasObservationWithNameEqualTo("salespipeline.command");
  }

  @Test
  void readmeShowsTheCompiledExamples() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    assertThat(block(readme, "## Event feed"))
        .isEqualTo(marked("SearchIndexSync.java", "README feed"));
    assertThat(block(readme, "## Metrics"))
        .isEqualTo(marked("MetricsSetup.java", "README metrics"));
  }

  /** The first java block after the heading, without whitespace. */
  private static String block(String readme, String heading) {
    String after = readme.substring(readme.indexOf(heading));
    after = after.substring(after.indexOf("```java") + 7);
    return after.substring(0, after.indexOf("```")).replaceAll("\\s+", "");
  }

  private static String marked(String file, String marker) throws IOException {
    String source =
        Files.readString(Path.of("src/main/java/org/salespipeline/examples/integration", file));
    String from = source.substring(source.indexOf("// --- " + marker + " begins"));
    return from.substring(from.indexOf('\n'), from.indexOf("// --- " + marker + " ends"))
        .replaceAll("\\s+", "");
  }
}
