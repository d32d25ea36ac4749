package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.core.Fixtures.openDeal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.command.DealImport;
import org.salespipeline.core.command.ImportResult;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.store.DealQuery;

class BulkImportTest {
  TestClock clock = Fixtures.clock();
  SalesPipeline pipeline = Fixtures.engine(clock);
  Instant monthAgo = clock.instant().minus(Duration.ofDays(30));

  @Test
  void importsDealsInTheirStagesWithOriginalTimesAndRecordsOverrides() {
    List<long[]> progress = new ArrayList<>();
    ImportResult result =
        pipeline.importDeals(
            List.of(
                DealImport.builder()
                    .deal(openDeal().name("Fresh lead").build())
                    .openedAt(monthAgo)
                    .build(),
                DealImport.builder()
                    .deal(openDeal().name("Late stage").build())
                    .stage("negotiation")
                    .openedAt(monthAgo)
                    .movedAt(monthAgo.plus(Duration.ofDays(10)))
                    .override("imported from legacy CRM")
                    .build(),
                DealImport.builder()
                    .deal(openDeal().name("Old loss").build())
                    .stage("closed_lost")
                    .closeReason("price")
                    .openedAt(monthAgo)
                    .movedAt(monthAgo.plus(Duration.ofDays(5)))
                    .build()),
            (done, total) -> progress.add(new long[] {done, total}));

    assertThat(result.imported()).hasSize(3);
    assertThat(result.overridden()).isEqualTo(1);
    assertThat(progress).last().satisfies(p -> assertThat(p).containsExactly(3, 3));

    Deal late = pipeline.requireDeal(result.imported().get(1));
    assertThat(late.stage()).isEqualTo("negotiation");
    assertThat(late.createdAt()).isEqualTo(monthAgo);
    assertThat(late.stageEnteredAt()).isEqualTo(monthAgo.plus(Duration.ofDays(10)));
    assertThat(late.version()).isEqualTo(1);
    List<DealEvent> history = pipeline.history(late.id());
    assertThat(history)
        .extracting(DealEvent::type)
        .containsExactly("Created", "RuleOverridden", "StageChanged", "CategoryChanged");
    assertThat(history.get(1).change())
        .isInstanceOfSatisfying(
            Change.RuleOverridden.class,
            o -> assertThat(o.reason()).isEqualTo("imported from legacy CRM"));
    assertThat(DealHistory.replay(history)).isEqualTo(late);

    Deal lost = pipeline.requireDeal(result.imported().get(2));
    assertThat(lost.status()).isEqualTo(DealStatus.LOST);
    assertThat(lost.closedAt()).contains(monthAgo.plus(Duration.ofDays(5)));
  }

  @Test
  void aBadRowAnywhereWritesNothingAndNamesEveryBadRow() {
    List<DealImport> rows = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      rows.add(DealImport.builder().deal(openDeal().name("Deal " + i).build()).build());
    }
    rows.set(
        1200, DealImport.builder().deal(openDeal().amount(Money.of(-3, "USD")).build()).build());
    rows.set(2400, DealImport.builder().deal(openDeal().build()).stage("proposal").build());

    assertThatThrownBy(() -> pipeline.importDeals(rows, ProgressListener.NONE))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(FieldProblem::field)
                    .containsExactly("imports[1200].deal.amount", "imports[2400].stage"));
    assertThat(pipeline.findDeals(DealQuery.all()).items()).isEmpty();
  }

  @Test
  void importsManyInBatches() {
    List<DealImport> rows = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      rows.add(DealImport.builder().deal(openDeal().name("Deal " + i).build()).build());
    }
    List<Long> done = new ArrayList<>();
    pipeline.importDeals(rows, (d, total) -> done.add(d));
    assertThat(done).containsExactly(0L, 1000L, 2000L, 2500L);
    try (var deals = pipeline.streamDeals(DealQuery.all())) {
      assertThat(deals.count()).isEqualTo(2500);
    }
  }

  /** Issue 14, item 10: a date before any store keeps it faithfully is refused at the door. */
  @Test
  void importsDatedBeforeTheEarliestInstantAreRefused() {
    Instant yearZero = Instant.parse("0000-06-01T00:00:00Z");
    List<DealImport> rows =
        List.of(
            DealImport.builder().deal(openDeal().build()).openedAt(yearZero).build(),
            DealImport.builder()
                .deal(openDeal().build())
                .openedAt(Instant.parse("1899-12-31T23:59:59Z"))
                .build(),
            DealImport.builder()
                .deal(openDeal().expectedCloseDate(LocalDate.of(1900, 3, 1)).build())
                .openedAt(SalesPipeline.EARLIEST_IMPORT_TIME)
                .build());

    assertThatThrownBy(() -> pipeline.importDeals(rows, ProgressListener.NONE))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(FieldProblem::field)
                    .containsExactly("imports[0].openedAt", "imports[1].openedAt"));
    assertThat(pipeline.findDeals(DealQuery.all()).items()).isEmpty();
  }
}
