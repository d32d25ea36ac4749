package org.salespipeline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salespipeline.core.Account;
import org.salespipeline.core.Activity;
import org.salespipeline.core.ActivityType;
import org.salespipeline.core.ConcurrentDealModificationException;
import org.salespipeline.core.ConfigurationException;
import org.salespipeline.core.Contact;
import org.salespipeline.core.CustomerRetention;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.ErrorCode;
import org.salespipeline.core.Money;
import org.salespipeline.core.Quota;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.StorageException;
import org.salespipeline.core.Team;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.LogActivity;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.AccountQuery;
import org.salespipeline.core.store.CommitOutcomeUnknownException;
import org.salespipeline.core.store.ContactQuery;
import org.salespipeline.core.store.CorruptRecordException;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.DuplicateIdempotencyKeyException;
import org.salespipeline.core.store.EventQuery;
import org.salespipeline.core.store.RetentionQuery;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * Store reliability tests (see RELIABILITY.md): stale writes, concurrent moves without row locks,
 * retried serialization failures, failing connections and statements, connection pools, streaming,
 * hostile values and time zones, run on every database through the leaf classes {@code
 * H2StoreSuiteTest}, {@code PostgresStoreSuiteTest} and {@code MariaDbStoreSuiteTest}. Each test
 * uses its own workspace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreSuite {
  static final String[] STAGES = {
    StandardPipelines.QUALIFICATION,
    StandardPipelines.NEEDS_ANALYSIS,
    StandardPipelines.PROPOSAL,
    StandardPipelines.NEGOTIATION
  };

  JdbcPipelineStore store;
  FaultyDataSource faulty;
  JdbcPipelineStore faultyStore;
  private TimeZone zone;

  abstract Databases db();

  @BeforeAll
  void open() {
    zone = TimeZone.getDefault();
    // why: the JVM runs in a zone with DST; nothing may depend on it
    TimeZone.setDefault(TimeZone.getTimeZone("Europe/Oslo"));
    store = JdbcPipelineStore.builder(db().dataSource()).build();
    faulty = new FaultyDataSource(db().dataSource());
    faultyStore = JdbcPipelineStore.builder(faulty).maxRetries(3).build();
  }

  @AfterAll
  void restore() {
    TimeZone.setDefault(zone);
  }

  WorkspaceStore newWorkspace() {
    return store.workspace(Fixtures.randomWorkspace());
  }

  Deal created(WorkspaceStore ws) {
    Deal deal = Fixtures.deal(ws.workspaceId(), Fixtures.newId());
    ws.commit(Fixtures.create(deal));
    return deal;
  }

  // ---------------------------------------------------------------- stale writes

  @Test
  void t1_staleWriteFailsAndChangesNothing() {
    WorkspaceStore ws = newWorkspace();
    Deal deal = created(ws);
    Deal first = ws.deal(deal.id()).orElseThrow();
    Deal second = ws.deal(deal.id()).orElseThrow();
    ws.commit(Fixtures.move(first, StandardPipelines.QUALIFICATION));
    assertThatThrownBy(() -> ws.commit(Fixtures.move(second, StandardPipelines.NEEDS_ANALYSIS)))
        .isInstanceOfSatisfying(
            ConcurrentDealModificationException.class,
            e -> {
              assertThat(e.dealId()).isEqualTo(deal.id());
              assertThat(e.expectedVersion()).isEqualTo(1);
              assertThat(e.actualVersion()).isEqualTo(2);
            });
    assertThat(ws.deal(deal.id()).orElseThrow().version()).isEqualTo(2);
    assertThat(ws.deal(deal.id()).orElseThrow().stage()).isEqualTo(StandardPipelines.QUALIFICATION);
    assertThat(ws.history(deal.id())).hasSize(2);
  }

  @Test
  void t1_creatingAnExistingIdFails() {
    WorkspaceStore ws = newWorkspace();
    Deal deal = created(ws);
    assertThatThrownBy(() -> ws.commit(Fixtures.create(deal)))
        .isInstanceOfSatisfying(
            ConcurrentDealModificationException.class,
            e -> assertThat(e.actualVersion()).isEqualTo(1));
    assertThat(ws.history(deal.id())).hasSize(1);
  }

  @Test
  void t1_updatingAMissingDealFails() {
    WorkspaceStore ws = newWorkspace();
    Deal ghost = Fixtures.deal(ws.workspaceId(), Fixtures.newId());
    assertThatThrownBy(() -> ws.commit(Fixtures.move(ghost, StandardPipelines.QUALIFICATION)))
        .isInstanceOfSatisfying(
            ConcurrentDealModificationException.class, e -> assertThat(e.actualVersion()).isZero());
    assertThat(ws.deal(ghost.id())).isEmpty();
    assertThat(ws.history(ghost.id())).isEmpty();
  }

  // ---------------------------------------------------------------- concurrent moves, no row locks

  @Test
  void t2_concurrentMovesOfOneDealExactlyOneWins() throws Exception {
    WorkspaceStore ws = newWorkspace();
    Deal deal = created(ws);
    int threads = 8;
    List<Callable<Boolean>> tasks = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      String stage = STAGES[i % STAGES.length];
      tasks.add(
          () -> {
            try {
              ws.commit(Fixtures.move(deal, stage));
              return true;
            } catch (ConcurrentDealModificationException e) {
              return false;
            }
          });
    }
    List<Boolean> results = race(tasks);
    assertThat(results.stream().filter(b -> b).count()).isEqualTo(1);
    assertThat(ws.deal(deal.id()).orElseThrow().version()).isEqualTo(2);
    assertThat(ws.history(deal.id())).hasSize(2);
  }

  /** Commands take no row locks (no FOR UPDATE): moves of different deals all commit. */
  @Test
  void t2_t4_concurrentMovesOfDifferentDealsAllCommit() throws Exception {
    WorkspaceStore ws = newWorkspace();
    List<Deal> deals = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      deals.add(created(ws));
    }
    List<Callable<Boolean>> tasks = new ArrayList<>();
    for (Deal deal : deals) {
      tasks.add(
          () -> {
            Deal current = deal;
            for (String stage : STAGES) {
              DealCommit commit = Fixtures.move(current, stage);
              ws.commit(commit);
              current = commit.deal();
            }
            return true;
          });
    }
    assertThat(race(tasks)).containsOnly(true);
    for (Deal deal : deals) {
      assertThat(ws.deal(deal.id()).orElseThrow().version()).isEqualTo(1 + STAGES.length);
      assertThat(ws.history(deal.id())).hasSize(1 + STAGES.length);
    }
  }

  static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return task.call();
                }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  // ---------------------------------------------------------------- serialization failures

  @Test
  void t5_serializationFailureIsRetriedThenSucceeds() {
    WorkspaceStore ws = faultyStore.workspace(Fixtures.randomWorkspace());
    Deal deal = created(ws);
    AtomicInteger failures = new AtomicInteger();
    faulty.faults(
        new FaultyDataSource.Faults() {
          @Override
          public void beforeStatement(String sql) throws SQLException {
            if (sql.contains("deal_events") && sql.startsWith("INSERT") && failures.get() < 2) {
              failures.incrementAndGet();
              throw FaultyDataSource.transientFailure();
            }
          }
        });
    try {
      ws.commit(Fixtures.move(deal, StandardPipelines.QUALIFICATION));
    } finally {
      faulty.faults(new FaultyDataSource.Faults() {});
    }
    assertThat(failures).hasValue(2);
    assertThat(ws.deal(deal.id()).orElseThrow().version()).isEqualTo(2);
    assertThat(ws.history(deal.id())).hasSize(2);
  }

  @Test
  void t5_persistentSerializationFailureSurfacesTypedAndWritesNothing() {
    WorkspaceStore ws = faultyStore.workspace(Fixtures.randomWorkspace());
    Deal deal = created(ws);
    AtomicInteger attempts = new AtomicInteger();
    faulty.faults(
        new FaultyDataSource.Faults() {
          @Override
          public void beforeStatement(String sql) throws SQLException {
            if (sql.contains("deal_events") && sql.startsWith("INSERT")) {
              attempts.incrementAndGet();
              throw FaultyDataSource.transientFailure();
            }
          }
        });
    try {
      assertThatThrownBy(() -> ws.commit(Fixtures.move(deal, StandardPipelines.QUALIFICATION)))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("gave up after 4 attempts")
          .hasMessageContaining("40001");
    } finally {
      faulty.faults(new FaultyDataSource.Faults() {});
    }
    assertThat(attempts).hasValue(4);
    assertThat(ws.deal(deal.id())).contains(deal);
    assertThat(ws.history(deal.id())).hasSize(1);
  }

  // ---------------------------------------------------------------- failing connections, keyed
  // retries

  /**
   * Connections fail on open, before commit and after commit, 20% each. Every command carries an
   * idempotency key; a caller that sees a failure asks the store whether the key is recorded
   * (committed after all) and otherwise resubmits. The final state equals the model.
   */
  @Test
  void t6_flakyConnectionsLeaveTheModelState() {
    WorkspaceId wsId = Fixtures.randomWorkspace();
    WorkspaceStore ws = faultyStore.workspace(wsId);
    Random random = new Random(42);
    List<Deal> deals = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      deals.add(created(ws));
    }
    Map<DealId, Deal> model = new HashMap<>();
    deals.forEach(d -> model.put(d.id(), d));
    AtomicInteger injected = new AtomicInteger();
    faulty.faults(
        new FaultyDataSource.Faults() {
          @Override
          public void onOpen() throws SQLException {
            maybe("on open");
          }

          @Override
          public void beforeCommit() throws SQLException {
            maybe("before commit");
          }

          @Override
          public void afterCommit() throws SQLException {
            maybe("after commit");
          }

          private void maybe(String where) throws SQLException {
            synchronized (random) {
              if (random.nextInt(5) == 0) {
                injected.incrementAndGet();
                throw FaultyDataSource.brokenConnection(where);
              }
            }
          }
        });
    int commands = 60;
    try {
      for (int i = 0; i < commands; i++) {
        Deal current = model.get(deals.get(i % deals.size()).id());
        String key = "t6-" + wsId + "-" + i;
        DealCommit commit = Fixtures.move(current, STAGES[i % STAGES.length], Optional.of(key));
        for (int attempt = 0; ; attempt++) {
          try {
            ws.commit(commit);
            break;
          } catch (StorageException e) {
            if (recorded(ws, key)) {
              break;
            }
            assertThat(attempt).isLessThan(50);
          } catch (DuplicateIdempotencyKeyException | ConcurrentDealModificationException e) {
            // a resubmission of a command that did commit: the key tells
            assertThat(recorded(ws, key)).isTrue();
            break;
          }
        }
        model.put(current.id(), commit.deal());
      }
    } finally {
      faulty.faults(new FaultyDataSource.Faults() {});
    }
    assertThat(injected.get()).isGreaterThan(5);
    for (Deal expected : model.values()) {
      assertThat(ws.deal(expected.id())).contains(expected);
      List<DealEvent> history = ws.history(expected.id());
      assertThat(history).hasSize((int) expected.version());
      for (int i = 0; i < history.size(); i++) {
        assertThat(history.get(i).sequence()).isEqualTo(i + 1);
      }
    }
  }

  // ---------------------------------------------------------------- T22 (issue 14, item 5)

  SalesPipeline engineOn(JdbcPipelineStore on, WorkspaceId ws) {
    return SalesPipeline.builder().store(on).workspace(ws).rules(RuleSet.none()).build();
  }

  static OpenDeal opening() {
    return OpenDeal.builder()
        .name("Outcome")
        .owner(UserId.of("alice"))
        .actor(UserId.of("alice"))
        .amount(Money.of(1000, "USD"))
        .expectedCloseDate(LocalDate.now(ZoneOffset.UTC).plusMonths(1))
        .build();
  }

  static MoveDeal moving(Deal deal, String key) {
    MoveDeal.Builder b =
        MoveDeal.builder()
            .deal(deal.id())
            .toStage(StandardPipelines.QUALIFICATION)
            .actor(UserId.of("alice"));
    if (key != null) {
      b.idempotencyKey(key);
    }
    return b.build();
  }

  /**
   * T22: the connection breaks after the server committed: the store cannot know and says so with
   * CommitOutcomeUnknownException (it said "failed" before, for commands that were written); the
   * engine reads back and answers success, with the key and without.
   */
  @Test
  void t22_aCommitThatBrokeAfterTheServerCommittedIsUnknownToTheStoreAndASuccessForTheEngine() {
    WorkspaceId wsId = Fixtures.randomWorkspace();
    WorkspaceStore ws = faultyStore.workspace(wsId);
    SalesPipeline engine = engineOn(faultyStore, wsId);
    FaultyDataSource.Faults afterCommit =
        new FaultyDataSource.Faults() {
          @Override
          public void afterCommit() throws SQLException {
            faulty.faults(new FaultyDataSource.Faults() {});
            throw FaultyDataSource.brokenConnection("after commit");
          }
        };
    try {
      Deal deal = created(ws);
      DealCommit move = Fixtures.move(deal, STAGES[0], Optional.empty());
      faulty.faults(afterCommit);
      assertThatThrownBy(() -> ws.commit(move))
          .isInstanceOf(CommitOutcomeUnknownException.class)
          .hasMessageContaining("may or may not be written");
      assertThat(ws.deal(deal.id())).contains(move.deal());

      Deal opened = engine.openDeal(opening()).deal();
      for (String key : new String[] {"t22-" + wsId, null}) {
        Deal before = engine.requireDeal(opened.id());
        faulty.faults(afterCommit);
        CommandResult moved = engine.move(moving(before, key));
        assertThat(moved.replayed()).isFalse();
        assertThat(engine.requireDeal(opened.id())).isEqualTo(moved.deal());
        assertThat(moved.deal().version()).isEqualTo(before.version() + 1);
        engine.move(
            MoveDeal.builder()
                .deal(opened.id())
                .toStage(StandardPipelines.PROSPECTING)
                .actor(UserId.of("alice"))
                .build());
      }
    } finally {
      faulty.faults(new FaultyDataSource.Faults() {});
    }
  }

  /**
   * T22: the connection breaks before the commit reaches the server (injected, and on PostgreSQL
   * and MariaDB by killing the session with pg_terminate_backend / KILL): the store reports the
   * unknown outcome, the engine reads back, finds nothing written and answers a plain failure.
   */
  @Test
  void t22_aCommitWhoseSessionDiedBeforeCommittingIsAPlainFailureForTheEngine() {
    WorkspaceId wsId = Fixtures.randomWorkspace();
    WorkspaceStore ws = faultyStore.workspace(wsId);
    SalesPipeline engine = engineOn(faultyStore, wsId);
    List<FaultyDataSource.Faults> faults = new ArrayList<>();
    faults.add(
        new FaultyDataSource.Faults() {
          @Override
          public void beforeCommit() throws SQLException {
            faulty.faults(new FaultyDataSource.Faults() {});
            throw FaultyDataSource.brokenConnection("before commit");
          }
        });
    if (db() != Databases.H2) {
      faults.add(
          new FaultyDataSource.Faults() {
            @Override
            public void beforeCommit(Connection real) throws SQLException {
              faulty.faults(new FaultyDataSource.Faults() {});
              killSession(real);
            }
          });
    }
    try {
      for (FaultyDataSource.Faults fault : faults) {
        Deal deal = created(ws);
        faulty.faults(fault);
        assertThatThrownBy(() -> ws.commit(Fixtures.move(deal, STAGES[0], Optional.empty())))
            .isInstanceOf(CommitOutcomeUnknownException.class);
        assertThat(ws.deal(deal.id())).contains(deal);

        Deal opened = engine.openDeal(opening()).deal();
        for (String key : new String[] {"t22b-" + UUID.randomUUID(), null}) {
          faulty.faults(fault);
          assertThatThrownBy(() -> engine.move(moving(opened, key)))
              .isExactlyInstanceOf(StorageException.class)
              .hasMessageContaining("not committed")
              .hasCauseInstanceOf(CommitOutcomeUnknownException.class);
          assertThat(engine.requireDeal(opened.id())).isEqualTo(opened);
          assertThat(engine.history(opened.id())).hasSize(1);
        }
        assertThat(engine.move(moving(opened, "t22c-" + UUID.randomUUID())).deal().version())
            .isEqualTo(2);
      }
    } finally {
      faulty.faults(new FaultyDataSource.Faults() {});
    }
  }

  /** Kills the connection's session from another connection, as an operator or failover would. */
  void killSession(Connection real) throws SQLException {
    boolean postgres = db() == Databases.POSTGRES;
    long id;
    try (PreparedStatement ps =
            real.prepareStatement(postgres ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      id = rs.getLong(1);
    }
    try (Connection admin = db().dataSource().getConnection();
        PreparedStatement ps =
            admin.prepareStatement(
                postgres ? "SELECT pg_terminate_backend(" + id + ")" : "KILL " + id)) {
      ps.execute();
    }
  }

  // ---------------------------------------------------------------- T23 (issue 14, item 8)

  void tamper(String sql, WorkspaceId ws, DealId deal) throws SQLException {
    try (Connection c = db().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, ws.value());
      ps.setString(2, deal.toString());
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }

  static void corrupt(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable read, String table, String key) {
    assertThatThrownBy(read)
        .isInstanceOfSatisfying(
            CorruptRecordException.class,
            e -> {
              assertThat(e.table()).isEqualTo(table);
              assertThat(e.key()).isEqualTo(key);
              assertThat(e.errorCode()).isEqualTo(ErrorCode.CORRUPT_RECORD);
              assertThat(e.getMessage()).contains(table).contains(key);
            });
  }

  /**
   * T23: rows changed by hand with SQL (a body that is not a deal, an unknown event type, an
   * unknown forecast category) are named in a CorruptRecordException (table and key) by every read
   * that meets them; reads of the other deals still work.
   */
  @Test
  void t23_corruptRowsAreNamedInATypedException() throws SQLException {
    WorkspaceStore ws = newWorkspace();
    WorkspaceId id = ws.workspaceId();
    Deal badBody = created(ws);
    Deal badEvent = created(ws);
    Deal badCategory = created(ws);
    Deal fine = created(ws);
    tamper(
        "UPDATE sp_deals SET body = '{\"not\": a deal' WHERE workspace = ? AND id = ?",
        id,
        badBody.id());
    tamper(
        "UPDATE sp_deal_events SET change_type = 'NoSuchChange'"
            + " WHERE workspace = ? AND deal_id = ? AND sequence = 1",
        id,
        badEvent.id());
    tamper(
        "UPDATE sp_deals SET forecast_category = 'BOGUS' WHERE workspace = ? AND id = ?",
        id,
        badCategory.id());

    corrupt(() -> ws.deal(badBody.id()), "deals", badBody.id().toString());
    corrupt(() -> ws.history(badEvent.id()), "deal_events", badEvent.id() + "/1");
    corrupt(
        () -> {
          try (Stream<Deal> all = ws.streamDeals(DealQuery.all())) {
            all.forEach(d -> {});
          }
        },
        "deals",
        badBody.id().toString());
    corrupt(() -> ws.findDeals(DealQuery.all()), "deals", badBody.id().toString());
    corrupt(
        () -> {
          try (Stream<DealEvent> all = ws.streamEvents(EventQuery.all())) {
            all.forEach(e -> {});
          }
        },
        "deal_events",
        badEvent.id() + "/1");
    corrupt(
        () -> ws.scanOpenDeals(StandardPipelines.NEW_BUSINESS, (a, b, c, d, e, f, g, h, i) -> {}),
        "deals",
        badCategory.id().toString());

    assertThat(ws.deal(fine.id())).contains(fine);
    assertThat(ws.deal(badEvent.id())).contains(badEvent);
    assertThat(ws.history(badBody.id())).hasSize(1);
    assertThat(ws.history(fine.id())).hasSize(1);
  }

  /** Changes one row by hand; every parameter is bound in order. */
  void tamperRow(String sql, String... params) throws SQLException {
    try (Connection c = db().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }

  /**
   * T23, every table (issue 14, item 8): an activity, account, contact, team, quota, retention
   * record and pipeline stage changed by hand give CorruptRecordException naming table and key from
   * every read that meets them; the other records of the same tables still read.
   */
  @Test
  void t23_corruptRowsOfEveryTableAreNamed() throws SQLException {
    WorkspaceId id = Fixtures.randomWorkspace();
    SalesPipeline engine =
        SalesPipeline.builder().store(store).workspace(id).rules(RuleSet.none()).build();
    WorkspaceStore ws = store.workspace(id);
    UserId alice = UserId.of("alice");
    Account badAccount = engine.createAccount("Bad account");
    Account fineAccount = engine.createAccount("Fine account");
    Contact badContact =
        engine.createContact("Bad", Optional.of(badAccount.id()), Optional.empty());
    Contact fineContact =
        engine.createContact("Fine", Optional.of(fineAccount.id()), Optional.empty());
    DealId badDeal = wonDeal(engine, badAccount, alice);
    DealId fineDeal = wonDeal(engine, fineAccount, alice);
    Activity badActivity = note(engine, badDeal, alice);
    Activity fineActivity = note(engine, fineDeal, alice);
    engine.saveTeam(
        Team.builder().id(TeamId.of("east")).workspace(id).name("East").manager(alice).build());
    engine.setQuota(
        Quota.builder()
            .workspace(id)
            .owner(alice)
            .periodStart(LocalDate.of(2026, 4, 1))
            .periodEnd(LocalDate.of(2026, 6, 30))
            .amount(Money.of("150000.00", "USD"))
            .build());
    String w = id.value();
    String notJson = "{\"not\": json";
    tamperRow(
        "UPDATE sp_activities SET body = ? WHERE workspace = ? AND id = ?",
        notJson,
        w,
        badActivity.id().toString());
    tamperRow(
        "UPDATE sp_accounts SET body = ? WHERE workspace = ? AND id = ?",
        notJson,
        w,
        badAccount.id().toString());
    tamperRow(
        "UPDATE sp_contacts SET body = ? WHERE workspace = ? AND id = ?",
        notJson,
        w,
        badContact.id().toString());
    tamperRow("UPDATE sp_teams SET body = ? WHERE workspace = ? AND id = ?", notJson, w, "east");
    tamperRow(
        "UPDATE sp_quotas SET body = ? WHERE workspace = ? AND owner = ?", notJson, w, "alice");
    tamperRow(
        "UPDATE sp_retention SET body = ? WHERE workspace = ? AND account_id = ?",
        notJson,
        w,
        badAccount.id().toString());
    tamperRow(
        "UPDATE sp_pipeline_stages SET outcome = ? WHERE workspace = ? AND pipeline_id = ?"
            + " AND stage_key = ?",
        "BOGUS",
        w,
        StandardPipelines.NEW_BUSINESS.value(),
        StandardPipelines.PROPOSAL);

    String activity = badActivity.id().toString();
    corrupt(() -> ws.activities(badDeal), "activities", activity);
    corrupt(() -> ws.accountActivities(badAccount.id()), "activities", activity);
    corrupt(() -> ws.account(badAccount.id()), "accounts", badAccount.id().toString());
    corrupt(() -> ws.findAccounts(AccountQuery.all()), "accounts", badAccount.id().toString());
    corrupt(() -> ws.contact(badContact.id()), "contacts", badContact.id().toString());
    corrupt(() -> ws.findContacts(ContactQuery.all()), "contacts", badContact.id().toString());
    corrupt(ws::teams, "teams", "east");
    corrupt(ws::quotas, "quotas", "alice//2026-04-01/2026-06-30");
    corrupt(() -> ws.retention(badAccount.id()), "retention", badAccount.id().toString());
    corrupt(() -> ws.findRetention(RetentionQuery.all()), "retention", badAccount.id().toString());
    corrupt(
        () -> {
          try (Stream<CustomerRetention> all = ws.streamRetention(RetentionQuery.all())) {
            all.forEach(r -> {});
          }
        },
        "retention",
        badAccount.id().toString());
    String stage = StandardPipelines.NEW_BUSINESS.value() + "/" + StandardPipelines.PROPOSAL;
    corrupt(ws::pipelines, "pipeline_stages", stage);
    corrupt(() -> ws.pipeline(StandardPipelines.NEW_BUSINESS), "pipeline_stages", stage);

    assertThat(ws.activities(fineDeal)).contains(fineActivity);
    assertThat(ws.accountActivities(fineAccount.id())).contains(fineActivity);
    assertThat(ws.account(fineAccount.id())).contains(fineAccount);
    assertThat(ws.contact(fineContact.id())).contains(fineContact);
    assertThat(ws.retention(fineAccount.id())).isPresent();
    assertThat(ws.deal(badDeal)).isPresent();
    assertThat(ws.history(badDeal)).isNotEmpty();
  }

  private static DealId wonDeal(SalesPipeline engine, Account account, UserId actor) {
    DealId deal =
        engine
            .openDeal(
                OpenDeal.builder()
                    .name("Deal of " + account.name())
                    .owner(actor)
                    .actor(actor)
                    .account(account.id())
                    .amount(Money.of("1000.00", "USD"))
                    .expectedCloseDate(LocalDate.of(2030, 1, 1))
                    .build())
            .deal()
            .id();
    engine.win(CloseDeal.builder().deal(deal).actor(actor).build());
    return deal;
  }

  private static Activity note(SalesPipeline engine, DealId deal, UserId actor) {
    return engine.logActivity(
        LogActivity.builder().deal(deal).actor(actor).type(ActivityType.NOTE).subject("n").build());
  }

  private static boolean recorded(WorkspaceStore ws, String key) {
    for (int i = 0; ; i++) {
      try {
        return ws.idempotencyRecord(key).isPresent();
      } catch (StorageException e) {
        assertThat(i).isLessThan(50);
      }
    }
  }

  @Test
  void t10_replayedKeyIsRefusedAndWritesNothing() {
    WorkspaceStore ws = newWorkspace();
    Deal deal = created(ws);
    DealCommit first = Fixtures.move(deal, StandardPipelines.QUALIFICATION, Optional.of("k-1"));
    ws.commit(first);
    DealCommit replay = Fixtures.move(first.deal(), StandardPipelines.PROPOSAL, Optional.of("k-1"));
    assertThatThrownBy(() -> ws.commit(replay))
        .isInstanceOfSatisfying(
            DuplicateIdempotencyKeyException.class, e -> assertThat(e.key()).isEqualTo("k-1"));
    assertThat(ws.idempotencyRecord("k-1").orElseThrow().dealVersion()).isEqualTo(2);
    assertThat(ws.history(deal.id())).hasSize(2);
    assertThat(ws.deal(deal.id()).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void t10_concurrentReplaysYieldOneEvent() throws Exception {
    WorkspaceStore ws = newWorkspace();
    List<Callable<Boolean>> tasks = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Deal deal = Fixtures.deal(ws.workspaceId(), Fixtures.newId());
      tasks.add(
          () -> {
            try {
              ws.commit(Fixtures.create(deal, Optional.of("same-key")));
              return true;
            } catch (DuplicateIdempotencyKeyException e) {
              return false;
            }
          });
    }
    assertThat(race(tasks).stream().filter(b -> b).count()).isEqualTo(1);
    DealId winner = ws.idempotencyRecord("same-key").orElseThrow().dealId();
    try (Stream<Deal> all = ws.streamDeals(DealQuery.all())) {
      assertThat(all.map(Deal::id).toList()).containsExactly(winner);
    }
    try (Stream<DealEvent> events = ws.streamEvents(EventQuery.all())) {
      assertThat(events.count()).isEqualTo(1);
    }
  }

  // ---------------------------------------------------------------- failing statements

  /** Failing the Nth statement of a command leaves everything unchanged. */
  @Test
  void t7_failingAnyStatementRollsBackTheCommand() {
    WorkspaceStore ws = faultyStore.workspace(Fixtures.randomWorkspace());
    Deal deal = created(ws);
    DealCommit move = Fixtures.move(deal, StandardPipelines.QUALIFICATION, Optional.of("t7"));
    org.salespipeline.core.Activity activity =
        org.salespipeline.core.Activity.builder()
            .id(new org.salespipeline.core.ActivityId(java.util.UUID.randomUUID()))
            .workspace(ws.workspaceId())
            .deal(deal.id())
            .type(ActivityType.CALL)
            .owner(Fixtures.REP)
            .subject("call")
            .occurredAt(Fixtures.T0)
            .recordedAt(Fixtures.T0)
            .build();
    DealCommit commit =
        new DealCommit(
            move.expectedVersion(),
            move.deal(),
            move.events(),
            List.of(activity),
            Optional.empty(),
            move.idempotencyKey());
    // the command runs 4 statements: update deal, insert events, insert activities, insert key
    for (int n = 1; n <= 4; n++) {
      int failAt = n;
      AtomicInteger count = new AtomicInteger();
      faulty.faults(
          new FaultyDataSource.Faults() {
            @Override
            public void beforeStatement(String sql) throws SQLException {
              if (count.incrementAndGet() == failAt) {
                throw new SQLException("injected failure of statement " + failAt, "HY000");
              }
            }
          });
      try {
        assertThatThrownBy(() -> ws.commit(commit)).isInstanceOf(StorageException.class);
      } finally {
        faulty.faults(new FaultyDataSource.Faults() {});
      }
      assertThat(ws.deal(deal.id())).contains(deal);
      assertThat(ws.history(deal.id())).hasSize(1);
      assertThat(ws.activities(deal.id())).isEmpty();
      assertThat(ws.idempotencyRecord("t7")).isEmpty();
    }
    ws.commit(commit);
    assertThat(ws.activities(deal.id())).containsExactly(activity);
  }

  /**
   * The same for multi-deal operations: commitAll (the engine's import batches) is one transaction;
   * failing any of its statements leaves every deal unchanged.
   */
  @Test
  void t7_commitAllIsAtomicAcrossDeals() {
    WorkspaceStore ws = faultyStore.workspace(Fixtures.randomWorkspace());
    Deal a = created(ws);
    Deal b = created(ws);
    Deal fresh = Fixtures.deal(ws.workspaceId(), Fixtures.newId());
    DealCommit moveA = Fixtures.move(a, StandardPipelines.QUALIFICATION);
    List<DealCommit> batch =
        List.of(
            moveA,
            Fixtures.move(b, StandardPipelines.QUALIFICATION),
            Fixtures.create(fresh),
            Fixtures.move(moveA.deal(), StandardPipelines.PROPOSAL));
    for (int n = 1; n <= 8; n++) {
      int failAt = n;
      AtomicInteger count = new AtomicInteger();
      faulty.faults(
          new FaultyDataSource.Faults() {
            @Override
            public void beforeStatement(String sql) throws SQLException {
              if (count.incrementAndGet() == failAt) {
                throw new SQLException("injected failure of statement " + failAt, "HY000");
              }
            }
          });
      try {
        assertThatThrownBy(() -> ws.commitAll(batch)).isInstanceOf(StorageException.class);
      } finally {
        faulty.faults(new FaultyDataSource.Faults() {});
      }
      assertThat(ws.deal(a.id())).contains(a);
      assertThat(ws.deal(b.id())).contains(b);
      assertThat(ws.deal(fresh.id())).isEmpty();
      assertThat(ws.history(a.id())).hasSize(1);
    }
    ws.commitAll(batch);
    assertThat(ws.deal(a.id()).orElseThrow().version()).isEqualTo(3);
    assertThat(ws.history(a.id())).hasSize(3);
    assertThat(ws.deal(fresh.id())).contains(fresh);
  }

  // ---------------------------------------------------------------- connection pools

  @Test
  void t8_hikariWithAutocommitOnAndOff() throws SQLException {
    for (boolean autoCommit : new boolean[] {true, false}) {
      try (HikariDataSource pool = db().newPool(autoCommit, 4);
          JdbcPipelineStore pooled = JdbcPipelineStore.builder(pool).build()) {
        WorkspaceStore ws = pooled.workspace(Fixtures.randomWorkspace());
        Deal deal = created(ws);
        ws.commit(Fixtures.move(deal, StandardPipelines.QUALIFICATION));
        try (Stream<Deal> s = ws.streamDeals(DealQuery.all())) {
          assertThat(s.count()).isEqualTo(1);
        }
        // visible from an unrelated connection
        try (Connection other = db().dataSource().getConnection();
            PreparedStatement s =
                other.prepareStatement(
                    "SELECT version FROM sp_deals WHERE workspace = ? AND id = ?")) {
          s.setString(1, ws.workspaceId().value());
          s.setString(2, deal.id().toString());
          try (ResultSet rs = s.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(2);
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- streaming

  /**
   * Streams hold one fetch at a time. Normal runs stream 20,000 history rows; set {@code
   * -Dpipeline.test.large.rows=1000000} (with a small -Xmx) for the full size.
   */
  @Test
  void t11_streamsManyHistoryRows() {
    int rows = Integer.getInteger("pipeline.test.large.rows", 20_000);
    WorkspaceId wsId = Fixtures.randomWorkspace();
    List<long[]> progress = new ArrayList<>();
    // written in chunks so that the test itself never holds all rows either
    for (int written = 0; written < rows; ) {
      int chunk = Math.min(20_000, rows - written);
      List<DealCommit> creates = new ArrayList<>(chunk);
      for (int i = 0; i < chunk; i++) {
        creates.add(Fixtures.create(Fixtures.deal(wsId, Fixtures.newId())));
      }
      store.insertCreatedDeals(
          wsId, creates, (done, total) -> progress.add(new long[] {done, total}));
      written += chunk;
    }
    assertThat(progress.get(progress.size() - 1))
        .containsExactly(Math.min(rows, 20_000), Math.min(rows, 20_000));
    Runtime runtime = Runtime.getRuntime();
    WorkspaceStore ws = store.workspace(wsId);
    long count = 0;
    String last = "";
    try (Stream<DealEvent> events = ws.streamEvents(EventQuery.all())) {
      for (DealEvent e : (Iterable<DealEvent>) events::iterator) {
        assertThat(e.dealId().toString()).isGreaterThan(last);
        last = e.dealId().toString();
        if (++count % 100_000 == 0) {
          System.out.printf(
              "t11 %s: %d rows streamed, heap used %d MB%n",
              db(), count, (runtime.totalMemory() - runtime.freeMemory()) >> 20);
        }
      }
    }
    assertThat(count).isEqualTo(rows);
  }

  // ---------------------------------------------------------------- hostile values

  @Test
  void t12_hostileValuesAreBoundNotSpliced() {
    WorkspaceStore ws = newWorkspace();
    Deal deal = created(ws);
    String hostile = "x' OR '1'='1'; DROP TABLE sp_deals; --";
    DealQuery query = DealQuery.builder().addStages(hostile, "prospecting\"; --").build();
    assertThat(ws.findDeals(query).items()).isEmpty();
    assertThat(ws.findDeals(DealQuery.builder().addStages("prospecting").build()).items())
        .containsExactly(deal);
    String key = "k' ; DELETE FROM sp_deals; -- \u00e9\u4e2d\ud83d\ude00";
    DealCommit move = Fixtures.move(deal, StandardPipelines.QUALIFICATION, Optional.of(key));
    ws.commit(move);
    assertThat(ws.idempotencyRecord(key).orElseThrow().dealVersion()).isEqualTo(2);
    Deal named =
        Deal.builder()
            .from(Fixtures.deal(ws.workspaceId(), Fixtures.newId()))
            .name("Robert'); DROP TABLE students;-- \"\\ \u0000\u0007 \ud83d\ude00")
            .nextStep("${prefix} {p} %s \\u0000")
            .build();
    ws.commit(Fixtures.create(named));
    assertThat(ws.deal(named.id())).contains(named);
    for (String prefix : new String[] {"sp; DROP", "x'--", "", "Upper_", "a b", "1abc"}) {
      assertThatThrownBy(() -> JdbcPipelineStore.builder(db().dataSource()).tablePrefix(prefix))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(prefix);
    }
  }

  @Test
  void t12_absurdAmountsAndKeysAreRefusedBeforeTheDatabase() {
    WorkspaceStore ws = newWorkspace();
    Deal huge =
        Deal.builder()
            .from(Fixtures.deal(ws.workspaceId(), Fixtures.newId()))
            .amount(Money.of("100000000000000000", "USD"))
            .build();
    assertThatThrownBy(() -> ws.commit(Fixtures.create(huge)))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.concerns("amount")));
    Deal ok = Fixtures.deal(ws.workspaceId(), Fixtures.newId());
    assertThatThrownBy(() -> ws.commit(Fixtures.create(ok, Optional.of("k".repeat(256)))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("idempotencyKey");
    Deal max =
        Deal.builder()
            .from(Fixtures.deal(ws.workspaceId(), Fixtures.newId()))
            .amount(Money.of("9999999999999999.99", "USD"))
            .build();
    ws.commit(Fixtures.create(max));
    assertThat(ws.deal(max.id())).contains(max);
    assertThat(ws.deal(huge.id())).isEmpty();
  }

  @Test
  void otherWorkspacesRecordsAreRefused() {
    WorkspaceStore ws = newWorkspace();
    Deal foreign = Fixtures.deal(Fixtures.randomWorkspace(), Fixtures.newId());
    assertThatThrownBy(() -> ws.commit(Fixtures.create(foreign)))
        .isInstanceOf(ValidationException.class);
    WorkspaceStore other = newWorkspace();
    Deal mine = created(ws);
    assertThat(other.deal(mine.id())).isEmpty();
    assertThat(other.history(mine.id())).isEmpty();
  }

  // ---------------------------------------------------------------- instants and time zones

  @Test
  void t16_instantsRoundTripAcrossDstAndFarFuture() throws SQLException {
    WorkspaceStore ws = newWorkspace();
    Instant[] instants = {
      Instant.parse("2026-03-29T00:59:59.999999Z"), // Oslo: last instant before spring forward
      Instant.parse("2026-03-29T01:00:00Z"),
      Instant.parse("2026-10-25T00:30:00.000001Z"), // Oslo: inside the repeated hour
      Instant.parse("2026-10-25T01:30:00.5Z"),
      Instant.parse("2500-12-31T23:59:59.999999Z"),
      Instant.parse("1970-01-01T00:00:00Z")
    };
    List<Deal> deals = new ArrayList<>();
    for (Instant at : instants) {
      Deal deal =
          Deal.builder()
              .from(Fixtures.deal(ws.workspaceId(), Fixtures.newId()))
              .createdAt(at)
              .stageEnteredAt(at)
              .expectedCloseDate(LocalDate.of(2500, 1, 1))
              .build();
      ws.commit(Fixtures.create(deal));
      deals.add(deal);
      assertThat(ws.deal(deal.id())).contains(deal);
      assertThat(ws.history(deal.id()).get(0).at()).isEqualTo(at);
      assertThat(storedCreatedAt(deal)).isEqualTo(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }
    // the database filters on the column: bounds at the DST edge are exact
    Instant edge = Instant.parse("2026-03-29T01:00:00Z");
    try (Stream<DealEvent> events = ws.streamEvents(EventQuery.builder().from(edge).build())) {
      assertThat(events.map(DealEvent::at).toList())
          .containsExactlyInAnyOrder(instants[1], instants[2], instants[3], instants[4]);
    }
    try (Stream<DealEvent> events = ws.streamEvents(EventQuery.until(instants[0]))) {
      assertThat(events.map(DealEvent::at).toList())
          .containsExactlyInAnyOrder(instants[0], instants[5]);
    }
  }

  LocalDateTime storedCreatedAt(Deal deal) throws SQLException {
    try (Connection c = db().dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT created_at FROM sp_deals WHERE workspace = ? AND id = ?")) {
      s.setString(1, deal.workspace().value());
      s.setString(2, deal.id().toString());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getObject(1, LocalDateTime.class);
      }
    }
  }
}
