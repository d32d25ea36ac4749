package org.salespipeline.examples.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealKind;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.EventQuery;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;
import org.salespipeline.examples.progress.Progress;

class PipelineGeneratorTest {
  static final GeneratorOptions OPTIONS =
      new GeneratorOptions(1_500, 7, Instant.parse("2026-06-15T17:00:00Z"), 730);
  static SalesPipeline pipeline;
  static PipelineGenerator.Summary summary;

  @BeforeAll
  static void generate() {
    pipeline = engine();
    summary =
        PipelineGenerator.generate(
            pipeline, (MutableClock) pipeline.clock(), OPTIONS, Progress.NONE);
  }

  static SalesPipeline engine() {
    MutableClock clock = new MutableClock(OPTIONS.start());
    return DemoCompany.engine(
            new InMemoryPipelineStore(), clock, OPTIONS.seed(), LocalDate.of(2023, 1, 1))
        .build();
  }

  static List<Deal> deals(SalesPipeline p) {
    try (Stream<Deal> deals = p.streamDeals(DealQuery.all())) {
      return deals.toList();
    }
  }

  @Test
  void theSameSeedGivesTheSamePipelineIdsIncluded() {
    SalesPipeline again = engine();
    PipelineGenerator.Summary second =
        PipelineGenerator.generate(again, (MutableClock) again.clock(), OPTIONS, Progress.NONE);
    assertThat(second.deals()).isEqualTo(summary.deals());
    assertThat(second.won()).isEqualTo(summary.won());
    assertThat(deals(again)).isEqualTo(deals(pipeline));
    assertThat(again.board()).isEqualTo(pipeline.board());
  }

  @Test
  void theMixLooksLikeARealPipeline() {
    List<Deal> deals = deals(pipeline);
    assertThat(deals).hasSize(summary.deals());
    assertThat(summary.deals()).isGreaterThanOrEqualTo(1_500);
    assertThat(summary.open()).isBetween(50, 400);
    double winRate = (double) summary.won() / (summary.won() + summary.lost());
    assertThat(winRate).isBetween(0.15, 0.45);
    Set<String> currencies =
        deals.stream()
            .map(d -> d.amount().currency().getCurrencyCode())
            .collect(Collectors.toSet());
    assertThat(currencies).containsExactlyInAnyOrder("USD", "EUR", "GBP");
    assertThat(deals).anyMatch(d -> d.kind() == DealKind.RENEWAL);
    assertThat(deals).anyMatch(d -> d.kind() == DealKind.UPSELL || d.kind() == DealKind.CROSS_SELL);
    assertThat(deals).anyMatch(d -> d.closeDatePushCount() >= 2);
    assertThat(pipeline.idleDeals(java.util.Optional.empty(), java.util.Optional.empty()))
        .isNotEmpty();
    assertThat(pipeline.teams()).hasSize(5);
    assertThat(summary.quotas()).isPositive();
    Instant first = deals.stream().map(Deal::createdAt).min(Instant::compareTo).orElseThrow();
    assertThat(first).isBefore(OPTIONS.asOf().minus(java.time.Duration.ofDays(600)));
  }

  @Test
  void rulesAreOverriddenOnlyExplicitlyAndRarely() {
    long overrides;
    try (Stream<DealEvent> events = pipeline.store().streamEvents(EventQuery.all())) {
      overrides = events.filter(e -> e.change() instanceof Change.RuleOverridden).count();
    }
    assertThat(overrides)
        .isEqualTo(summary.overrides())
        .isPositive()
        .isLessThan(summary.deals() / 20);
  }

  @Test
  void everyEventLiesInThePastOfAsOf() {
    try (Stream<DealEvent> events = pipeline.store().streamEvents(EventQuery.all())) {
      assertThat(events.allMatch(e -> e.at().isBefore(OPTIONS.asOf()))).isTrue();
    }
    assertThat(pipeline.clock().instant()).isEqualTo(OPTIONS.asOf());
  }
}
