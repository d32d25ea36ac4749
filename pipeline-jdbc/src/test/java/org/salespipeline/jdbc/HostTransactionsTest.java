package org.salespipeline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.salespipeline.core.ConcurrentDealModificationException;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.Team;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.DuplicateIdempotencyKeyException;

/**
 * Plain-JDBC hosts running commands inside their own transactions through {@link HostTransactions},
 * on every database: the host's rollback leaves no deal, event or key; listeners hear events only
 * after the host's commit; a refused command leaves the host's transaction usable; the idempotency
 * race between two host transactions replays.
 */
class HostTransactionsTest {
  private static final UserId REP = UserId.of("rep-1");

  private record Setup(
      DataSource dataSource,
      HostTransactions host,
      SalesPipeline pipeline,
      List<List<DealEvent>> heard) {}

  /** Builds the store and the engine with no transaction open: the provider falls back. */
  private static Setup setUp(Databases db) {
    DataSource dataSource = db.dataSource();
    HostTransactions host = HostTransactions.over(dataSource);
    List<List<DealEvent>> heard = new CopyOnWriteArrayList<>();
    JdbcPipelineStore store = JdbcPipelineStore.builder(host).build();
    SalesPipeline pipeline =
        SalesPipeline.builder()
            .store(store)
            .workspace(Fixtures.randomWorkspace())
            .listener(heard::add)
            .build();
    return new Setup(dataSource, host, pipeline, heard);
  }

  private static OpenDeal open(String name, String key) {
    OpenDeal.Builder b =
        OpenDeal.builder()
            .name(name)
            .owner(REP)
            .actor(REP)
            .amount(Money.of(1_000, "EUR"))
            .expectedCloseDate(LocalDate.now().plusMonths(2));
    if (key != null) {
      b.idempotencyKey(key);
    }
    return b.build();
  }

  private static long deals(SalesPipeline pipeline) {
    return pipeline.findDeals(DealQuery.builder().build()).items().size();
  }

  @ParameterizedTest
  @EnumSource(Databases.class)
  void hostRollbackLeavesNoDealEventOrKeyAndListenersHearNothing(Databases db) throws SQLException {
    Setup s = setUp(db);
    CommandResult opened;
    try (Connection c = s.dataSource().getConnection();
        HostTransactions.Scope tx = s.host().begin(c)) {
      opened = s.pipeline().openDeal(open("Rolled back", "order-1"));
      assertThat(s.pipeline().deal(opened.deal().id())).isPresent(); // visible inside
      assertThat(s.heard()).isEmpty(); // not before the host's commit
    } // closed without commit: rolled back
    assertThat(s.heard()).isEmpty();
    assertThat(s.pipeline().deal(opened.deal().id())).isEmpty();
    assertThat(s.pipeline().history(opened.deal().id())).isEmpty();
    assertThat(s.pipeline().store().idempotencyRecord("order-1")).isEmpty();
    assertThat(deals(s.pipeline())).isZero();

    // the same key is free again and opens a new deal, outside any host transaction
    CommandResult again = s.pipeline().openDeal(open("Rolled back", "order-1"));
    assertThat(again.replayed()).isFalse();
    assertThat(s.heard()).hasSize(1); // own transaction: heard at once
  }

  @ParameterizedTest
  @EnumSource(Databases.class)
  void listenersHearEveryCommandAfterTheHostCommitsInOrder(Databases db) throws SQLException {
    Setup s = setUp(db);
    CommandResult first;
    CommandResult second;
    try (Connection c = s.dataSource().getConnection();
        HostTransactions.Scope tx = s.host().begin(c)) {
      first = s.pipeline().openDeal(open("First", null));
      second = s.pipeline().openDeal(open("Second", null));
      assertThat(s.heard()).isEmpty();
      tx.commit();
      assertThat(s.heard()).containsExactly(first.events(), second.events());
    }
    assertThat(deals(s.pipeline())).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Databases.class)
  void aRefusedCommandLeavesTheHostTransactionUsable(Databases db) throws SQLException {
    Setup s = setUp(db);
    CommandResult opened = s.pipeline().openDeal(open("Stale", null));
    s.heard().clear();
    CommandResult kept;
    try (Connection c = s.dataSource().getConnection();
        HostTransactions.Scope tx = s.host().begin(c)) {
      kept = s.pipeline().openDeal(open("Kept", null));
      assertThatThrownBy(
              () ->
                  s.pipeline()
                      .update(
                          UpdateDeal.builder()
                              .deal(opened.deal().id())
                              .actor(REP)
                              .expectedVersion(7)
                              .name("Never")
                              .build()))
          .isInstanceOf(ConcurrentDealModificationException.class);
      // on PostgreSQL an error inside the host's transaction would have aborted it (25P02)
      s.pipeline().openDeal(open("After the refusal", null));
      tx.commit();
    }
    assertThat(s.pipeline().deal(kept.deal().id())).isPresent();
    assertThat(deals(s.pipeline())).isEqualTo(3);
    assertThat(s.heard()).hasSize(2);
  }

  /**
   * Two host transactions submit the same keyed command at once: one creates the deal, the other
   * replays its result once the first commits, and neither host transaction fails.
   */
  @ParameterizedTest
  @EnumSource(Databases.class)
  void theIdempotencyRaceBetweenHostTransactionsReplays(Databases db) throws Exception {
    Setup s = setUp(db);
    List<Object> outcomes = race(s, db, true);
    CommandResult a = (CommandResult) outcomes.get(0);
    CommandResult b = (CommandResult) outcomes.get(1);
    assertThat(List.of(a, b)).filteredOn(CommandResult::replayed).hasSize(1);
    assertThat(b.deal().id()).isEqualTo(a.deal().id());
    assertThat(deals(s.pipeline())).isEqualTo(2);
    assertThat(s.pipeline().history(a.deal().id())).hasSize(a.events().size());
    assertThat(s.heard()).hasSize(2); // the creation and the later deal; a replay is silent
  }

  /**
   * MariaDB's default REPEATABLE READ keeps the loser's first snapshot, which hides the winner's
   * key and deal from its replay: the loser gets the typed duplicate-key error instead, and its
   * transaction stays usable (its later command commits; nothing of the refused one is left).
   */
  @ParameterizedTest
  @EnumSource(value = Databases.class, names = "MARIADB")
  void onMariaDbRepeatableReadTheLoserIsRefusedAndItsTransactionStaysUsable(Databases db)
      throws Exception {
    Setup s = setUp(db);
    List<Object> outcomes = race(s, db, false);
    assertThat(outcomes.get(1)).isInstanceOf(DuplicateIdempotencyKeyException.class);
    assertThat(deals(s.pipeline())).isEqualTo(2);
  }

  /**
   * Runs the race: the first host transaction writes the keyed command and holds its commit until
   * the second has started the same command; returns each one's result or exception.
   */
  private static List<Object> race(Setup s, Databases db, boolean readCommitted) throws Exception {
    CountDownLatch firstWrote = new CountDownLatch(1);
    CountDownLatch secondStarted = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Object> first =
          threads.submit(
              () -> {
                try (Connection c = s.dataSource().getConnection();
                    HostTransactions.Scope tx = s.host().begin(c)) {
                  isolation(db, c, readCommitted);
                  CommandResult r = s.pipeline().openDeal(open("Double submit", "submit-1"));
                  firstWrote.countDown();
                  secondStarted.await(10, TimeUnit.SECONDS);
                  // why: give the second transaction time to reach the key insert and wait on it;
                  // the outcome asserted is the same if it has not got there yet
                  Thread.sleep(300);
                  tx.commit();
                  return r;
                }
              });
      Future<Object> second =
          threads.submit(
              () -> {
                firstWrote.await(10, TimeUnit.SECONDS);
                try (Connection c = s.dataSource().getConnection();
                    HostTransactions.Scope tx = s.host().begin(c)) {
                  isolation(db, c, readCommitted);
                  secondStarted.countDown();
                  Object outcome;
                  try {
                    outcome = s.pipeline().openDeal(open("Double submit", "submit-1"));
                  } catch (RuntimeException e) {
                    outcome = e;
                  }
                  // the host's transaction is still usable after the refused insert
                  s.pipeline().openDeal(open("Same transaction, later", null));
                  tx.commit();
                  return outcome;
                }
              });
      return List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
    } finally {
      threads.shutdownNow();
    }
  }

  /**
   * MariaDB runs REPEATABLE READ by default; hosts that want the race replayed inside their
   * transaction run READ COMMITTED there (PostgreSQL and H2 default to it).
   */
  private static void isolation(Databases db, Connection c, boolean readCommitted)
      throws SQLException {
    if (db == Databases.MARIADB) {
      c.setTransactionIsolation(
          readCommitted
              ? Connection.TRANSACTION_READ_COMMITTED
              : Connection.TRANSACTION_REPEATABLE_READ);
    }
  }

  /**
   * Two host transactions save the same team at once: the second's insert waits on the first's row
   * and fails on the key once the first commits; it retries its upsert inside its savepoint (now an
   * update) instead of failing, and its transaction goes on.
   */
  @ParameterizedTest
  @EnumSource(Databases.class)
  void twoHostTransactionsSavingTheSameTeamBothCommit(Databases db) throws Exception {
    Setup s = setUp(db);
    TeamId id = TeamId.of("team-" + java.util.UUID.randomUUID());
    CountDownLatch firstSaved = new CountDownLatch(1);
    CountDownLatch secondStarted = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<?> first =
          threads.submit(
              () -> {
                try (Connection c = s.dataSource().getConnection();
                    HostTransactions.Scope tx = s.host().begin(c)) {
                  isolation(db, c, true);
                  s.pipeline().saveTeam(team(s, id, "First"));
                  firstSaved.countDown();
                  secondStarted.await(10, TimeUnit.SECONDS);
                  Thread.sleep(300); // why: lets the second reach the insert and wait on it
                  tx.commit();
                }
                return null;
              });
      Future<?> second =
          threads.submit(
              () -> {
                firstSaved.await(10, TimeUnit.SECONDS);
                try (Connection c = s.dataSource().getConnection();
                    HostTransactions.Scope tx = s.host().begin(c)) {
                  isolation(db, c, true);
                  secondStarted.countDown();
                  s.pipeline().saveTeam(team(s, id, "Second"));
                  s.pipeline().openDeal(open("After the team", null));
                  tx.commit();
                }
                return null;
              });
      first.get(30, TimeUnit.SECONDS);
      second.get(30, TimeUnit.SECONDS);
      assertThat(s.pipeline().teams()).singleElement().extracting(Team::name).isEqualTo("Second");
      assertThat(deals(s.pipeline())).isEqualTo(1);
    } finally {
      threads.shutdownNow();
    }
  }

  private static Team team(Setup s, TeamId id, String name) {
    return Team.builder()
        .id(id)
        .workspace(s.pipeline().workspace())
        .name(name)
        .manager(REP)
        .build();
  }

  @ParameterizedTest
  @EnumSource(Databases.class)
  void aScopeRefusesNestingAndUseAfterItEnded(Databases db) throws SQLException {
    Setup s = setUp(db);
    try (Connection c = s.dataSource().getConnection();
        Connection other = s.dataSource().getConnection()) {
      HostTransactions.Scope tx = s.host().begin(c);
      assertThatThrownBy(() -> s.host().begin(other)).isInstanceOf(IllegalStateException.class);
      tx.commit();
      assertThatThrownBy(tx::commit).isInstanceOf(IllegalStateException.class);
      tx.close(); // no-op after commit
      assertThat(c.getAutoCommit()).isTrue(); // restored
      assertThat(s.host().managesTransactions()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Databases.class)
  void theStoreAndEngineAreBuiltWithoutAnyTransaction(Databases db) {
    HostTransactions host = HostTransactions.over(db.dataSource());
    assertThat(host.managesTransactions()).isFalse();
    WorkspaceId workspace = Fixtures.randomWorkspace();
    SalesPipeline pipeline =
        SalesPipeline.builder()
            .store(JdbcPipelineStore.builder(host).build())
            .workspace(workspace)
            .build();
    // the pipeline definitions were saved in a transaction of the store's own
    assertThat(pipeline.store().pipelines()).isNotEmpty();
  }
}
