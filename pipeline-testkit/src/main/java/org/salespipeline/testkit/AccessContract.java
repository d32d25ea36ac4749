package org.salespipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.core.stage.StandardPipelines.NEW_BUSINESS;
import static org.salespipeline.core.stage.StandardPipelines.PROSPECTING;
import static org.salespipeline.core.stage.StandardPipelines.QUALIFICATION;
import static org.salespipeline.testkit.AccessFixture.ALICE;
import static org.salespipeline.testkit.AccessFixture.DEALS;
import static org.salespipeline.testkit.AccessFixture.PRINCIPALS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Board;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealNotFoundException;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.access.AccessDeniedException;
import org.salespipeline.core.access.Action;
import org.salespipeline.core.access.Grants;
import org.salespipeline.core.access.InvisibleDeals;
import org.salespipeline.core.access.Principal;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.ReopenDeal;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.org.OrgChart;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.DealScope;
import org.salespipeline.core.store.EventQuery;
import org.salespipeline.core.store.PipelineStore;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * Access policies (issue 16) on the store under test: an access matrix (principals x actions x
 * deals) run through the engine, reads that see exactly the deals the principal may view (the store
 * filters by the {@code DealQuery.scope} and {@code scanOpenDeals} with a scope), and a jqwik
 * property over random orgs: every total equals the sum over the deals a direct VIEW check allows,
 * and every refused command changes nothing.
 */
public interface AccessContract extends StoreUnderTest {

  /**
   * Every principal of {@link AccessFixture} takes every deal action on every deal: allowed ones
   * are written, refused ones fail (access denied, or not found for a deal it may not view) and
   * leave the deal and its history as they were.
   */
  @Test
  default void accessMatrixOfPrincipalsActionsAndDeals() {
    AccessFixture fx = new AccessFixture(storeUnderTest(), InvisibleDeals.NOT_FOUND);
    for (UserId user : PRINCIPALS) {
      SalesPipeline view = fx.as(user);
      for (String key : DEALS) {
        DealId id = fx.deals.get(key);
        String cell = user + " on " + key;
        boolean visible = AccessFixture.allows(user, key, 'V');
        assertThat(view.deal(id).isPresent()).as(cell + " VIEW").isEqualTo(visible);
        assertThat(view.history(id).isEmpty()).as(cell + " history").isEqualTo(!visible);
        for (char action : "EMCOR".toCharArray()) {
          boolean allowed = AccessFixture.allows(user, key, action);
          if (action == 'O') {
            fx.base.lose(close(id, UserId.of("admin")));
          }
          ContractFixtures.Stored before = ContractFixtures.stored(fx.base.store(), id);
          try {
            run(view, action, id, user);
            assertThat(allowed).as(cell + " " + action + " was allowed").isTrue();
          } catch (AccessDeniedException e) {
            assertThat(allowed).as(cell + " " + action + " was refused: " + e.reason()).isFalse();
            assertThat(visible).as(cell + ": an invisible deal answers as not found").isTrue();
            assertThat(e.errorCode().code()).isEqualTo("access_denied");
            assertThat(e.deal()).contains(id);
            assertThat(ContractFixtures.stored(fx.base.store(), id)).isEqualTo(before);
          } catch (DealNotFoundException e) {
            assertThat(visible).as(cell + " " + action + ": not found").isFalse();
            assertThat(ContractFixtures.stored(fx.base.store(), id)).isEqualTo(before);
          }
          restore(fx, action, id, fx.owners.get(key));
        }
      }
    }
  }

  private static CloseDeal close(DealId id, UserId actor) {
    return CloseDeal.builder().deal(id).actor(actor).reason("no budget").build();
  }

  private static void run(SalesPipeline view, char action, DealId id, UserId user) {
    switch (action) {
      case 'E' ->
          view.update(UpdateDeal.builder().deal(id).actor(user).nextStep("call " + user).build());
      case 'M' -> view.move(MoveDeal.builder().deal(id).toStage(QUALIFICATION).actor(user).build());
      case 'C' -> view.lose(close(id, user));
      case 'O' ->
          view.reopen(
              ReopenDeal.builder()
                  .deal(id)
                  .toStage(PROSPECTING)
                  .reason("budget found")
                  .actor(user)
                  .build());
      case 'R' ->
          view.update(UpdateDeal.builder().deal(id).actor(user).owner(AccessFixture.DAVE).build());
      default -> throw new IllegalArgumentException(String.valueOf(action));
    }
  }

  /** Puts the deal back as the fixture made it, through the unchecked pipeline. */
  private static void restore(AccessFixture fx, char action, DealId id, UserId owner) {
    UserId admin = UserId.of("admin");
    Deal deal = fx.base.requireDeal(id);
    if (!deal.isOpen()) {
      fx.base.reopen(
          ReopenDeal.builder()
              .deal(id)
              .toStage(PROSPECTING)
              .reason("restore")
              .actor(admin)
              .build());
      deal = fx.base.requireDeal(id);
    }
    if (!deal.stage().equals(PROSPECTING)) {
      fx.base.move(id, PROSPECTING, admin);
    }
    if (!deal.owner().equals(owner)) {
      fx.base.update(UpdateDeal.builder().deal(id).actor(admin).owner(owner).build());
    }
  }

  /**
   * Each principal's reads (find, stream, board, the columnar scan of its store view, history) hold
   * exactly the deals it may view, and the board's total is their sum.
   */
  @Test
  default void everyReadSeesExactlyTheVisibleDeals() {
    AccessFixture fx = new AccessFixture(storeUnderTest(), InvisibleDeals.NOT_FOUND);
    for (UserId user : PRINCIPALS) {
      SalesPipeline view = fx.as(user);
      Set<DealId> expected = new TreeSet<>();
      BigDecimal sum = BigDecimal.ZERO;
      for (String key : DEALS) {
        if (AccessFixture.allows(user, key, 'V')) {
          expected.add(fx.deals.get(key));
          sum = sum.add(fx.amounts.get(key).amount());
        }
      }
      assertVisible(view, expected, sum, user.toString());
    }
  }

  private static void assertVisible(
      SalesPipeline view, Set<DealId> expected, BigDecimal sum, String who) {
    assertThat(view.findDeals(DealQuery.all()).items())
        .as(who + " find")
        .extracting(Deal::id)
        .containsExactlyElementsOf(expected);
    try (Stream<Deal> deals = view.streamDeals(DealQuery.all())) {
      assertThat(deals.map(Deal::id).toList())
          .as(who + " stream")
          .containsExactlyElementsOf(expected);
    }
    Board board = view.board(NEW_BUSINESS, Currency.getInstance("USD"));
    assertThat(board.count()).as(who + " board count").isEqualTo(expected.size());
    assertThat(board.total().amount()).as(who + " board total").isEqualByComparingTo(sum);
    List<DealId> scanned = new ArrayList<>();
    view.store()
        .scanOpenDeals(
            NEW_BUSINESS,
            (id, stage, owner, amount, currency, close, category, second, nano) ->
                scanned.add(DealId.of(id)));
    assertThat(scanned).as(who + " scan").containsExactlyElementsOf(expected);
    for (DealId id : expected) {
      assertThat(view.history(id)).as(who + " history").isNotEmpty();
    }
  }

  /**
   * The store itself applies a {@link DealScope} given in a query and to {@code scanOpenDeals} (not
   * only the engine's view): the deals of the scope's owners and its listed deals, nothing for an
   * empty scope, everything for {@link DealScope#all()}.
   */
  @Test
  default void theStoreFiltersByTheScopeOfAQuery() {
    AccessFixture fx = new AccessFixture(storeUnderTest(), InvisibleDeals.NOT_FOUND);
    WorkspaceStore ws = storeUnderTest().workspace(fx.workspace);
    DealScope scope =
        DealScope.of(
            Set.of(AccessFixture.BOB, AccessFixture.UNASSIGNED), Set.of(fx.deals.get("c1")));
    List<DealId> expected = List.of(fx.deals.get("b1"), fx.deals.get("c1"), fx.deals.get("u1"));
    assertThat(ws.findDeals(DealQuery.builder().scope(scope).build()).items())
        .extracting(Deal::id)
        .containsExactlyElementsOf(expected);
    try (Stream<Deal> deals = ws.streamDeals(DealQuery.builder().scope(scope).build())) {
      assertThat(deals.map(Deal::id).toList()).containsExactlyElementsOf(expected);
    }
    List<DealId> scanned = new ArrayList<>();
    ws.scanOpenDeals(
        NEW_BUSINESS, scope, (id, stage, owner, a, c, d, cat, s, n) -> scanned.add(DealId.of(id)));
    assertThat(scanned).containsExactlyElementsOf(expected);
    assertThat(ws.findDeals(DealQuery.builder().scope(DealScope.none()).build()).items()).isEmpty();
    assertThat(
            ws.findDeals(
                    DealQuery.builder()
                        .scope(DealScope.of(Set.of(), Set.of(fx.deals.get("a1"))))
                        .build())
                .items())
        .extracting(Deal::id)
        .containsExactly(fx.deals.get("a1"));
    assertThat(ws.findDeals(DealQuery.builder().scope(DealScope.all()).build()).items())
        .hasSize(DEALS.size());
  }

  /**
   * A principal's event stream equals the full stream filtered to the deals it may view, in the
   * same order; and the store itself streams the events of a scope (plain, empty, everything, or an
   * intersection of two) exactly as the full stream filtered by {@link DealScope#includes}, bounded
   * in time too. Stores filter in their own query (the JDBC store in SQL) or fall back to the SPI's
   * default, which collects the ids in scope first.
   */
  @Test
  default void theScopedEventStreamIsTheFilteredFullStream() {
    AccessFixture fx = new AccessFixture(storeUnderTest(), InvisibleDeals.NOT_FOUND);
    WorkspaceStore ws = storeUnderTest().workspace(fx.workspace);
    fx.base.move(fx.deals.get("b1"), QUALIFICATION, UserId.of("admin"));
    fx.clock.advance(java.time.Duration.ofHours(1));
    java.time.Instant cut = fx.clock.instant();
    fx.clock.advance(java.time.Duration.ofHours(1));
    fx.base.move(fx.deals.get("c2"), QUALIFICATION, UserId.of("admin"));
    List<DealEvent> all = events(ws, EventQuery.all());
    assertThat(all).hasSizeGreaterThan(DEALS.size());
    for (UserId user : PRINCIPALS) {
      Set<DealId> visible = new TreeSet<>();
      for (String key : DEALS) {
        if (AccessFixture.allows(user, key, 'V')) {
          visible.add(fx.deals.get(key));
        }
      }
      try (Stream<DealEvent> events = fx.as(user).store().streamEvents(EventQuery.all())) {
        assertThat(events.toList())
            .as(user + " events")
            .containsExactlyElementsOf(
                all.stream().filter(e -> visible.contains(e.dealId())).toList());
      }
    }
    DealScope plain =
        DealScope.of(
            Set.of(AccessFixture.BOB, AccessFixture.UNASSIGNED), Set.of(fx.deals.get("c2")));
    DealScope other = DealScope.of(Set.of(AccessFixture.CAROL), Set.of(fx.deals.get("b1")));
    List<DealScope> scopes =
        List.of(
            plain,
            other,
            DealScope.intersect(plain, other),
            DealScope.none(),
            DealScope.all(),
            DealScope.of(Set.of(), Set.of(fx.deals.get("a1"))));
    for (DealScope scope : scopes) {
      for (EventQuery query : List.of(EventQuery.all(), EventQuery.until(cut))) {
        List<DealEvent> expected =
            events(ws, query).stream()
                .filter(e -> scope.includes(ws.deal(e.dealId()).orElseThrow()))
                .toList();
        try (Stream<DealEvent> events = ws.streamEvents(query, scope)) {
          assertThat(events.toList()).as(scope + " " + query).containsExactlyElementsOf(expected);
        }
      }
    }
    assertThat(
            DealScope.intersect(plain, other).includes(ws.deal(fx.deals.get("c2")).orElseThrow()))
        .isTrue();
  }

  private static List<DealEvent> events(WorkspaceStore ws, EventQuery query) {
    try (Stream<DealEvent> events = ws.streamEvents(query)) {
      return events.toList();
    }
  }

  /**
   * A principal's query that carries its own scope gets the intersection of both scopes from the
   * store in one go: paging through it (limits 1 and 2), every page that has a next page is full,
   * and the pages together are exactly the deals both the principal and the query's scope include.
   */
  @Test
  default void aPageOfAScopedQueryIsNeverShortWhileMoreRowsExist() {
    AccessFixture fx = new AccessFixture(storeUnderTest(), InvisibleDeals.NOT_FOUND);
    Map<String, Deal> byKey = new java.util.LinkedHashMap<>();
    for (String key : DEALS) {
      byKey.put(key, fx.base.requireDeal(fx.deals.get(key)));
    }
    List<DealScope> asked =
        List.of(
            DealScope.of(
                Set.of(AccessFixture.BOB, AccessFixture.UNASSIGNED), Set.of(fx.deals.get("c1"))),
            DealScope.of(Set.of(AccessFixture.CAROL), Set.of()),
            DealScope.of(Set.of(), Set.of(fx.deals.get("a1"), fx.deals.get("c2"))),
            DealScope.of(Set.of(ALICE, AccessFixture.CAROL), Set.of(fx.deals.get("b1"))),
            DealScope.of(Set.of(AccessFixture.UNASSIGNED), Set.of(fx.deals.get("c1"))));
    for (UserId user : PRINCIPALS) {
      SalesPipeline view = fx.as(user);
      for (DealScope scope : asked) {
        List<DealId> expected = new ArrayList<>();
        for (String key : DEALS) {
          if (AccessFixture.allows(user, key, 'V') && scope.includes(byKey.get(key))) {
            expected.add(fx.deals.get(key));
          }
        }
        for (int limit = 1; limit <= 2; limit++) {
          String cell = user + " " + scope + " limit " + limit;
          List<DealId> seen = new ArrayList<>();
          Optional<DealId> after = Optional.empty();
          do {
            DealQuery.Builder query = DealQuery.builder().scope(scope).limit(limit);
            after.ifPresent(query::afterId);
            org.salespipeline.core.store.Page<Deal> page = view.findDeals(query.build());
            if (page.next().isPresent()) {
              assertThat(page.items()).as(cell + ": a page before the last is full").hasSize(limit);
            }
            page.items().forEach(d -> seen.add(d.id()));
            after = page.next();
          } while (after.isPresent());
          assertThat(seen).as(cell).containsExactlyElementsOf(expected);
          try (Stream<Deal> deals = view.streamDeals(DealQuery.builder().scope(scope).build())) {
            assertThat(deals.map(Deal::id).toList()).as(cell + " stream").isEqualTo(expected);
          }
        }
      }
    }
  }

  /**
   * A pipeline configured to refuse rather than hide answers a read of an invisible deal with an
   * access refusal naming VIEW; the seeding system principal is recorded in history as such.
   */
  @Test
  default void invisibleDealsCanBeRefusedAndSystemPrincipalsAreRecorded() {
    AccessFixture fx = new AccessFixture(storeUnderTest(), InvisibleDeals.DENIED);
    DealId c2 = fx.deals.get("c2");
    assertThatThrownBy(() -> fx.as(ALICE).deal(c2))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> {
              assertThat(e.action()).isEqualTo(Action.VIEW);
              assertThat(e.deal()).contains(c2);
            });
    assertThat(fx.base.history(c2)).extracting(DealEvent::actor).contains(UserId.of("system.seed"));
    assertThat(fx.base.deal(c2)).isPresent();
  }

  /**
   * For a random org (teams, managers, parents, members), random deals and a random principal: the
   * board's count and total, find, stream and the scan equal what a direct VIEW check of each deal
   * allows, and every MOVE the policy refuses changes nothing.
   */
  @Property(tries = 12)
  default void totalsEqualTheSumOverDealsAViewCheckAllows(@ForAll("accessSeeds") long seed) {
    Random random = new Random(seed);
    PipelineStore store = storeUnderTest();
    TestClock clock = TestClock.start();
    WorkspaceId ws = ContractFixtures.newWorkspace();
    List<UserId> users = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      users.add(UserId.of("u" + i));
    }
    OrgChart.Builder org = OrgChart.builder();
    int teams = 1 + random.nextInt(3);
    for (int t = 0; t < teams; t++) {
      UserId manager = users.get(random.nextInt(users.size()));
      TeamId parent = t == 0 || random.nextBoolean() ? null : TeamId.of("t" + random.nextInt(t));
      org.team(TeamId.of("t" + t), manager, parent);
      for (UserId u : users) {
        if (random.nextInt(3) == 0) {
          org.member(u, TeamId.of("t" + t));
        }
      }
    }
    Grants.Builder grants = Grants.builder().org(org.build()).role("ops", Action.VIEW);
    if (random.nextBoolean()) {
      grants.teamMembers(Action.VIEW, Action.EDIT);
    }
    grants.unassignedVisible(random.nextBoolean(), users.get(5));
    Grants policy = grants.build();
    SalesPipeline base =
        SalesPipeline.builder()
            .store(store)
            .workspace(ws)
            .clock(clock)
            .rules(RuleSet.none())
            .accessPolicy(policy)
            .build();
    List<Deal> deals = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      deals.add(
          base.openDeal(
                  OpenDeal.builder()
                      .name("Deal " + i)
                      .owner(users.get(random.nextInt(users.size())))
                      .actor(ALICE)
                      .amount(Money.of(String.valueOf(100 + random.nextInt(100_000)), "USD"))
                      .expectedCloseDate(clock.today().plusMonths(1))
                      .build())
              .deal());
    }
    UserId user = users.get(random.nextInt(users.size()));
    Principal principal = random.nextInt(5) == 0 ? Principal.of(user, "ops") : Principal.of(user);
    SalesPipeline view = base.as(principal);
    Set<DealId> allowed = new TreeSet<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (Deal d : deals) {
      if (policy.decide(principal, Action.VIEW, d, clock.instant()).allowed()) {
        allowed.add(d.id());
        sum = sum.add(d.amount().amount());
      }
    }
    assertVisible(view, allowed, sum, principal.toString());
    try (Stream<DealEvent> events = view.store().streamEvents(EventQuery.all())) {
      assertThat(events.toList())
          .as(principal + " events")
          .containsExactlyElementsOf(
              events(base.store(), EventQuery.all()).stream()
                  .filter(e -> allowed.contains(e.dealId()))
                  .toList());
    }
    Map<DealId, ContractFixtures.Stored> before =
        deals.stream()
            .collect(
                Collectors.toMap(Deal::id, d -> ContractFixtures.stored(base.store(), d.id())));
    for (Deal d : deals) {
      for (char action : "EMCR".toCharArray()) {
        Action checked =
            switch (action) {
              case 'E' -> Action.EDIT;
              case 'M' -> Action.MOVE;
              case 'C' -> Action.CLOSE;
              default -> Action.REASSIGN;
            };
        if (!policy.decide(principal, checked, d, clock.instant()).allowed()) {
          assertThatThrownBy(() -> run(view, action, d.id(), user))
              .as(principal + " " + checked + " " + d.owner())
              .isInstanceOfAny(AccessDeniedException.class, DealNotFoundException.class);
          assertThat(ContractFixtures.stored(base.store(), d.id())).isEqualTo(before.get(d.id()));
        }
      }
    }
    assertThat(Optional.of(principal)).isEqualTo(view.principal());
  }

  /**
   * The seeds {@link #totalsEqualTheSumOverDealsAViewCheckAllows} builds its orgs from.
   *
   * @return any long
   */
  @Provide
  default Arbitrary<Long> accessSeeds() {
    return Arbitraries.longs();
  }
}
