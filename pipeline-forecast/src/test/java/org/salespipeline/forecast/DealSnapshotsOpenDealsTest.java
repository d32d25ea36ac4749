package org.salespipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.CurrencyConversionException;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.FixedRateCurrencyConverter;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.WorkspaceStore;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;

/**
 * {@link DealSnapshots#fromOpenDeals}: the columnar load equals {@link DealSnapshots#fromDeals}.
 */
class DealSnapshotsOpenDealsTest {
  static final PipelineDefinition PIPE = StandardPipelines.newBusiness();
  static final Currency USD = Currency.getInstance("USD");
  static final WorkspaceId WS = WorkspaceId.of("w");
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final UserId ACTOR = UserId.of("system");
  static final String[] CURRENCIES = {"USD", "USD", "EUR", "JPY", "BHD"};

  static final CurrencyConverter RATES =
      FixedRateCurrencyConverter.builder()
          .rate("EUR", "USD", LocalDate.of(2026, 1, 1), "1.0873")
          .rate("JPY", "USD", LocalDate.of(2026, 1, 1), "0.006712")
          .rate("BHD", "USD", LocalDate.of(2026, 1, 1), "2.6525")
          .build();

  static WorkspaceStore store(long seed, int deals) {
    SplittableRandom r = new SplittableRandom(seed);
    List<String> open = PIPE.openStages().stream().map(s -> s.key()).toList();
    WorkspaceStore store = new InMemoryPipelineStore().workspace(WS);
    for (int k = 0; k < deals; k++) {
      DealId id = new DealId(new UUID(r.nextLong(), r.nextLong()));
      // instants with nanoseconds, some created after the snapshot date (age 0)
      Instant created =
          Instant.parse("2026-01-01T00:00:00Z")
              .plusSeconds(r.nextLong(200L * 86_400))
              .plusNanos(r.nextInt(1_000_000_000));
      String code = CURRENCIES[r.nextInt(CURRENCIES.length)];
      Currency c = Currency.getInstance(code);
      Deal.Builder d =
          Deal.builder()
              .id(id)
              .workspace(WS)
              .pipeline(k % 7 == 0 ? StandardPipelines.RENEWALS : PIPE.id())
              .stage(k % 7 == 0 ? "renewal_due" : open.get(r.nextInt(open.size())))
              .status(DealStatus.OPEN)
              .name("deal " + k)
              .owner(UserId.of("rep" + r.nextInt(5)))
              .amount(Money.ofMinor(r.nextLong(1_000_000_000L), c))
              .expectedCloseDate(AS_OF.plusDays(r.nextInt(-30, 300)))
              .forecastCategory(ForecastCategory.values()[r.nextInt(4)])
              .createdAt(created)
              .stageEnteredAt(created)
              .version(1)
              .lastEventSequence(1);
      Deal deal = d.build();
      store.commit(
          new DealCommit(
              0,
              deal,
              List.of(
                  new DealEvent(
                      id, 1, 1, created, ACTOR, Optional.empty(), new Change.Created(deal))),
              List.of(),
              Optional.empty(),
              Optional.empty()));
    }
    return store;
  }

  static List<Deal> openDeals(WorkspaceStore store, PipelineId pipeline) {
    DealQuery q = DealQuery.builder().pipeline(pipeline).addStatuses(DealStatus.OPEN).build();
    try (Stream<Deal> deals = store.streamDeals(q)) {
      return deals.toList();
    }
  }

  @Test
  void columnsEqualThoseOfFromDealsOnTheSameData() {
    WorkspaceStore store = store(42, 600);
    AtomicInteger calls = new AtomicInteger();
    CurrencyConverter counting =
        (amount, target, date) -> {
          calls.incrementAndGet();
          return RATES.convert(amount, target, date);
        };
    PipelineSnapshot expected =
        DealSnapshots.fromDeals(openDeals(store, PIPE.id()), PIPE, USD, AS_OF, ZONE, RATES);
    PipelineSnapshot actual = DealSnapshots.fromOpenDeals(store, PIPE, USD, AS_OF, ZONE, counting);

    assertThat(calls).as("one conversion per distinct other currency").hasValue(3);
    assertThat(actual.size()).isEqualTo(expected.size()).isGreaterThan(400);
    assertThat(actual.openCount()).isEqualTo(expected.openCount()).isEqualTo(actual.size());
    assertThat(actual.currency()).isEqualTo(USD);
    assertThat(actual.asOf()).isEqualTo(AS_OF);
    assertThat(actual.stageNames()).isEqualTo(expected.stageNames());
    assertThat(actual.ownerNames()).isEqualTo(expected.ownerNames());
    assertThat(actual.amounts()).isEqualTo(expected.amounts());
    assertThat(actual.probabilities()).isEqualTo(expected.probabilities());
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < actual.size(); i++) {
      if (!actual.id(i).equals(expected.id(i))
          || actual.closeDay(i) != expected.closeDay(i)
          || actual.stage(i) != expected.stage(i)
          || actual.owner(i) != expected.owner(i)
          || actual.category(i) != expected.category(i)
          || actual.status(i) != expected.status(i)
          || actual.ageDays(i) != expected.ageDays(i)) {
        differences.add("row " + i + ": " + actual.id(i) + " vs " + expected.id(i));
      }
      // not carried by the scan
      assertThat(actual.probabilityOverride(i)).isEmpty();
      assertThat(actual.pushCount(i)).isZero();
      assertThat(actual.daysInStage(i)).isZero();
    }
    assertThat(differences).isEmpty();
  }

  @Test
  void emptyPipelineGivesEmptySnapshot() {
    WorkspaceStore store = new InMemoryPipelineStore().workspace(WS);
    PipelineSnapshot s =
        DealSnapshots.fromOpenDeals(
            store, PIPE, USD, AS_OF, ZONE, CurrencyConverter.sameCurrencyOnly());
    assertThat(s.size()).isZero();
    assertThat(s.stageNames()).isEqualTo(PIPE.stages().stream().map(st -> st.key()).toList());
  }

  @Test
  void missingRateAndUnknownStageFailAsFromDeals() {
    WorkspaceStore store = store(7, 50);
    assertThatThrownBy(
            () ->
                DealSnapshots.fromOpenDeals(
                    store, PIPE, USD, AS_OF, ZONE, CurrencyConverter.sameCurrencyOnly()))
        .isInstanceOf(CurrencyConversionException.class);
    PipelineDefinition renewals = StandardPipelines.renewals();
    PipelineDefinition wrongStages =
        PipelineDefinition.builder().from(renewals).id(PIPE.id()).build();
    assertThatThrownBy(
            () -> DealSnapshots.fromOpenDeals(store, wrongStages, USD, AS_OF, ZONE, RATES))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("is not in");
  }
}
