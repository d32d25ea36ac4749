package org.salespipeline.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.salespipeline.core.Account;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.Activity;
import org.salespipeline.core.ConcurrentDealModificationException;
import org.salespipeline.core.ConcurrentRetentionModificationException;
import org.salespipeline.core.Contact;
import org.salespipeline.core.ContactId;
import org.salespipeline.core.CustomerRetention;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.Quota;
import org.salespipeline.core.StorageException;
import org.salespipeline.core.Team;
import org.salespipeline.core.UserId;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.DuplicateIdempotencyKeyException;
import org.salespipeline.core.store.EventQuery;
import org.salespipeline.core.store.IdempotencyRecord;
import org.salespipeline.core.store.OpenDealVisitor;
import org.salespipeline.core.store.Page;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * The records of one workspace in the JDBC store. Every statement binds the workspace id; nothing
 * here reaches another workspace. Stateless apart from its configuration: thread-safe.
 */
public final class JdbcWorkspaceStore implements WorkspaceStore {
  /** Longest idempotency key stored (column width). */
  public static final int MAX_KEY_LENGTH = 255;

  private static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

  private final WorkspaceId id;
  private final String ws;
  private final Transactor tx;
  private final Sql sql;
  private final Streams streams;
  private final Runnable registerWorkspace;

  public JdbcWorkspaceStore(
      WorkspaceId id, Transactor tx, Sql sql, Streams streams, Runnable registerWorkspace) {
    this.id = id;
    this.ws = id.value();
    this.tx = tx;
    this.sql = sql;
    this.streams = streams;
    this.registerWorkspace = registerWorkspace;
  }

  @Override
  public WorkspaceId workspaceId() {
    return id;
  }

  private void requireOwn(WorkspaceId workspace, String what) {
    if (!id.equals(workspace)) {
      throw new ValidationException(
          FieldProblem.of(what + ".workspace", workspace, "does not belong to workspace " + id));
    }
  }

  // ---------------------------------------------------------------- reference data

  @Override
  public void savePipeline(PipelineDefinition pipeline) {
    registerWorkspace.run();
    tx.inTransaction(
        "saving pipeline " + pipeline.id(),
        c -> {
          upsert(
              c,
              Sql.UPDATE_PIPELINE,
              Sql.INSERT_PIPELINE,
              s -> {
                s.setString(1, pipeline.name());
                s.setString(2, ws);
                s.setString(3, pipeline.id().value());
              });
          try (PreparedStatement s = c.prepareStatement(sql.of(Sql.DELETE_STAGES))) {
            s.setString(1, ws);
            s.setString(2, pipeline.id().value());
            s.executeUpdate();
          }
          try (PreparedStatement s = c.prepareStatement(sql.of(Sql.INSERT_STAGE))) {
            int position = 0;
            for (Stage stage : pipeline.stages()) {
              s.setString(1, ws);
              s.setString(2, pipeline.id().value());
              s.setInt(3, position++);
              s.setString(4, stage.key());
              s.setString(5, stage.displayName());
              s.setString(6, stage.outcome().name());
              s.setDouble(7, stage.defaultProbability());
              s.setString(8, stage.defaultCategory().name());
              s.setString(9, Codec.duration(stage.idleThreshold()));
              s.addBatch();
            }
            s.executeBatch();
          }
          return null;
        });
  }

  @Override
  public Optional<PipelineDefinition> pipeline(PipelineId pipelineId) {
    List<PipelineDefinition> found =
        tx.read(
            "reading pipeline " + pipelineId,
            c -> {
              try (PreparedStatement s = c.prepareStatement(sql.of(Sql.SELECT_PIPELINE))) {
                s.setString(1, ws);
                s.setString(2, pipelineId.value());
                return pipelines(s);
              }
            });
    return found.stream().findFirst();
  }

  @Override
  public List<PipelineDefinition> pipelines() {
    List<PipelineDefinition> all =
        new ArrayList<>(
            tx.read(
                "reading pipelines",
                c -> {
                  try (PreparedStatement s = c.prepareStatement(sql.of(Sql.SELECT_PIPELINES))) {
                    s.setString(1, ws);
                    return pipelines(s);
                  }
                }));
    all.sort(Comparator.comparing(PipelineDefinition::id));
    return List.copyOf(all);
  }

  private static List<PipelineDefinition> pipelines(PreparedStatement s) throws SQLException {
    List<PipelineDefinition> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      String currentId = null;
      String currentName = null;
      List<Stage> stages = new ArrayList<>();
      while (rs.next()) {
        String pid = rs.getString(1);
        if (!pid.equals(currentId)) {
          if (currentId != null) {
            out.add(definition(currentId, currentName, stages));
          }
          currentId = pid;
          currentName = rs.getString(2);
          stages = new ArrayList<>();
        }
        stages.add(
            Codec.stage(
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getDouble(6),
                rs.getString(7),
                rs.getString(8)));
      }
      if (currentId != null) {
        out.add(definition(currentId, currentName, stages));
      }
    }
    return out;
  }

  private static PipelineDefinition definition(String id, String name, List<Stage> stages) {
    return PipelineDefinition.builder().id(PipelineId.of(id)).name(name).stages(stages).build();
  }

  @Override
  public void saveAccount(Account account) {
    requireOwn(account.workspace(), "account");
    registerWorkspace.run();
    String body = Codec.encodeAccount(account);
    tx.inTransaction(
        "saving account " + account.id(),
        c ->
            upsert(
                c,
                Sql.UPDATE_ACCOUNT,
                Sql.INSERT_ACCOUNT,
                s -> {
                  Binds.text(s, 1, account.owner());
                  s.setString(2, body);
                  s.setString(3, ws);
                  s.setString(4, account.id().toString());
                }));
  }

  @Override
  public Optional<Account> account(AccountId accountId) {
    return readBody(Sql.SELECT_ACCOUNT, accountId.toString(), "account").map(Codec::decodeAccount);
  }

  @Override
  public void saveContact(Contact contact) {
    requireOwn(contact.workspace(), "contact");
    registerWorkspace.run();
    String body = Codec.encodeContact(contact);
    tx.inTransaction(
        "saving contact " + contact.id(),
        c ->
            upsert(
                c,
                Sql.UPDATE_CONTACT,
                Sql.INSERT_CONTACT,
                s -> {
                  Binds.text(s, 1, contact.account());
                  s.setString(2, body);
                  s.setString(3, ws);
                  s.setString(4, contact.id().toString());
                }));
  }

  @Override
  public Optional<Contact> contact(ContactId contactId) {
    return readBody(Sql.SELECT_CONTACT, contactId.toString(), "contact").map(Codec::decodeContact);
  }

  @Override
  public void saveTeam(Team team) {
    requireOwn(team.workspace(), "team");
    registerWorkspace.run();
    String body = Codec.encodeTeam(team);
    tx.inTransaction(
        "saving team " + team.id(),
        c ->
            upsert(
                c,
                Sql.UPDATE_TEAM,
                Sql.INSERT_TEAM,
                s -> {
                  Binds.text(s, 1, team.parent());
                  s.setString(2, team.manager().value());
                  s.setString(3, body);
                  s.setString(4, ws);
                  s.setString(5, team.id().value());
                }));
  }

  @Override
  public List<Team> teams() {
    List<Team> teams = new ArrayList<>(readBodies(Sql.SELECT_TEAMS, "teams", Codec::decodeTeam));
    teams.sort(Comparator.comparing(Team::id));
    return List.copyOf(teams);
  }

  @Override
  public void saveQuota(Quota quota) {
    requireOwn(quota.workspace(), "quota");
    Binds.checkAmount("amount", quota.amount());
    registerWorkspace.run();
    String body = Codec.encodeQuota(quota);
    tx.inTransaction(
        "saving quota",
        c ->
            upsert(
                c,
                Sql.UPDATE_QUOTA,
                Sql.INSERT_QUOTA,
                s -> {
                  Binds.amount(s, 1, quota.amount());
                  s.setString(2, quota.amount().currency().getCurrencyCode());
                  s.setString(3, body);
                  s.setString(4, ws);
                  s.setString(5, quota.owner().map(UserId::value).orElse(""));
                  s.setString(6, quota.team().map(Object::toString).orElse(""));
                  Binds.date(s, 7, quota.periodStart());
                  Binds.date(s, 8, quota.periodEnd());
                }));
  }

  @Override
  public List<Quota> quotas() {
    List<Quota> quotas =
        new ArrayList<>(readBodies(Sql.SELECT_QUOTAS, "quotas", Codec::decodeQuota));
    quotas.sort(
        Comparator.comparing(Quota::periodStart)
            .thenComparing(q -> q.owner().map(Object::toString).orElse(""))
            .thenComparing(q -> q.team().map(Object::toString).orElse("")));
    return List.copyOf(quotas);
  }

  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement s) throws SQLException;
  }

  /**
   * Updates, or inserts when nothing was updated; both statements take the same parameters in the
   * same order. A concurrent insert of the same key makes the transaction retry.
   */
  private Void upsert(Connection c, String update, String insert, Binder binder)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql.of(update))) {
      binder.bind(s);
      if (s.executeUpdate() > 0) {
        return null;
      }
    }
    try (PreparedStatement s = c.prepareStatement(sql.of(insert))) {
      binder.bind(s);
      s.executeUpdate();
    } catch (SQLException e) {
      if (tx.dialect().isUniqueViolation(e)) {
        throw new Transactor.Retry(e);
      }
      throw e;
    }
    return null;
  }

  private Optional<String> readBody(String statement, String key, String what) {
    return tx.read(
        "reading " + what + " " + key,
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql.of(statement))) {
            s.setString(1, ws);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
          }
        });
  }

  private <T> List<T> readBodies(
      String statement, String what, java.util.function.Function<String, T> decode) {
    return tx.read(
        "reading " + what,
        c -> {
          List<T> out = new ArrayList<>();
          try (PreparedStatement s = c.prepareStatement(sql.of(statement))) {
            s.setString(1, ws);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                out.add(decode.apply(rs.getString(1)));
              }
            }
          }
          return out;
        });
  }

  private <T> List<T> readBodies(
      String statement, String key, String what, java.util.function.Function<String, T> decode) {
    return tx.read(
        "reading " + what,
        c -> {
          List<T> out = new ArrayList<>();
          try (PreparedStatement s = c.prepareStatement(sql.of(statement))) {
            s.setString(1, ws);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                out.add(decode.apply(rs.getString(1)));
              }
            }
          }
          return out;
        });
  }

  // ---------------------------------------------------------------- deals

  @Override
  public Optional<Deal> deal(DealId dealId) {
    return readBody(Sql.SELECT_DEAL, dealId.toString(), "deal").map(Codec::decodeDeal);
  }

  /** Checks a commit before any statement runs; refuses what the in-memory store refuses. */
  public void check(DealCommit commit) {
    Deal deal = commit.deal();
    requireOwn(deal.workspace(), "deal");
    Binds.checkAmount("amount", deal.amount());
    long next = commit.events().get(0).sequence();
    if (commit.isCreate() && next != 1) {
      throw new IllegalArgumentException(
          "the first event of new deal " + deal.id() + " must have sequence 1, had " + next);
    }
    for (DealEvent event : commit.events()) {
      if (!event.dealId().equals(deal.id()) || event.sequence() != next++) {
        throw new IllegalArgumentException(
            "event "
                + event.sequence()
                + " of "
                + event.dealId()
                + " does not continue the history of "
                + deal.id());
      }
    }
    for (Activity activity : commit.activities()) {
      requireOwn(activity.workspace(), "activity");
    }
    commit.retention().ifPresent(r -> requireOwn(r.workspace(), "retention"));
    commit.idempotencyKey().ifPresent(JdbcWorkspaceStore::checkKey);
  }

  private static void checkKey(String key) {
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      throw new ValidationException(
          FieldProblem.of(
              "idempotencyKey", key, "must be 1 to " + MAX_KEY_LENGTH + " characters long"));
    }
  }

  @Override
  public void commit(DealCommit commit) {
    check(commit);
    registerWorkspace.run();
    Encoded encoded = encode(commit);
    tx.inTransaction(
        "committing deal " + commit.deal().id(),
        c -> {
          write(c, commit, encoded);
          return null;
        });
  }

  /**
   * Writes the commits in one transaction, all or nothing. A batch of creates of distinct deals (an
   * import) is written with JDBC batches; any other batch runs the commits one after another inside
   * the transaction, so several commits of one deal may follow each other.
   */
  @Override
  public void commitAll(List<DealCommit> commits) {
    if (commits.isEmpty()) {
      return;
    }
    Set<DealId> ids = new HashSet<>();
    Set<String> keys = new HashSet<>();
    boolean allCreates = true;
    for (DealCommit commit : commits) {
      check(commit);
      allCreates &= commit.isCreate() && ids.add(commit.deal().id());
      if (commit.idempotencyKey().isPresent() && !keys.add(commit.idempotencyKey().get())) {
        throw new DuplicateIdempotencyKeyException(commit.idempotencyKey().get());
      }
    }
    registerWorkspace.run();
    List<Encoded> encoded = new ArrayList<>(commits.size());
    for (DealCommit commit : commits) {
      encoded.add(encode(commit));
    }
    boolean batched = allCreates;
    tx.inTransaction(
        "committing " + commits.size() + " deals",
        c -> {
          if (batched) {
            try {
              insertDeals(c, commits, encoded);
            } catch (SQLException e) {
              if (tx.dialect().isUniqueViolation(e)) {
                throw new Transactor.Refusal(() -> batchConflict(commits, e));
              }
              throw e;
            }
          } else {
            for (int i = 0; i < commits.size(); i++) {
              write(c, commits.get(i), encoded.get(i));
            }
          }
          return null;
        });
  }

  private RuntimeException batchConflict(List<DealCommit> batch, SQLException cause) {
    for (DealCommit commit : batch) {
      long actual = currentVersion(commit.deal().id());
      if (actual != 0) {
        return new ConcurrentDealModificationException(commit.deal().id(), 0, actual);
      }
    }
    for (DealCommit commit : batch) {
      if (commit.idempotencyKey().isPresent()
          && idempotencyRecord(commit.idempotencyKey().get()).isPresent()) {
        return new DuplicateIdempotencyKeyException(commit.idempotencyKey().get());
      }
    }
    return new StorageException(
        "batch refused by a unique constraint: " + Transactor.describe(cause), cause);
  }

  /** The text of a commit, encoded once before the transaction (and before any retry). */
  public record Encoded(String dealBody, List<String> eventPayloads, List<String> activityBodies) {}

  public static Encoded encode(DealCommit commit) {
    String body = Codec.encodeDeal(commit.deal());
    List<String> payloads = new ArrayList<>(commit.events().size());
    for (DealEvent event : commit.events()) {
      String change =
          event.change() instanceof Change.Created created && created.deal().equals(commit.deal())
              ? body
              : Codec.encodeChange(event.change());
      payloads.add(Codec.encodeEventPayload(event.at(), change));
    }
    List<String> activities = commit.activities().stream().map(Codec::encodeActivity).toList();
    return new Encoded(body, payloads, activities);
  }

  private void write(Connection c, DealCommit commit, Encoded encoded) throws SQLException {
    Deal deal = commit.deal();
    if (commit.isCreate()) {
      try (PreparedStatement s = c.prepareStatement(sql.of(Sql.INSERT_DEAL))) {
        bindDeal(s, deal, encoded.dealBody());
        s.setString(13, ws);
        s.setString(14, deal.id().toString());
        Binds.instant(s, 15, deal.createdAt());
        s.executeUpdate();
      } catch (SQLException e) {
        if (tx.dialect().isUniqueViolation(e)) {
          throw new Transactor.Refusal(
              () ->
                  new ConcurrentDealModificationException(deal.id(), 0, currentVersion(deal.id())));
        }
        throw e;
      }
    } else {
      try (PreparedStatement s = c.prepareStatement(sql.of(Sql.UPDATE_DEAL))) {
        bindDeal(s, deal, encoded.dealBody());
        s.setString(13, ws);
        s.setString(14, deal.id().toString());
        s.setLong(15, commit.expectedVersion());
        s.setLong(16, commit.events().get(0).sequence() - 1);
        int count = s.executeUpdate();
        if (count == Statement.SUCCESS_NO_INFO || count > 1) {
          throw new StorageException(
              "the driver reported "
                  + count
                  + " updated rows for deal "
                  + deal.id()
                  + "; optimistic locking needs real update counts");
        }
        if (count == 0) {
          throw new Transactor.Refusal(() -> staleOrGap(commit));
        }
      }
    }
    insertEvents(c, commit.events(), encoded.eventPayloads());
    insertActivities(c, commit.activities(), encoded.activityBodies());
    if (commit.retention().isPresent()) {
      writeRetention(c, commit.retention().get());
    }
    if (commit.idempotencyKey().isPresent()) {
      String key = commit.idempotencyKey().get();
      try (PreparedStatement s = c.prepareStatement(sql.of(Sql.INSERT_KEY))) {
        s.setString(1, ws);
        s.setString(2, key);
        s.setString(3, deal.id().toString());
        s.setLong(4, deal.version());
        s.executeUpdate();
      } catch (SQLException e) {
        if (tx.dialect().isUniqueViolation(e)) {
          throw new Transactor.Refusal(() -> new DuplicateIdempotencyKeyException(key));
        }
        throw e;
      }
    }
  }

  private RuntimeException staleOrGap(DealCommit commit) {
    long actual = currentVersion(commit.deal().id());
    if (actual == commit.expectedVersion()) {
      return new IllegalArgumentException(
          "events of deal "
              + commit.deal().id()
              + " starting at sequence "
              + commit.events().get(0).sequence()
              + " do not continue its stored history");
    }
    return new ConcurrentDealModificationException(
        commit.deal().id(), commit.expectedVersion(), actual);
  }

  long currentVersion(DealId dealId) {
    return tx.read(
        "reading the version of deal " + dealId,
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql.of(Sql.SELECT_DEAL_VERSION))) {
            s.setString(1, ws);
            s.setString(2, dealId.toString());
            try (ResultSet rs = s.executeQuery()) {
              return rs.next() ? rs.getLong(1) : 0L;
            }
          }
        });
  }

  private static void bindDeal(PreparedStatement s, Deal deal, String body) throws SQLException {
    s.setString(1, deal.pipeline().value());
    s.setString(2, deal.stage());
    s.setString(3, deal.status().name());
    s.setString(4, deal.owner().value());
    Binds.text(s, 5, deal.account());
    Binds.amount(s, 6, deal.amount());
    s.setString(7, deal.amount().currency().getCurrencyCode());
    Binds.date(s, 8, deal.expectedCloseDate());
    s.setString(9, deal.forecastCategory().name());
    s.setLong(10, deal.version());
    s.setLong(11, deal.lastEventSequence());
    s.setString(12, body);
  }

  /** Inserts a batch of deal rows for an import (creates only); see JdbcPipelineStore. */
  public void insertDeals(Connection c, List<DealCommit> commits, List<Encoded> encoded)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql.of(Sql.INSERT_DEAL))) {
      for (int i = 0; i < commits.size(); i++) {
        Deal deal = commits.get(i).deal();
        bindDeal(s, deal, encoded.get(i).dealBody());
        s.setString(13, ws);
        s.setString(14, deal.id().toString());
        Binds.instant(s, 15, deal.createdAt());
        s.addBatch();
      }
      s.executeBatch();
    }
    List<DealEvent> events = new ArrayList<>();
    List<String> payloads = new ArrayList<>();
    List<Activity> activities = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < commits.size(); i++) {
      events.addAll(commits.get(i).events());
      payloads.addAll(encoded.get(i).eventPayloads());
      activities.addAll(commits.get(i).activities());
      bodies.addAll(encoded.get(i).activityBodies());
    }
    insertEvents(c, events, payloads);
    insertActivities(c, activities, bodies);
    try (PreparedStatement s = c.prepareStatement(sql.of(Sql.INSERT_KEY))) {
      boolean any = false;
      for (DealCommit commit : commits) {
        if (commit.idempotencyKey().isPresent()) {
          s.setString(1, ws);
          s.setString(2, commit.idempotencyKey().get());
          s.setString(3, commit.deal().id().toString());
          s.setLong(4, commit.deal().version());
          s.addBatch();
          any = true;
        }
      }
      if (any) {
        s.executeBatch();
      }
    }
    for (DealCommit commit : commits) {
      if (commit.retention().isPresent()) {
        writeRetention(c, commit.retention().get());
      }
    }
  }

  private void insertEvents(Connection c, List<DealEvent> events, List<String> payloads)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql.of(Sql.INSERT_EVENT))) {
      for (int i = 0; i < events.size(); i++) {
        DealEvent e = events.get(i);
        s.setString(1, ws);
        s.setString(2, e.dealId().toString());
        s.setLong(3, e.sequence());
        s.setLong(4, e.dealVersion());
        Binds.instant(s, 5, e.at());
        s.setString(6, e.actor().value());
        Binds.text(s, 7, e.idempotencyKey());
        s.setString(8, Codec.changeType(e.change()));
        s.setString(9, payloads.get(i));
        if (events.size() == 1) {
          s.executeUpdate(); // why: most commands append one event; skip batch overhead
          return;
        }
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private void insertActivities(Connection c, List<Activity> activities, List<String> bodies)
      throws SQLException {
    if (activities.isEmpty()) {
      return;
    }
    try (PreparedStatement s = c.prepareStatement(sql.of(Sql.INSERT_ACTIVITY))) {
      for (int i = 0; i < activities.size(); i++) {
        Activity a = activities.get(i);
        s.setString(1, ws);
        s.setString(2, a.id().toString());
        Binds.text(s, 3, a.deal());
        Binds.text(s, 4, a.account());
        s.setString(5, a.type().name());
        s.setString(6, a.owner().value());
        Binds.instant(s, 7, a.occurredAt());
        Binds.instant(s, 8, a.dueAt());
        Binds.instant(s, 9, a.recordedAt());
        s.setString(10, bodies.get(i));
        if (activities.size() == 1) {
          s.executeUpdate();
          return;
        }
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private void writeRetention(Connection c, CustomerRetention r) throws SQLException {
    String body = Codec.encodeRetention(r);
    String statement = r.version() == 1 ? Sql.INSERT_RETENTION : Sql.UPDATE_RETENTION;
    try (PreparedStatement s = c.prepareStatement(sql.of(statement))) {
      s.setString(1, r.status().name());
      s.setString(2, r.wonDeal().toString());
      Binds.instant(s, 3, r.since());
      if (r.renewalDate().isPresent()) {
        Binds.date(s, 4, r.renewalDate().get());
      } else {
        s.setNull(4, Types.DATE);
      }
      s.setLong(5, r.version());
      s.setString(6, body);
      s.setString(7, ws);
      s.setString(8, r.account().toString());
      if (r.version() != 1) {
        s.setLong(9, r.version() - 1);
      }
      int count = s.executeUpdate();
      if (count != 1) {
        throw new Transactor.Refusal(() -> staleRetention(r));
      }
    } catch (SQLException e) {
      if (r.version() == 1 && tx.dialect().isUniqueViolation(e)) {
        throw new Transactor.Refusal(() -> staleRetention(r));
      }
      throw e;
    }
  }

  private RuntimeException staleRetention(CustomerRetention r) {
    long actual = retention(r.account()).map(CustomerRetention::version).orElse(0L);
    return new ConcurrentRetentionModificationException(r.account(), r.version() - 1, actual);
  }

  @Override
  public Optional<IdempotencyRecord> idempotencyRecord(String key) {
    if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      return Optional.empty();
    }
    return tx.read(
        "reading idempotency key",
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql.of(Sql.SELECT_KEY))) {
            s.setString(1, ws);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
              return rs.next()
                  ? Optional.of(
                      new IdempotencyRecord(key, DealId.of(rs.getString(1)), rs.getLong(2)))
                  : Optional.empty();
            }
          }
        });
  }

  /** The statement text and parameters of a deal query; the text holds fixed fragments only. */
  private record DealSelect(String text, List<Object> params) {}

  private DealSelect dealSelect(DealQuery query, boolean paged) {
    StringBuilder text = new StringBuilder(sql.of(Sql.SELECT_DEALS));
    List<Object> params = new ArrayList<>();
    params.add(ws);
    if (query.pipeline().isPresent()) {
      text.append(Sql.DEAL_FILTERS[0]);
      params.add(query.pipeline().get().value());
    }
    in(text, params, Sql.DEAL_FILTERS[1], query.stages());
    in(text, params, Sql.DEAL_FILTERS[2], query.owners().stream().map(UserId::value).toList());
    if (query.account().isPresent()) {
      text.append(Sql.DEAL_FILTERS[3]);
      params.add(query.account().get().toString());
    }
    in(text, params, Sql.DEAL_FILTERS[4], query.statuses().stream().map(DealStatus::name).toList());
    if (query.afterId().isPresent()) {
      text.append(Sql.DEAL_FILTERS[5]);
      params.add(query.afterId().get().toString());
    }
    text.append(Sql.DEAL_FILTERS[6]);
    if (paged) {
      text.append(Sql.DEAL_FILTERS[7]);
      params.add(query.limit() + 1);
    }
    return new DealSelect(text.toString(), params);
  }

  private static void in(
      StringBuilder text,
      List<Object> params,
      String fragment,
      java.util.Collection<String> values) {
    if (values.isEmpty()) {
      return;
    }
    text.append(fragment);
    int n = 0;
    for (String v : values) {
      text.append(n++ == 0 ? "?" : ", ?");
      params.add(v);
    }
    text.append(')');
  }

  private static void bindAll(PreparedStatement s, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Object p = params.get(i);
      if (p instanceof Integer n) {
        s.setInt(i + 1, n);
      } else if (p instanceof Instant instant) {
        Binds.instant(s, i + 1, instant);
      } else {
        s.setString(i + 1, (String) p);
      }
    }
  }

  @Override
  public Page<Deal> findDeals(DealQuery query) {
    DealSelect select = dealSelect(query, true);
    List<Deal> items =
        tx.read(
            "finding deals",
            c -> {
              List<Deal> out = new ArrayList<>();
              try (PreparedStatement s = c.prepareStatement(select.text())) {
                bindAll(s, select.params());
                try (ResultSet rs = s.executeQuery()) {
                  while (rs.next()) {
                    out.add(Codec.decodeDeal(rs.getString(1)));
                  }
                }
              }
              return out;
            });
    boolean more = items.size() > query.limit();
    if (more) {
      items = items.subList(0, query.limit());
    }
    return new Page<>(
        items, more ? Optional.of(items.get(items.size() - 1).id()) : Optional.empty());
  }

  @Override
  public Stream<Deal> streamDeals(DealQuery query) {
    DealSelect select = dealSelect(query, false);
    return streams.open(
        "streaming deals",
        select.text(),
        s -> bindAll(s, select.params()),
        rs -> Codec.decodeDeal(rs.getString(1)));
  }

  /**
   * Reads the deal columns directly (no body, no decoding), streamed like {@link #streamDeals}:
   * forward-only, with the store's fetch size and, outside host transactions, autocommit off.
   */
  @Override
  public void scanOpenDeals(PipelineId pipeline, OpenDealVisitor visitor) {
    java.util.Objects.requireNonNull(pipeline, "pipeline");
    java.util.Objects.requireNonNull(visitor, "visitor");
    java.util.Map<String, Integer> fractionDigits = new java.util.HashMap<>();
    try (Stream<Boolean> rows =
        streams.open(
            "scanning open deals of pipeline " + pipeline,
            sql.of(Sql.SCAN_OPEN_DEALS),
            s -> {
              s.setString(1, ws);
              s.setString(2, pipeline.value());
              s.setString(3, DealStatus.OPEN.name());
            },
            rs -> {
              String currency = rs.getString(5);
              int digits =
                  fractionDigits.computeIfAbsent(
                      currency, c -> Math.max(Money.currency(c).getDefaultFractionDigits(), 0));
              long amountMinor = rs.getBigDecimal(4).movePointRight(digits).longValueExact();
              LocalDate close = rs.getObject(6, LocalDate.class);
              LocalDateTime created = rs.getObject(8, LocalDateTime.class);
              visitor.visit(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  amountMinor,
                  currency,
                  Math.toIntExact(close.toEpochDay()),
                  ForecastCategory.valueOf(rs.getString(7)),
                  created.toEpochSecond(ZoneOffset.UTC),
                  created.getNano());
              return Boolean.TRUE;
            })) {
      rows.forEachOrdered(r -> {});
    }
  }

  @Override
  public List<DealEvent> history(DealId dealId) {
    return tx.read(
        "reading the history of deal " + dealId,
        c -> {
          List<DealEvent> out = new ArrayList<>();
          try (PreparedStatement s = c.prepareStatement(sql.of(Sql.SELECT_HISTORY))) {
            s.setString(1, ws);
            s.setString(2, dealId.toString());
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                out.add(event(rs));
              }
            }
          }
          return List.copyOf(out);
        });
  }

  private static DealEvent event(ResultSet rs) throws SQLException {
    Codec.EventPayload payload = Codec.decodeEventPayload(rs.getString(6), rs.getString(7));
    return new DealEvent(
        DealId.of(rs.getString(1)),
        rs.getLong(2),
        rs.getLong(3),
        payload.at(),
        UserId.of(rs.getString(4)),
        Optional.ofNullable(rs.getString(5)),
        payload.change());
  }

  @Override
  public Stream<DealEvent> streamEvents(EventQuery query) {
    // why: the column holds microseconds; bound by the truncated instants, then filter exactly
    Instant from = query.from().orElse(MIN_INSTANT);
    Instant until = query.until().orElse(MAX_INSTANT);
    return streams
        .open(
            "streaming events",
            sql.of(Sql.SELECT_EVENTS),
            s -> {
              s.setString(1, ws);
              Binds.instant(s, 2, clamp(from));
              Binds.instant(s, 3, clamp(until));
            },
            JdbcWorkspaceStore::event)
        .filter(query::matches);
  }

  private static Instant clamp(Instant i) {
    return i.isBefore(MIN_INSTANT) ? MIN_INSTANT : i.isAfter(MAX_INSTANT) ? MAX_INSTANT : i;
  }

  @Override
  public List<Activity> activities(DealId dealId) {
    return List.copyOf(
        readBodies(
            Sql.SELECT_DEAL_ACTIVITIES, dealId.toString(), "activities", Codec::decodeActivity));
  }

  @Override
  public Optional<CustomerRetention> retention(AccountId account) {
    return readBody(Sql.SELECT_RETENTION, account.toString(), "retention")
        .map(Codec::decodeRetention);
  }

  @Override
  public void commitRetention(CustomerRetention next, List<Activity> activities) {
    requireOwn(next.workspace(), "retention");
    for (Activity activity : activities) {
      requireOwn(activity.workspace(), "activity");
    }
    registerWorkspace.run();
    List<String> bodies = activities.stream().map(Codec::encodeActivity).toList();
    tx.inTransaction(
        "committing retention of account " + next.account(),
        c -> {
          writeRetention(c, next);
          insertActivities(c, activities, bodies);
          return null;
        });
  }

  @Override
  public void saveAccountActivity(Activity activity) {
    requireOwn(activity.workspace(), "activity");
    if (activity.deal().isPresent() || activity.account().isEmpty()) {
      throw new IllegalArgumentException("an account activity has an account and no deal");
    }
    registerWorkspace.run();
    List<String> bodies = List.of(Codec.encodeActivity(activity));
    tx.inTransaction(
        "saving account activity " + activity.id(),
        c -> {
          insertActivities(c, List.of(activity), bodies);
          return null;
        });
  }

  @Override
  public List<Activity> accountActivities(AccountId account) {
    return List.copyOf(
        readBodies(
            Sql.SELECT_ACCOUNT_ACTIVITIES,
            account.toString(),
            "account activities",
            Codec::decodeActivity));
  }
}
