package org.salespipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.core.stage.StandardPipelines.NEEDS_ANALYSIS;
import static org.salespipeline.core.stage.StandardPipelines.QUALIFICATION;
import static org.salespipeline.testkit.ContractFixtures.ALICE;
import static org.salespipeline.testkit.ContractFixtures.BOB;
import static org.salespipeline.testkit.ContractFixtures.LATER_OPEN_STAGES;
import static org.salespipeline.testkit.ContractFixtures.allDeals;
import static org.salespipeline.testkit.ContractFixtures.engine;
import static org.salespipeline.testkit.ContractFixtures.move;
import static org.salespipeline.testkit.ContractFixtures.newWorkspace;
import static org.salespipeline.testkit.ContractFixtures.openDeal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Account;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.EventQuery;
import org.salespipeline.core.store.Page;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * Deal reads: keyset pages cover every deal once in id order, {@link WorkspaceStore#findDeals} and
 * {@link WorkspaceStore#streamDeals} apply every filter of a {@link DealQuery}, streams can be
 * closed early (and twice) without leaking, and {@link WorkspaceStore#scanOpenDeals} visits exactly
 * the open deals of one pipeline in id order with exact columns, releasing its resources when the
 * visitor throws.
 */
public interface DealQueryContract extends StoreUnderTest {
  /** Opens deals with random ids (so id order differs from creation order), some lost. */
  private List<Deal> openMany(SalesPipeline pipeline, TestClock clock, int count) {
    for (int i = 0; i < count; i++) {
      OpenDeal.Builder open = openDeal(clock).name("Deal " + i).owner(i % 2 == 0 ? ALICE : BOB);
      if (i % 2 == 1) {
        open.id(new DealId(UUID.randomUUID()));
      }
      DealId id = pipeline.openDeal(open.build()).deal().id();
      if (i % 3 == 0) {
        pipeline.lose(CloseDeal.builder().deal(id).actor(ALICE).reason("no budget").build());
      } else if (i % 3 == 1) {
        pipeline.move(move(id, LATER_OPEN_STAGES.get(i % LATER_OPEN_STAGES.size())));
      }
      clock.tick();
    }
    List<Deal> all = allDeals(pipeline.store());
    assertThat(all).hasSize(count);
    return all;
  }

  private static List<DealId> pageThrough(WorkspaceStore view, DealQuery query, int pages) {
    List<DealId> ids = new ArrayList<>();
    Optional<DealId> after = Optional.empty();
    for (int page = 1; ; page++) {
      Page<Deal> result = view.findDeals(DealQuery.builder().from(query).afterId(after).build());
      assertThat(result.items()).hasSizeLessThanOrEqualTo(query.limit());
      assertThat(result.items()).allMatch(query::matches);
      ids.addAll(result.items().stream().map(Deal::id).toList());
      if (result.next().isEmpty()) {
        assertThat(page).as("pages").isEqualTo(pages);
        return ids;
      }
      assertThat(result.items()).hasSize(query.limit());
      assertThat(result.next()).contains(result.items().get(result.items().size() - 1).id());
      after = result.next();
      assertThat(page).as("pages").isLessThan(pages);
    }
  }

  @Test
  default void pagesCoverEveryDealOnceInIdOrder() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    List<Deal> all = openMany(pipeline, clock, 24);
    List<DealId> ids = all.stream().map(Deal::id).toList();
    assertThat(ids).isSortedAccordingTo(Comparator.naturalOrder()).doesNotHaveDuplicates();
    WorkspaceStore view = storeUnderTest().workspace(ws);

    assertThat(pageThrough(view, DealQuery.builder().limit(7).build(), 4)).isEqualTo(ids);
    assertThat(pageThrough(view, DealQuery.builder().limit(8).build(), 3)).isEqualTo(ids);
    assertThat(pageThrough(view, DealQuery.builder().limit(DealQuery.MAX_LIMIT).build(), 1))
        .isEqualTo(ids);
    DealQuery open = DealQuery.builder().addStatuses(DealStatus.OPEN).limit(5).build();
    assertThat(pageThrough(view, open, 4))
        .isEqualTo(all.stream().filter(open::matches).map(Deal::id).toList())
        .hasSize(16);
    assertThat(view.findDeals(DealQuery.builder().afterId(ids.get(ids.size() - 1)).build()).items())
        .isEmpty();
  }

  @Test
  default void findDealsAndStreamDealsApplyEveryFilter() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    Account account = pipeline.createAccount("Umbrella");
    openMany(pipeline, clock, 9);
    pipeline.openDeal(openDeal(clock).account(account.id()).build());
    pipeline.openDeal(openDeal(clock).pipeline(StandardPipelines.RENEWALS).owner(BOB).build());
    WorkspaceStore view = storeUnderTest().workspace(ws);
    List<Deal> all = allDeals(view);
    DealId middle = all.get(all.size() / 2).id();

    List<DealQuery> queries =
        List.of(
            DealQuery.all(),
            DealQuery.builder().addOwners(BOB).build(),
            DealQuery.builder().addStages(QUALIFICATION, NEEDS_ANALYSIS).build(),
            DealQuery.builder().addStatuses(DealStatus.LOST, DealStatus.WON).build(),
            DealQuery.builder().account(account.id()).build(),
            DealQuery.builder().pipeline(StandardPipelines.RENEWALS).build(),
            DealQuery.builder().pipeline(StandardPipelines.NEW_BUSINESS).build(),
            DealQuery.builder().addOwners(ALICE).addStatuses(DealStatus.OPEN).build(),
            DealQuery.builder().afterId(middle).build(),
            DealQuery.builder().addOwners(UserId.of("nobody")).build());
    for (DealQuery query : queries) {
      List<Deal> expected =
          all.stream()
              .filter(query::matches)
              .filter(d -> query.afterId().map(a -> d.id().compareTo(a) > 0).orElse(true))
              .toList();
      assertThat(view.findDeals(query).items()).as(query.toString()).isEqualTo(expected);
      try (Stream<Deal> streamed = view.streamDeals(query)) {
        assertThat(streamed.toList()).as(query.toString()).isEqualTo(expected);
      }
    }
    assertThat(view.findDeals(DealQuery.builder().addOwners(BOB).build()).items())
        .isNotEmpty()
        .allMatch(d -> d.owner().equals(BOB));
    assertThat(view.findDeals(DealQuery.builder().account(account.id()).build()).items())
        .hasSize(1);
  }

  @Test
  default void streamsReturnEverythingInIdOrderAndCanBeClosedEarly() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    List<Deal> all = openMany(pipeline, clock, 12);
    WorkspaceStore view = storeUnderTest().workspace(ws);
    assertThat(all).isEqualTo(view.findDeals(DealQuery.all()).items());
    assertThat(all).extracting(Deal::id).isSorted();

    // Far more early closes than any sane connection pool has connections: a leak shows here.
    for (int i = 0; i < 40; i++) {
      try (Stream<Deal> deals = view.streamDeals(DealQuery.all())) {
        assertThat(deals.findFirst()).contains(all.get(0));
      }
      try (Stream<DealEvent> events = view.streamEvents(EventQuery.all())) {
        assertThat(events.findFirst().map(DealEvent::dealId)).contains(all.get(0).id());
      }
    }
    Stream<Deal> closedTwice = view.streamDeals(DealQuery.all());
    closedTwice.close();
    closedTwice.close();
    assertThat(allDeals(view)).isEqualTo(all);
  }

  private static List<ScannedDeal> scan(WorkspaceStore view, PipelineId pipeline) {
    List<ScannedDeal> out = new ArrayList<>();
    view.scanOpenDeals(
        pipeline,
        (id, stage, owner, amount, currency, closeDay, category, second, nano) ->
            out.add(
                new ScannedDeal(
                    id, stage, owner, amount, currency, closeDay, category, second, nano)));
    return out;
  }

  @Test
  default void scanOpenDealsVisitsExactlyTheOpenDealsOfThePipelineInIdOrder() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    List<Deal> many = openMany(pipeline, clock, 12);
    // Other currencies (0 and 3 fraction digits), a rep's category, an override, a pushed date.
    DealId yen =
        pipeline.openDeal(openDeal(clock).amount(Money.of("7000000", "JPY")).build()).deal().id();
    clock.tick();
    DealId dinar =
        pipeline
            .openDeal(openDeal(clock).owner(BOB).amount(Money.of("12000.505", "BHD")).build())
            .deal()
            .id();
    clock.tick();
    pipeline.update(
        UpdateDeal.builder()
            .deal(yen)
            .actor(ALICE)
            .forecastCategory(ForecastCategory.COMMIT)
            .probabilityOverride(0.8)
            .expectedCloseDate(clock.today().plusMonths(5))
            .build());
    pipeline.update(
        UpdateDeal.builder()
            .deal(dinar)
            .actor(BOB)
            .expectedCloseDate(clock.today().plusMonths(4))
            .build());
    // many is in id order and half the ids are random, so pick an open deal rather than a position
    DealId toWin = many.stream().filter(Deal::isOpen).findFirst().orElseThrow().id();
    pipeline.win(CloseDeal.builder().deal(toWin).actor(ALICE).build());
    // Open deals the scan must not see: another pipeline, another workspace.
    pipeline.openDeal(openDeal(clock).pipeline(StandardPipelines.RENEWALS).build());
    WorkspaceId otherWs = newWorkspace();
    engine(storeUnderTest(), otherWs, clock).openDeal(openDeal(clock).build());

    WorkspaceStore view = storeUnderTest().workspace(ws);
    PipelineId newBusiness = StandardPipelines.NEW_BUSINESS;
    List<Deal> expected =
        allDeals(view).stream()
            .filter(d -> d.isOpen() && d.pipeline().equals(newBusiness))
            .toList();
    assertThat(expected).hasSizeGreaterThan(8);
    List<ScannedDeal> scanned = scan(view, newBusiness);

    assertThat(scanned).isEqualTo(expected.stream().map(ScannedDeal::of).toList());
    assertThat(scanned).extracting(ScannedDeal::id).isSorted().doesNotHaveDuplicates();
    assertThat(scanned).extracting(ScannedDeal::currency).contains("USD", "JPY", "BHD");
    assertThat(scanned)
        .filteredOn(r -> r.id().equals(yen.toString()))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.category()).isEqualTo(ForecastCategory.COMMIT);
              assertThat(r.amountMinor()).isEqualTo(7_000_000L);
            });
    assertThat(scanned)
        .filteredOn(r -> r.id().equals(dinar.toString()))
        .singleElement()
        .satisfies(r -> assertThat(r.amountMinor()).isEqualTo(12_000_505L));
    DealQuery open = DealQuery.builder().pipeline(newBusiness).addStatuses(DealStatus.OPEN).build();
    try (Stream<Deal> streamed = view.streamDeals(open)) {
      assertThat(streamed.map(ScannedDeal::of).toList()).isEqualTo(scanned);
    }

    assertThat(scan(view, StandardPipelines.RENEWALS)).hasSize(1);
    assertThat(scan(storeUnderTest().workspace(otherWs), newBusiness)).hasSize(1);
    assertThat(scan(view, PipelineId.of("nowhere"))).isEmpty();
    assertThat(scan(storeUnderTest().workspace(newWorkspace()), newBusiness)).isEmpty();
  }

  @Test
  default void scanOpenDealsReleasesItsResourcesWhenTheVisitorThrows() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    openMany(pipeline, clock, 6);
    WorkspaceStore view = storeUnderTest().workspace(ws);
    // Far more failed scans than any sane connection pool has connections: a leak shows here.
    for (int i = 0; i < 40; i++) {
      assertThatThrownBy(
              () ->
                  view.scanOpenDeals(
                      StandardPipelines.NEW_BUSINESS,
                      (id, stage, owner, amount, currency, day, category, second, nano) -> {
                        throw new IllegalStateException("stop");
                      }))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("stop");
    }
    assertThat(scan(view, StandardPipelines.NEW_BUSINESS)).hasSize(4);
  }
}
