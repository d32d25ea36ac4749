package org.salespipeline.benchmarks.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.salespipeline.core.CloseReason;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.forecast.DealSnapshots;
import org.salespipeline.forecast.model.MarkovChainModel;
import org.salespipeline.forecast.model.StageConversionModel;
import org.salespipeline.forecast.model.StageTransitions;

/**
 * Fitting the Markov and stage-conversion models from 1M history events (core {@link DealEvent}s,
 * ordered by deal then sequence) against one pass that only reads every event (floor: at most 3x).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ModelFitBenchmark {
  static final PipelineDefinition PIPE = StandardPipelines.newBusiness();
  static final Instant END = Instant.parse("2030-01-01T00:00:00Z");

  List<DealEvent> events;

  @Setup
  public void setup() {
    SplittableRandom r = new SplittableRandom(5);
    List<String> open = PIPE.openStages().stream().map(s -> s.key()).toList();
    events = new ArrayList<>(1_000_000);
    UserId actor = UserId.of("system");
    Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
    CloseReason won = new CloseReason(DealStatus.WON, "fit", Optional.empty());
    CloseReason lost = new CloseReason(DealStatus.LOST, "price", Optional.empty());
    for (long k = 0; events.size() < 1_000_000; k++) {
      DealId id = new DealId(new UUID(0, k));
      Instant at = t0.plusSeconds(r.nextInt(30_000_000));
      Deal d =
          Deal.builder()
              .id(id)
              .workspace(WorkspaceId.of("w"))
              .pipeline(PIPE.id())
              .stage(open.get(0))
              .status(DealStatus.OPEN)
              .name("d")
              .owner(actor)
              .amount(Money.of(1000, "USD"))
              .expectedCloseDate(LocalDate.of(2026, 1, 1))
              .forecastCategory(ForecastCategory.PIPELINE)
              .createdAt(at)
              .stageEnteredAt(at)
              .version(1)
              .lastEventSequence(1)
              .build();
      long seq = 1;
      events.add(new DealEvent(id, seq, seq, at, actor, Optional.empty(), new Change.Created(d)));
      int stage = 0;
      while (events.size() < 1_000_000) {
        at = at.plusSeconds(86_400);
        seq++;
        if (stage + 1 < open.size() && r.nextInt(3) > 0) {
          Change c = new Change.StageChanged(open.get(stage), open.get(stage + 1));
          events.add(new DealEvent(id, seq, seq, at, actor, Optional.empty(), c));
          stage++;
        } else {
          Change c = r.nextBoolean() ? new Change.Won(won) : new Change.Lost(lost);
          events.add(new DealEvent(id, seq, seq, at, actor, Optional.empty(), c));
          break;
        }
      }
    }
  }

  /** Baseline: one pass reading each event's deal, time and kind of change. */
  @Benchmark
  public long baselineReadEvents() {
    long h = 0;
    for (DealEvent e : events) {
      h += e.dealId().hashCode() + e.at().getEpochSecond();
      if (e.change() instanceof Change.StageChanged) {
        h++;
      }
    }
    return h;
  }

  /** Counting stage exits, then fitting both models. */
  @Benchmark
  public Object fitModels() {
    StageTransitions t = DealSnapshots.transitions(events.stream(), PIPE, END);
    return new Object[] {MarkovChainModel.fit(t), StageConversionModel.fit(t)};
  }
}
