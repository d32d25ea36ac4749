package org.salespipeline.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.salespipeline.core.Account;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.Activity;
import org.salespipeline.core.ConcurrentDealModificationException;
import org.salespipeline.core.Contact;
import org.salespipeline.core.ContactErasure;
import org.salespipeline.core.ContactId;
import org.salespipeline.core.CustomerRetention;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.Quota;
import org.salespipeline.core.StorageException;
import org.salespipeline.core.Team;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.event.FeedPage;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.store.AccountQuery;
import org.salespipeline.core.store.CommitRules;
import org.salespipeline.core.store.ContactQuery;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.DealScope;
import org.salespipeline.core.store.EventQuery;
import org.salespipeline.core.store.IdempotencyRecord;
import org.salespipeline.core.store.KeysetPage;
import org.salespipeline.core.store.OpenDealVisitor;
import org.salespipeline.core.store.Page;
import org.salespipeline.core.store.Redaction;
import org.salespipeline.core.store.RetentionPage;
import org.salespipeline.core.store.RetentionQuery;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * The records of one workspace in the JDBC store: the SPI face and the commit orchestration. The
 * rows are written and read by one class per table ({@link DealTable}, {@link EventTable}, {@link
 * ActivityTable}, {@link RetentionTable}, {@link IdempotencyTable}, {@link ReferenceTables}) over a
 * shared {@link TableContext}; the commit rules are core's {@link CommitRules}, checked before the
 * transaction for what needs no stored state and enforced by the database (conditional update,
 * unique keys) for the rest. Every statement binds the workspace id; nothing here reaches another
 * workspace. Stateless apart from its configuration: thread-safe.
 */
final class JdbcWorkspaceStore implements WorkspaceStore {
  private final TableContext t;
  private final Runnable registerWorkspace;
  private final CommitRules rules;
  private final ReferenceTables reference;
  private final DealTable deals;
  private final EventTable events;
  private final ActivityTable activities;
  private final RetentionTable retention;
  private final ForecastCallTable forecastCalls;
  private final IdempotencyTable keys;
  private final RecordSearch search;
  private final ContactEraser eraser;

  JdbcWorkspaceStore(TableContext t, Runnable registerWorkspace) {
    this.t = t;
    this.registerWorkspace = registerWorkspace;
    this.rules = CommitRules.of(t.workspace());
    this.reference = new ReferenceTables(t);
    this.deals = new DealTable(t);
    this.events = new EventTable(t);
    this.activities = new ActivityTable(t);
    this.retention = new RetentionTable(t, rules);
    this.forecastCalls = new ForecastCallTable(t);
    this.keys = new IdempotencyTable(t);
    this.search = new RecordSearch(t);
    this.eraser = new ContactEraser(t);
  }

  @Override
  public WorkspaceId workspaceId() {
    return t.workspace();
  }

  // ---------------------------------------------------------------- reference data

  @Override
  public void savePipeline(PipelineDefinition pipeline) {
    CommitRules.checkPipeline(pipeline);
    registerWorkspace.run();
    reference.savePipeline(pipeline);
  }

  @Override
  public Optional<PipelineDefinition> pipeline(PipelineId pipelineId) {
    return reference.pipeline(pipelineId);
  }

  @Override
  public List<PipelineDefinition> pipelines() {
    return reference.pipelines();
  }

  @Override
  public void saveAccount(Account account) {
    rules.requireOwn(account.workspace(), "account");
    registerWorkspace.run();
    reference.saveAccount(account);
  }

  @Override
  public Optional<Account> account(AccountId accountId) {
    return reference.account(accountId);
  }

  @Override
  public void saveContact(Contact contact) {
    rules.requireOwn(contact.workspace(), "contact");
    registerWorkspace.run();
    reference.saveContact(contact);
  }

  @Override
  public Optional<Contact> contact(ContactId contactId) {
    return reference.contact(contactId);
  }

  @Override
  public KeysetPage<Account, AccountId> findAccounts(AccountQuery query) {
    return search.accounts(query);
  }

  @Override
  public KeysetPage<Contact, ContactId> findContacts(ContactQuery query) {
    return search.contacts(query);
  }

  @Override
  public void eraseContact(ContactErasure erasure, Redaction redaction) {
    java.util.Objects.requireNonNull(erasure, "erasure");
    java.util.Objects.requireNonNull(redaction, "redaction");
    registerWorkspace.run();
    eraser.erase(erasure, redaction);
  }

  @Override
  public List<ContactErasure> contactErasures() {
    return eraser.erasures();
  }

  @Override
  public void saveTeam(Team team) {
    rules.requireOwn(team.workspace(), "team");
    registerWorkspace.run();
    reference.saveTeam(team);
  }

  @Override
  public List<Team> teams() {
    return reference.teams();
  }

  @Override
  public void saveQuota(Quota quota) {
    rules.requireOwn(quota.workspace(), "quota");
    Binds.checkAmount("amount", quota.amount());
    registerWorkspace.run();
    reference.saveQuota(quota);
  }

  @Override
  public List<Quota> quotas() {
    return reference.quotas();
  }

  // ---------------------------------------------------------------- deal commits

  @Override
  public Optional<Deal> deal(DealId dealId) {
    return deals.deal(dealId);
  }

  /** Checks what the columns can hold: amounts and key lengths. */
  private static void checkColumns(DealCommit commit) {
    Binds.checkAmount("amount", commit.deal().amount());
    SearchText.folded("name", commit.deal().name());
    commit.idempotencyKey().ifPresent(JdbcWorkspaceStore::checkKey);
  }

  private static void checkKey(String key) {
    if (!IdempotencyTable.fits(key)) {
      throw new ValidationException(
          FieldProblem.of(
              "idempotencyKey",
              key,
              "must be 1 to " + IdempotencyTable.MAX_KEY_LENGTH + " characters long"));
    }
  }

  @Override
  public void commit(DealCommit commit) {
    rules.checkShape(commit);
    checkColumns(commit);
    registerWorkspace.run();
    EncodedCommit encoded = EncodedCommit.of(commit);
    t.tx()
        .inTransaction(
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
    rules.checkBatchShape(commits);
    for (DealCommit commit : commits) {
      checkColumns(commit);
    }
    Set<DealId> ids = new HashSet<>();
    boolean allCreates = true;
    for (DealCommit commit : commits) {
      allCreates &= commit.isCreate() && ids.add(commit.deal().id());
    }
    registerWorkspace.run();
    List<EncodedCommit> encoded = new ArrayList<>(commits.size());
    for (DealCommit commit : commits) {
      encoded.add(EncodedCommit.of(commit));
    }
    boolean batched = allCreates;
    t.tx()
        .inTransaction(
            "committing " + commits.size() + " deals",
            c -> {
              if (batched) {
                try {
                  insertCreates(c, commits, encoded);
                } catch (SQLException e) {
                  if (t.dialect().isUniqueViolation(e)) {
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

  /** Inserts creates of distinct deals table by table, each as one JDBC batch. */
  private void insertCreates(Connection c, List<DealCommit> commits, List<EncodedCommit> encoded)
      throws SQLException {
    List<Deal> created = new ArrayList<>(commits.size());
    List<String> bodies = new ArrayList<>(commits.size());
    List<DealId> ids = new ArrayList<>(commits.size());
    for (DealCommit commit : commits) {
      ids.add(commit.deal().id());
    }
    refuseIdsTakenElsewhere(c, ids);
    List<DealEvent> allEvents = new ArrayList<>();
    List<String> payloads = new ArrayList<>();
    List<Activity> allActivities = new ArrayList<>();
    List<String> activityBodies = new ArrayList<>();
    boolean anyKey = false;
    for (int i = 0; i < commits.size(); i++) {
      DealCommit commit = commits.get(i);
      created.add(commit.deal());
      bodies.add(encoded.get(i).dealBody());
      allEvents.addAll(commit.events());
      payloads.addAll(encoded.get(i).eventPayloads());
      allActivities.addAll(commit.activities());
      activityBodies.addAll(encoded.get(i).activityBodies());
      anyKey |= commit.idempotencyKey().isPresent();
    }
    deals.insert(c, created, bodies);
    events.insert(c, allEvents, payloads);
    activities.insert(c, allActivities, activityBodies);
    if (anyKey) {
      keys.insert(c, commits);
    }
    for (DealCommit commit : commits) {
      if (commit.retention().isPresent()) {
        retention.write(c, commit.retention().get());
      }
    }
  }

  private RuntimeException batchConflict(List<DealCommit> batch, SQLException cause) {
    for (DealCommit commit : batch) {
      long actual = deals.storedVersion(commit.deal().id()).version();
      if (actual != 0) {
        return new ConcurrentDealModificationException(commit.deal().id(), 0, actual);
      }
    }
    List<DealId> ids = new ArrayList<>(batch.size());
    for (DealCommit commit : batch) {
      ids.add(commit.deal().id());
    }
    Optional<DealId> taken = deals.takenElsewhere(ids);
    if (taken.isPresent()) {
      // why: another workspace committed the id after this batch's lookup (index of V011)
      return CommitRules.idTaken(taken.get());
    }
    for (DealCommit commit : batch) {
      if (commit.idempotencyKey().isPresent()) {
        Optional<IdempotencyRecord> stored = keys.record(commit.idempotencyKey().get());
        if (stored.isPresent()) {
          return CommitRules.refusedKey(
              commit.idempotencyKey().get(),
              stored.get().commandFingerprint(),
              commit.commandFingerprint());
        }
      }
    }
    return new StorageException(
        "batch refused by a unique constraint: " + Transactor.describe(cause), cause);
  }

  /** Writes one commit inside the transaction; the database enforces the stored-state rules. */
  private void write(Connection c, DealCommit commit, EncodedCommit encoded) throws SQLException {
    Deal deal = commit.deal();
    if (commit.isCreate()) {
      refuseIdsTakenElsewhere(c, List.of(deal.id()));
      try {
        deals.insert(c, List.of(deal), List.of(encoded.dealBody()));
      } catch (SQLException e) {
        if (t.dialect().isUniqueViolation(e)) {
          throw new Transactor.Refusal(() -> refusal(commit));
        }
        throw e;
      }
    } else {
      long storedLast = commit.events().get(0).sequence() - 1;
      if (!deals.update(c, deal, encoded.dealBody(), commit.expectedVersion(), storedLast)) {
        throw new Transactor.Refusal(() -> refusal(commit));
      }
    }
    events.insert(c, commit.events(), encoded.eventPayloads());
    activities.insert(c, commit.activities(), encoded.activityBodies());
    if (commit.retention().isPresent()) {
      retention.write(c, commit.retention().get());
    }
    if (commit.idempotencyKey().isPresent()) {
      try {
        keys.insert(c, List.of(commit));
      } catch (SQLException e) {
        if (t.dialect().isUniqueViolation(e)) {
          throw new Transactor.Refusal(() -> keyRefusal(commit));
        }
        throw e;
      }
    }
  }

  /**
   * Refuses the transaction when a deal of another workspace holds one of the ids (issue 16), with
   * the error of any id clash. Checked before the insert, so a clash with the workspace's own deal
   * is still named by the insert's unique violation.
   *
   * <p>This read alone is not race-proof: two workspaces creating one id in the same instant can
   * both pass it. The unique index on the id alone (migration V011) then refuses the second insert,
   * and {@link #refusal} / {@link #batchConflict} report it as the same id clash.
   */
  private void refuseIdsTakenElsewhere(Connection c, List<DealId> ids) throws SQLException {
    Optional<DealId> taken = deals.takenElsewhere(c, ids);
    if (taken.isPresent()) {
      throw new Transactor.Refusal(() -> CommitRules.idTaken(taken.get()));
    }
  }

  /** Names why the database refused a commit's key: a replay, or another command reusing it. */
  private RuntimeException keyRefusal(DealCommit commit) {
    String key = commit.idempotencyKey().get();
    Optional<String> stored = keys.record(key).flatMap(IdempotencyRecord::commandFingerprint);
    return CommitRules.refusedKey(key, stored, commit.commandFingerprint());
  }

  /**
   * Names the rule the database refused a deal write for, reading the stored version back: the
   * version rule first, then the history rule.
   */
  private RuntimeException refusal(DealCommit commit) {
    DealTable.StoredVersion stored = deals.storedVersion(commit.deal().id());
    if (commit.isCreate() && stored.version() == 0) {
      // why: the insert of a create broke a unique index, yet this workspace has no such deal: a
      // deal of another workspace committed the id after this commit's lookup (index of V011)
      return CommitRules.idTaken(commit.deal().id());
    }
    try {
      CommitRules.checkVersion(commit, stored.version());
      CommitRules.checkContinues(commit, stored.lastEventSequence());
    } catch (ConcurrentDealModificationException | IllegalArgumentException e) {
      return e;
    }
    // why: the row moved on again between the refused write and this read
    return new ConcurrentDealModificationException(
        commit.deal().id(), commit.expectedVersion(), stored.version());
  }

  @Override
  public Optional<IdempotencyRecord> idempotencyRecord(String key) {
    return keys.record(key);
  }

  // ---------------------------------------------------------------- queries

  @Override
  public Page<Deal> findDeals(DealQuery query) {
    return deals.find(query);
  }

  @Override
  public Stream<Deal> streamDeals(DealQuery query) {
    return deals.stream(query);
  }

  @Override
  public void scanOpenDeals(PipelineId pipeline, OpenDealVisitor visitor) {
    deals.scanOpen(pipeline, visitor);
  }

  @Override
  public void scanOpenDeals(PipelineId pipeline, DealScope scope, OpenDealVisitor visitor) {
    deals.scanOpen(pipeline, scope, visitor);
  }

  @Override
  public List<DealEvent> history(DealId dealId) {
    return events.history(dealId);
  }

  @Override
  public Stream<DealEvent> streamEvents(EventQuery query) {
    return events.stream(query);
  }

  /** Filters in SQL: the scope becomes a sub-select over the deals (see {@link EventTable}). */
  @Override
  public Stream<DealEvent> streamEvents(EventQuery query, DealScope scope) {
    java.util.Objects.requireNonNull(query, "query");
    java.util.Objects.requireNonNull(scope, "scope");
    return events.stream(query, scope);
  }

  @Override
  public FeedPage readFeed(long afterPosition, int limit) {
    return events.feed(afterPosition, limit);
  }

  // ---------------------------------------------------------------- activities and retention

  @Override
  public List<Activity> activities(DealId dealId) {
    return activities.ofDeal(dealId);
  }

  @Override
  public Optional<CustomerRetention> retention(AccountId account) {
    return retention.retention(account);
  }

  @Override
  public Stream<CustomerRetention> streamRetention(RetentionQuery query) {
    java.util.Objects.requireNonNull(query, "query");
    return retention.stream(query);
  }

  @Override
  public RetentionPage findRetention(RetentionQuery query) {
    java.util.Objects.requireNonNull(query, "query");
    return retention.find(query);
  }

  @Override
  public void commitRetention(CustomerRetention next, List<Activity> logged) {
    rules.requireOwn(next.workspace(), "retention");
    rules.checkActivities(logged);
    registerWorkspace.run();
    List<String> bodies = logged.stream().map(Codec::encodeActivity).toList();
    t.tx()
        .inTransaction(
            "committing retention of account " + next.account(),
            c -> {
              retention.write(c, next);
              activities.insert(c, logged, bodies);
              return null;
            });
  }

  @Override
  public void appendForecastCall(org.salespipeline.core.call.ForecastCall call) {
    rules.requireOwn(call.workspace(), "forecast call");
    registerWorkspace.run();
    forecastCalls.append(call);
  }

  @Override
  public List<org.salespipeline.core.call.ForecastCall> forecastCalls(
      org.salespipeline.core.call.CallPeriod period, String forecastType) {
    return forecastCalls.calls(period, forecastType);
  }

  @Override
  public void appendAdjustment(org.salespipeline.core.call.Adjustment adjustment) {
    rules.requireOwn(adjustment.workspace(), "adjustment");
    registerWorkspace.run();
    forecastCalls.append(adjustment);
  }

  @Override
  public List<org.salespipeline.core.call.Adjustment> adjustments(
      org.salespipeline.core.call.CallPeriod period, String forecastType) {
    return forecastCalls.adjustments(period, forecastType);
  }

  @Override
  public void saveAccountActivity(Activity activity) {
    rules.requireOwn(activity.workspace(), "activity");
    if (activity.deal().isPresent() || activity.account().isEmpty()) {
      throw new IllegalArgumentException("an account activity has an account and no deal");
    }
    registerWorkspace.run();
    List<String> bodies = List.of(Codec.encodeActivity(activity));
    t.tx()
        .inTransaction(
            "saving account activity " + activity.id(),
            c -> {
              activities.insert(c, List.of(activity), bodies);
              return null;
            });
  }

  @Override
  public List<Activity> accountActivities(AccountId account) {
    return activities.ofAccount(account);
  }
}
