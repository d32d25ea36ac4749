package org.salespipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.core.stage.StandardPipelines.CLOSED_LOST;
import static org.salespipeline.core.stage.StandardPipelines.CLOSED_WON;
import static org.salespipeline.core.stage.StandardPipelines.CLOSING;
import static org.salespipeline.core.stage.StandardPipelines.NEEDS_ANALYSIS;
import static org.salespipeline.core.stage.StandardPipelines.NEGOTIATION;
import static org.salespipeline.core.stage.StandardPipelines.PROPOSAL;
import static org.salespipeline.core.stage.StandardPipelines.PROSPECTING;
import static org.salespipeline.core.stage.StandardPipelines.QUALIFICATION;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;
import net.jqwik.api.state.Transformer;
import org.salespipeline.core.Activity;
import org.salespipeline.core.ActivityType;
import org.salespipeline.core.ConcurrentDealModificationException;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealHistory;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.LogActivity;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.ReopenDeal;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.Page;
import org.salespipeline.core.store.PipelineStore;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * One action chain's state: an engine on the store under test in a fresh workspace, and a model of
 * what every deal must look like (stage, status, category, version, history length, activities).
 * Each action runs a command, updates the model and checks the touched deal; the chain's invariant
 * checks every deal after every action. Not thread-safe; one chain runs on one thread.
 */
final class DealChain {
  private static final UserId REP = UserId.of("rep");
  private static final int MAX_DEALS = 8;
  private static final List<String> OPEN_STAGES =
      List.of(PROSPECTING, QUALIFICATION, NEEDS_ANALYSIS, PROPOSAL, NEGOTIATION, CLOSING);

  /** What the model expects of one deal. */
  private record Expected(
      String stage,
      DealStatus status,
      ForecastCategory category,
      long version,
      int events,
      int activities) {

    Expected after(String stage, DealStatus status, ForecastCategory category, int newEvents) {
      return new Expected(stage, status, category, version + 1, events + newEvents, activities);
    }
  }

  /** A command that ran with an idempotency key, to be run again. */
  private record Keyed(String key, String label, Supplier<Object> command, Object firstResult) {}

  private final TestClock clock = TestClock.start();
  private final SalesPipeline engine;
  private final WorkspaceStore view;
  private final PipelineDefinition pipeline;
  private final Map<DealId, Expected> model = new LinkedHashMap<>();
  private final List<DealId> deals = new ArrayList<>();
  private final List<Keyed> keyed = new ArrayList<>();

  DealChain(PipelineStore store, WorkspaceId workspace) {
    this.engine =
        SalesPipeline.builder()
            .store(store)
            .workspace(workspace)
            .clock(clock)
            .rules(RuleSet.none())
            .build();
    this.view = engine.store();
    this.pipeline = engine.defaultPipeline();
  }

  /** Chains of up to {@code maxActions} actions, each chain starting from {@code start}. */
  static ActionChainArbitrary<DealChain> chains(Supplier<DealChain> start, int maxActions) {
    return ActionChain.startWith(start)
        .withAction(3, new Create())
        .withAction(4, new Move())
        .withAction(2, new StaleMove())
        .withAction(2, new Replay())
        .withAction(2, new Close(true))
        .withAction(2, new Close(false))
        .withAction(2, new Reopen())
        .withAction(2, new Log())
        .withAction(1, new Query())
        .withMaxTransformations(maxActions);
  }

  @Override
  public String toString() {
    return "DealChain" + model;
  }

  // ------------------------------------------------------------------ model helpers

  private String label(DealId id) {
    return "deal " + deals.indexOf(id);
  }

  private List<DealId> dealsWhere(Predicate<Expected> filter) {
    return deals.stream().filter(id -> filter.test(model.get(id))).toList();
  }

  private ForecastCategory category(String stage) {
    return pipeline.requireStage(stage).defaultCategory();
  }

  private int categoryEvents(String from, String to) {
    return category(from) == category(to) ? 0 : 1;
  }

  private Optional<String> key(boolean withKey) {
    return withKey ? Optional.of("key-" + keyed.size() + "-" + deals.size()) : Optional.empty();
  }

  private static Arbitrary<Boolean> withKey() {
    return Arbitraries.of(true, false);
  }

  private static String keyLabel(boolean withKey) {
    return withKey ? " with a key" : "";
  }

  // ------------------------------------------------------------------ commands

  private void open(boolean withKey) {
    clock.tick();
    Optional<String> key = key(withKey);
    OpenDeal command =
        OpenDeal.builder()
            .name("Deal " + deals.size())
            .owner(REP)
            .actor(REP)
            .amount(Money.of(10_000 + deals.size(), "USD"))
            .expectedCloseDate(clock.today().plusMonths(2))
            .idempotencyKey(key)
            .build();
    CommandResult result = engine.openDeal(command);
    DealId id = result.deal().id();
    assertThat(result.replayed()).isFalse();
    assertThat(model).doesNotContainKey(id);
    deals.add(id);
    model.put(id, new Expected(PROSPECTING, DealStatus.OPEN, category(PROSPECTING), 1, 1, 0));
    key.ifPresent(
        k -> keyed.add(new Keyed(k, "open " + label(id), () -> engine.openDeal(command), result)));
    checkDeal(id, result);
  }

  private void move(DealId id, String to, boolean withKey) {
    clock.tick();
    Expected before = model.get(id);
    Optional<String> key = key(withKey);
    MoveDeal command =
        MoveDeal.builder()
            .deal(id)
            .toStage(to)
            .actor(REP)
            .expectedVersion(before.version())
            .idempotencyKey(key)
            .build();
    CommandResult result = engine.move(command);
    int events = 1 + categoryEvents(before.stage(), to);
    model.put(id, before.after(to, DealStatus.OPEN, category(to), events));
    key.ifPresent(
        k -> keyed.add(new Keyed(k, "move " + label(id), () -> engine.move(command), result)));
    assertThat(result.events()).hasSize(events);
    checkDeal(id, result);
  }

  private void staleMove(DealId id, String to, long staleVersion) {
    clock.tick();
    Deal before = view.deal(id).orElseThrow();
    int history = view.history(id).size();
    assertThatThrownBy(
            () ->
                engine.move(
                    MoveDeal.builder()
                        .deal(id)
                        .toStage(to)
                        .actor(REP)
                        .expectedVersion(staleVersion)
                        .build()))
        .isInstanceOf(ConcurrentDealModificationException.class);
    assertThat(view.deal(id)).contains(before);
    assertThat(view.history(id)).hasSize(history);
  }

  private void replay(Keyed command) {
    clock.tick();
    Object again = command.command().get();
    if (command.firstResult() instanceof CommandResult first) {
      CommandResult result = (CommandResult) again;
      assertThat(result.replayed()).as(command.label()).isTrue();
      assertThat(result.deal()).as(command.label()).isEqualTo(first.deal());
      assertThat(result.events()).as(command.label()).isEqualTo(first.events());
    } else {
      assertThat(again).as(command.label()).isEqualTo(command.firstResult());
    }
  }

  private void close(DealId id, boolean won, boolean withKey) {
    clock.tick();
    Expected before = model.get(id);
    Optional<String> key = key(withKey);
    CloseDeal command =
        CloseDeal.builder()
            .deal(id)
            .actor(REP)
            .reason(won ? "signed" : "price")
            .idempotencyKey(key)
            .build();
    CommandResult result = won ? engine.win(command) : engine.lose(command);
    String stage = won ? CLOSED_WON : CLOSED_LOST;
    int events = 2 + categoryEvents(before.stage(), stage);
    model.put(
        id, before.after(stage, won ? DealStatus.WON : DealStatus.LOST, category(stage), events));
    key.ifPresent(
        k ->
            keyed.add(
                new Keyed(
                    k,
                    (won ? "win " : "lose ") + label(id),
                    () -> won ? engine.win(command) : engine.lose(command),
                    result)));
    assertThat(result.events()).hasSize(events);
    checkDeal(id, result);
  }

  private void reopen(DealId id, String to) {
    clock.tick();
    Expected before = model.get(id);
    CommandResult result =
        engine.reopen(
            ReopenDeal.builder().deal(id).actor(REP).toStage(to).reason("came back").build());
    int events = 2 + categoryEvents(before.stage(), to);
    model.put(id, before.after(to, DealStatus.OPEN, category(to), events));
    assertThat(result.events()).hasSize(events);
    checkDeal(id, result);
  }

  private void log(DealId id, boolean withKey) {
    clock.tick();
    Expected before = model.get(id);
    Optional<String> key = key(withKey);
    LogActivity command =
        LogActivity.builder()
            .deal(id)
            .actor(REP)
            .type(ActivityType.CALL)
            .subject("Call " + before.activities())
            .idempotencyKey(key)
            .build();
    Activity activity = engine.logActivity(command);
    model.put(
        id,
        new Expected(
            before.stage(),
            before.status(),
            before.category(),
            before.version() + 1,
            before.events() + 1,
            before.activities() + 1));
    key.ifPresent(
        k ->
            keyed.add(
                new Keyed(k, "log on " + label(id), () -> engine.logActivity(command), activity)));
    assertThat(activity.deal()).contains(id);
    List<Activity> activities = view.activities(id);
    assertThat(activities).isNotEmpty();
    assertThat(activities.get(activities.size() - 1)).isEqualTo(activity);
    checkDeal(id, null);
  }

  private void query(Set<DealStatus> statuses, int limit) {
    DealQuery query = DealQuery.builder().statuses(statuses).limit(limit).build();
    List<DealId> expected =
        model.entrySet().stream()
            .filter(e -> statuses.isEmpty() || statuses.contains(e.getValue().status()))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    List<DealId> found = new ArrayList<>();
    Optional<DealId> after = Optional.empty();
    do {
      Page<Deal> page = view.findDeals(DealQuery.builder().from(query).afterId(after).build());
      assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
      page.items().forEach(d -> found.add(d.id()));
      after = page.next();
    } while (after.isPresent() && found.size() <= model.size());
    assertThat(found).isEqualTo(expected);
  }

  // ------------------------------------------------------------------ checks

  /** The touched deal in full: fields against the model, its history, activities and replay. */
  private void checkDeal(DealId id, CommandResult result) {
    Expected expected = model.get(id);
    Deal deal = view.deal(id).orElseThrow();
    checkAgainstModel(deal, expected);
    if (result != null) {
      assertThat(result.replayed()).isFalse();
      assertThat(deal).isEqualTo(result.deal());
    }
    List<DealEvent> history = view.history(id);
    assertThat(history).hasSize(expected.events());
    assertThat(history)
        .extracting(DealEvent::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, history.size()).boxed().toList());
    if (result != null) {
      assertThat(history.subList(history.size() - result.events().size(), history.size()))
          .isEqualTo(result.events());
    }
    assertThat(DealHistory.replay(history)).isEqualTo(deal);
    assertThat(view.activities(id)).hasSize(expected.activities());
  }

  private void checkAgainstModel(Deal deal, Expected expected) {
    String label = label(deal.id());
    assertThat(deal.stage()).as(label + " stage").isEqualTo(expected.stage());
    assertThat(deal.status()).as(label + " status").isEqualTo(expected.status());
    assertThat(deal.forecastCategory()).as(label + " category").isEqualTo(expected.category());
    assertThat(deal.version()).as(label + " version").isEqualTo(expected.version());
    assertThat(deal.lastEventSequence()).as(label + " last sequence").isEqualTo(expected.events());
  }

  /** The chain's invariant: every deal the store lists agrees with the model, and no other. */
  void checkAllDeals() {
    List<Deal> stored = view.findDeals(DealQuery.builder().limit(100).build()).items();
    assertThat(stored)
        .extracting(Deal::id)
        .containsExactlyElementsOf(model.keySet().stream().sorted().toList());
    stored.forEach(deal -> checkAgainstModel(deal, model.get(deal.id())));
  }

  // ------------------------------------------------------------------ actions

  private static final class Create implements Action.Dependent<DealChain> {
    @Override
    public boolean precondition(DealChain chain) {
      return chain.deals.size() < MAX_DEALS;
    }

    @Override
    public Arbitrary<Transformer<DealChain>> transformer(DealChain chain) {
      return withKey().map(k -> Transformer.mutate("open a deal" + keyLabel(k), c -> c.open(k)));
    }
  }

  private static final class Move implements Action.Dependent<DealChain> {
    @Override
    public boolean precondition(DealChain chain) {
      return !chain.dealsWhere(e -> e.status() == DealStatus.OPEN).isEmpty();
    }

    @Override
    public Arbitrary<Transformer<DealChain>> transformer(DealChain chain) {
      return Arbitraries.of(chain.dealsWhere(e -> e.status() == DealStatus.OPEN))
          .flatMap(
              id -> {
                String from = chain.model.get(id).stage();
                List<String> targets = OPEN_STAGES.stream().filter(s -> !s.equals(from)).toList();
                return Combinators.combine(Arbitraries.of(targets), withKey())
                    .as(
                        (to, k) ->
                            Transformer.<DealChain>mutate(
                                "move " + chain.label(id) + " to " + to + keyLabel(k),
                                c -> c.move(id, to, k)));
              });
    }
  }

  private static final class StaleMove implements Action.Dependent<DealChain> {
    @Override
    public boolean precondition(DealChain chain) {
      return !chain.dealsWhere(e -> e.version() > 1).isEmpty();
    }

    @Override
    public Arbitrary<Transformer<DealChain>> transformer(DealChain chain) {
      return Arbitraries.of(chain.dealsWhere(e -> e.version() > 1))
          .flatMap(
              id -> {
                Expected expected = chain.model.get(id);
                List<String> targets =
                    OPEN_STAGES.stream().filter(s -> !s.equals(expected.stage())).toList();
                return Combinators.combine(
                        Arbitraries.of(targets),
                        Arbitraries.longs().between(1, expected.version() - 1))
                    .as(
                        (to, stale) ->
                            Transformer.<DealChain>mutate(
                                "stale move of " + chain.label(id) + " from version " + stale,
                                c -> c.staleMove(id, to, stale)));
              });
    }
  }

  private static final class Replay implements Action.Dependent<DealChain> {
    @Override
    public boolean precondition(DealChain chain) {
      return !chain.keyed.isEmpty();
    }

    @Override
    public Arbitrary<Transformer<DealChain>> transformer(DealChain chain) {
      return Arbitraries.of(List.copyOf(chain.keyed))
          .map(
              command ->
                  Transformer.mutate(
                      "replay " + command.key() + " (" + command.label() + ")",
                      c -> c.replay(command)));
    }
  }

  private static final class Close implements Action.Dependent<DealChain> {
    private final boolean won;

    Close(boolean won) {
      this.won = won;
    }

    @Override
    public boolean precondition(DealChain chain) {
      return !chain.dealsWhere(e -> e.status() == DealStatus.OPEN).isEmpty();
    }

    @Override
    public Arbitrary<Transformer<DealChain>> transformer(DealChain chain) {
      return Combinators.combine(
              Arbitraries.of(chain.dealsWhere(e -> e.status() == DealStatus.OPEN)), withKey())
          .as(
              (id, k) ->
                  Transformer.mutate(
                      (won ? "win " : "lose ") + chain.label(id) + keyLabel(k),
                      c -> c.close(id, won, k)));
    }
  }

  private static final class Reopen implements Action.Dependent<DealChain> {
    @Override
    public boolean precondition(DealChain chain) {
      return !chain.dealsWhere(e -> e.status().isClosed()).isEmpty();
    }

    @Override
    public Arbitrary<Transformer<DealChain>> transformer(DealChain chain) {
      return Combinators.combine(
              Arbitraries.of(chain.dealsWhere(e -> e.status().isClosed())),
              Arbitraries.of(OPEN_STAGES))
          .as(
              (id, to) ->
                  Transformer.mutate(
                      "reopen " + chain.label(id) + " into " + to, c -> c.reopen(id, to)));
    }
  }

  private static final class Log implements Action.Dependent<DealChain> {
    @Override
    public boolean precondition(DealChain chain) {
      return !chain.deals.isEmpty();
    }

    @Override
    public Arbitrary<Transformer<DealChain>> transformer(DealChain chain) {
      return Combinators.combine(Arbitraries.of(List.copyOf(chain.deals)), withKey())
          .as(
              (id, k) ->
                  Transformer.mutate(
                      "log an activity on " + chain.label(id) + keyLabel(k), c -> c.log(id, k)));
    }
  }

  private static final class Query implements Action.Independent<DealChain> {
    @Override
    public Arbitrary<Transformer<DealChain>> transformer() {
      return Combinators.combine(
              Arbitraries.of(DealStatus.class).set().ofMaxSize(2),
              Arbitraries.integers().between(1, 4))
          .as(
              (statuses, limit) ->
                  Transformer.mutate(
                      "query " + statuses + " in pages of " + limit,
                      c -> c.query(statuses, limit)));
    }
  }
}
