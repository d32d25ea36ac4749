package org.salespipeline.core.store.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.salespipeline.core.Account;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.Activity;
import org.salespipeline.core.Contact;
import org.salespipeline.core.ContactErasure;
import org.salespipeline.core.ContactId;
import org.salespipeline.core.CustomerRetention;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.Quota;
import org.salespipeline.core.Team;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.event.FeedEvent;
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
import org.salespipeline.core.store.Page;
import org.salespipeline.core.store.PipelineStore;
import org.salespipeline.core.store.Redaction;
import org.salespipeline.core.store.RetentionPage;
import org.salespipeline.core.store.RetentionQuery;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * A thread-safe store in the JVM's memory: for tests, examples and hosts that persist elsewhere.
 * Each workspace has its own read-write lock; commits are atomic and isolated. Streams read a
 * snapshot taken when they are opened. Nothing survives the JVM.
 *
 * <p>A deal's state and history live in one record per deal, found by a hash lookup; the id order
 * that pages and streams need is kept in a second map that only a new deal changes. A commit of one
 * deal therefore costs one hash lookup and an append, and a read of one deal takes no lock unless a
 * commit runs at the same time.
 */
public final class InMemoryPipelineStore implements PipelineStore {
  private final Map<WorkspaceId, Workspace> workspaces = new ConcurrentHashMap<>();
  // why: deal ids are unique across the store (issue 16); a create claims its id here before it is
  // applied, so two workspaces creating one id at once cannot both pass
  private final Map<DealId, WorkspaceId> dealOwners = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemoryPipelineStore() {}

  @Override
  public WorkspaceStore workspace(WorkspaceId workspace) {
    if (workspace == null) {
      throw new ValidationException(FieldProblem.of("workspace", null, "must not be null"));
    }
    return workspaces.computeIfAbsent(workspace, w -> new Workspace(w, dealOwners));
  }

  private static final class Workspace implements WorkspaceStore {
    private final WorkspaceId id;
    // why: a StampedLock lets deal() read optimistically (no write to shared memory) and still
    // never see half of a commit; the store never takes it twice on one thread, so not being
    // reentrant costs nothing.
    private final StampedLock lock = new StampedLock();
    private final Map<PipelineId, PipelineDefinition> pipelines = new TreeMap<>();
    private final TreeMap<AccountId, Account> accounts = new TreeMap<>();
    private final TreeMap<ContactId, Contact> contacts = new TreeMap<>();
    private final List<ContactErasure> erasures = new ArrayList<>();
    private final Map<TeamId, Team> teams = new TreeMap<>();
    private final List<Quota> quotas = new ArrayList<>();
    // why: concurrent so that an optimistic read, racing a writer, still finds a consistent map;
    // the lock's stamp then tells it whether what it found may be used.
    private final Map<DealId, DealRecord> deals = new ConcurrentHashMap<>();
    private final TreeMap<DealId, DealRecord> dealsInIdOrder = new TreeMap<>();
    private final Map<DealId, List<Activity>> dealActivities = new HashMap<>();
    private final Map<AccountId, List<Activity>> accountActivities = new HashMap<>();
    private final Map<String, IdempotencyRecord> idempotency = new HashMap<>();
    // why: ordered by account id, the order retention reads and pages use
    private final TreeMap<AccountId, CustomerRetention> retention = new TreeMap<>();
    // why: the feed position of an event is its index here plus one; appended under the write
    // lock, in commit order, so a reader never sees a later commit without the earlier ones
    private final List<DealEvent> feed = new ArrayList<>();
    private final ForecastCallLog forecastCalls = new ForecastCallLog();

    private final CommitRules rules;
    private final Map<DealId, WorkspaceId> dealOwners;
    // why: the ids a commit claimed in dealOwners; used only under the write lock
    private final List<DealId> claimed = new ArrayList<>();
    private final CommitRules.StoredState stored =
        new CommitRules.StoredState() {
          @Override
          public long dealVersion(DealId deal) {
            DealRecord current = recordToWrite(deal);
            return current == null ? 0 : current.deal.version();
          }

          @Override
          public long lastEventSequence(DealId deal) {
            DealRecord current = recordToWrite(deal);
            return current == null ? 0 : current.historySize;
          }

          @Override
          public boolean dealIdTakenElsewhere(DealId deal) {
            return claimElsewhereTaken(deal);
          }

          @Override
          public boolean idempotencyKeyUsed(String key) {
            return idempotency.containsKey(key);
          }

          @Override
          public Optional<String> idempotencyFingerprint(String key) {
            IdempotencyRecord record = idempotency.get(key);
            return record == null ? Optional.empty() : record.commandFingerprint();
          }

          @Override
          public long retentionVersion(AccountId account) {
            return Workspace.this.retentionVersion(account);
          }
        };

    // why: a commit's checks read the deal's version and last sequence and then apply writes it;
    // one lookup serves all three. Used only under the write lock and forgotten at each commit.
    private DealId lookedUpId;
    private DealRecord lookedUp;

    /** The deal's record for a commit under the write lock; null if the deal is new. */
    private DealRecord recordToWrite(DealId deal) {
      if (deal != lookedUpId) {
        lookedUp = deals.get(deal);
        lookedUpId = deal;
      }
      return lookedUp;
    }

    private void forgetLookup() {
      lookedUpId = null;
      lookedUp = null;
    }

    Workspace(WorkspaceId id, Map<DealId, WorkspaceId> dealOwners) {
      this.id = id;
      this.rules = CommitRules.of(id);
      this.dealOwners = dealOwners;
    }

    /**
     * Claims a new deal's id for this workspace; false when another workspace holds it. The claim
     * stands if the commit is applied and is released by {@link #releaseClaims} if it is refused.
     */
    private boolean claimElsewhereTaken(DealId deal) {
      WorkspaceId owner = dealOwners.putIfAbsent(deal, id);
      if (owner == null) {
        claimed.add(deal);
        return false;
      }
      return !owner.equals(id);
    }

    /** Releases the ids claimed by a refused commit (under the write lock). */
    private void releaseClaims() {
      for (DealId deal : claimed) {
        if (!deals.containsKey(deal)) {
          dealOwners.remove(deal, id);
        }
      }
      claimed.clear();
    }

    @Override
    public WorkspaceId workspaceId() {
      return id;
    }

    private <T> T read(Supplier<T> body) {
      long stamp = lock.readLock();
      try {
        return body.get();
      } finally {
        lock.unlockRead(stamp);
      }
    }

    private void write(Runnable body) {
      long stamp = lock.writeLock();
      try {
        body.run();
      } finally {
        lock.unlockWrite(stamp);
      }
    }

    private void requireOwn(WorkspaceId workspace, String what) {
      rules.requireOwn(workspace, what);
    }

    @Override
    public void savePipeline(PipelineDefinition pipeline) {
      CommitRules.checkPipeline(pipeline);
      write(() -> pipelines.put(pipeline.id(), pipeline));
    }

    @Override
    public Optional<PipelineDefinition> pipeline(PipelineId pipelineId) {
      return read(() -> Optional.ofNullable(pipelines.get(pipelineId)));
    }

    @Override
    public List<PipelineDefinition> pipelines() {
      return read(() -> List.copyOf(pipelines.values()));
    }

    @Override
    public void saveAccount(Account account) {
      requireOwn(account.workspace(), "account");
      write(() -> accounts.put(account.id(), account));
    }

    @Override
    public Optional<Account> account(AccountId accountId) {
      return read(() -> Optional.ofNullable(accounts.get(accountId)));
    }

    @Override
    public void saveContact(Contact contact) {
      requireOwn(contact.workspace(), "contact");
      write(() -> contacts.put(contact.id(), contact));
    }

    @Override
    public Optional<Contact> contact(ContactId contactId) {
      return read(() -> Optional.ofNullable(contacts.get(contactId)));
    }

    @Override
    public KeysetPage<Account, AccountId> findAccounts(AccountQuery query) {
      return read(
          () ->
              KeysetPaging.page(
                  query.afterId().isPresent()
                      ? accounts.tailMap(query.afterId().get(), false)
                      : accounts,
                  query::matches,
                  query.limit(),
                  Account::id));
    }

    @Override
    public KeysetPage<Contact, ContactId> findContacts(ContactQuery query) {
      return read(
          () ->
              KeysetPaging.page(
                  query.afterId().isPresent()
                      ? contacts.tailMap(query.afterId().get(), false)
                      : contacts,
                  query::matches,
                  query.limit(),
                  Contact::id));
    }

    /** Rewrites every copy under the write lock: readers see all of it or none. */
    @Override
    public void eraseContact(ContactErasure erasure, Redaction redaction) {
      java.util.Objects.requireNonNull(erasure, "erasure");
      java.util.Objects.requireNonNull(redaction, "redaction");
      write(
          () -> {
            Contact stored = contacts.get(erasure.contact());
            if (stored == null) {
              throw new ValidationException(
                  FieldProblem.of("contact", erasure.contact(), "is not a contact of " + id));
            }
            // why: every rewrite is computed before the first is applied, so a failure (a value
            // the redaction cannot rebuild) leaves the workspace as it was
            Contact erased = redaction.erasedContact();
            Map<DealRecord, Deal> newDeals = new HashMap<>();
            Map<DealRecord, DealEvent[]> newHistories = new HashMap<>();
            for (DealRecord record : dealsInIdOrder.values()) {
              newDeals.put(record, redaction.deal(record.deal));
              DealEvent[] history = Arrays.copyOf(record.history, record.historySize);
              for (int i = 0; i < history.length; i++) {
                history[i] = redaction.event(history[i]);
              }
              newHistories.put(record, history);
            }
            Map<Activity, Activity> newActivities = new HashMap<>();
            Stream.concat(dealActivities.values().stream(), accountActivities.values().stream())
                .flatMap(List::stream)
                .forEach(a -> newActivities.put(a, redaction.activity(a)));

            contacts.put(stored.id(), erased);
            newDeals.forEach((record, deal) -> record.deal = deal);
            newHistories.forEach(
                (record, history) ->
                    System.arraycopy(history, 0, record.history, 0, history.length));
            dealActivities.values().forEach(list -> list.replaceAll(newActivities::get));
            accountActivities.values().forEach(list -> list.replaceAll(newActivities::get));
            erasures.add(erasure);
          });
    }

    @Override
    public List<ContactErasure> contactErasures() {
      return read(() -> List.copyOf(erasures));
    }

    @Override
    public void saveTeam(Team team) {
      requireOwn(team.workspace(), "team");
      write(() -> teams.put(team.id(), team));
    }

    @Override
    public List<Team> teams() {
      return read(() -> List.copyOf(teams.values()));
    }

    @Override
    public void saveQuota(Quota quota) {
      requireOwn(quota.workspace(), "quota");
      write(
          () -> {
            quotas.removeIf(
                q ->
                    q.owner().equals(quota.owner())
                        && q.team().equals(quota.team())
                        && q.periodStart().equals(quota.periodStart())
                        && q.periodEnd().equals(quota.periodEnd()));
            quotas.add(quota);
            quotas.sort(
                Comparator.comparing(Quota::periodStart)
                    .thenComparing(q -> q.owner().map(Object::toString).orElse(""))
                    .thenComparing(q -> q.team().map(Object::toString).orElse("")));
          });
    }

    @Override
    public List<Quota> quotas() {
      return read(() -> List.copyOf(quotas));
    }

    @Override
    public Optional<Deal> deal(DealId dealId) {
      Deal deal = null;
      boolean tailEmpty = false;
      long stamp = lock.tryOptimisticRead();
      if (stamp != 0) {
        DealRecord found = deals.get(dealId);
        if (found != null) {
          deal = found.deal;
          tailEmpty = found.tailEmpty();
        }
      }
      boolean valid = stamp != 0 && lock.validate(stamp);
      if (valid && tailEmpty) {
        throw new IllegalStateException("deal " + dealId + " has an empty history slot");
      }
      if (!valid) {
        // why: a commit ran meanwhile; wait for it rather than return what it had half written
        long read = lock.readLock();
        try {
          deal = stateOf(dealId);
        } finally {
          lock.unlockRead(read);
        }
      }
      // why: one allocation site, which the JIT can remove when the caller unwraps at once
      return Optional.ofNullable(deal);
    }

    private Deal stateOf(DealId dealId) {
      DealRecord found = deals.get(dealId);
      return found == null ? null : found.deal;
    }

    @Override
    public void commit(DealCommit commit) {
      List<DealCommit> one = List.of(commit);
      long stamp = lock.writeLock();
      try {
        forgetLookup();
        checkBatch(one);
        apply(commit);
        claimed.clear();
      } finally {
        forgetLookup();
        lock.unlockWrite(stamp);
      }
    }

    /** All or nothing: every commit is checked before any is applied. */
    @Override
    public void commitAll(List<DealCommit> commits) {
      long stamp = lock.writeLock();
      try {
        forgetLookup();
        checkBatch(commits);
        // All checks passed: apply. Nothing below can fail on input.
        for (DealCommit commit : commits) {
          apply(commit);
        }
        claimed.clear();
      } finally {
        forgetLookup();
        lock.unlockWrite(stamp);
      }
    }

    /** The commit rules, releasing the ids claimed for the batch when a rule refuses it. */
    private void checkBatch(List<DealCommit> commits) {
      try {
        rules.checkBatch(commits, stored);
      } catch (RuntimeException e) {
        releaseClaims();
        throw e;
      }
    }

    private void apply(DealCommit commit) {
      Deal deal = commit.deal();
      DealRecord record = recordToWrite(deal.id());
      if (record == null) {
        record = new DealRecord();
        record.deal = deal;
        deals.put(deal.id(), record);
        dealsInIdOrder.put(deal.id(), record);
        lookedUp = record;
      } else {
        record.deal = deal;
      }
      List<DealEvent> events = commit.events();
      record.append(events);
      // why: addAll would copy the list into an array first
      for (int i = 0; i < events.size(); i++) {
        feed.add(events.get(i));
      }
      List<Activity> activities = commit.activities();
      for (int i = 0; i < activities.size(); i++) {
        addActivity(activities.get(i));
      }
      if (commit.retention().isPresent()) {
        CustomerRetention next = commit.retention().get();
        retention.put(next.account(), next);
      }
      if (commit.idempotencyKey().isPresent()) {
        String key = commit.idempotencyKey().get();
        idempotency.put(
            key,
            new IdempotencyRecord(key, deal.id(), deal.version(), commit.commandFingerprint()));
      }
    }

    @Override
    public FeedPage readFeed(long afterPosition, int limit) {
      return read(
          () -> {
            int from = (int) Math.min(afterPosition, feed.size());
            int to = (int) Math.min((long) from + limit, feed.size());
            List<FeedEvent> events = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
              events.add(FeedEvent.of(i + 1L, feed.get(i)));
            }
            return FeedPage.of(events, afterPosition);
          });
    }

    private long retentionVersion(AccountId account) {
      CustomerRetention current = retention.get(account);
      return current == null ? 0 : current.version();
    }

    private void addActivity(Activity activity) {
      // why: CommitRules checked a commit's activities; the account-activity path checks its own
      // before it takes the lock
      activity
          .deal()
          .ifPresent(d -> dealActivities.computeIfAbsent(d, k -> new ArrayList<>()).add(activity));
      activity
          .account()
          .ifPresent(
              a -> accountActivities.computeIfAbsent(a, k -> new ArrayList<>()).add(activity));
    }

    @Override
    public Optional<IdempotencyRecord> idempotencyRecord(String key) {
      return read(() -> Optional.ofNullable(idempotency.get(key)));
    }

    @Override
    public Page<Deal> findDeals(DealQuery query) {
      return read(
          () -> {
            List<Deal> items = new ArrayList<>();
            boolean more = false;
            for (DealRecord record : inIdOrder(query).values()) {
              Deal deal = record.deal;
              if (!query.matches(deal)) {
                continue;
              }
              if (items.size() == query.limit()) {
                more = true;
                break;
              }
              items.add(deal);
            }
            Optional<DealId> next =
                more ? Optional.of(items.get(items.size() - 1).id()) : Optional.empty();
            return new Page<>(items, next);
          });
    }

    @Override
    public Stream<Deal> streamDeals(DealQuery query) {
      List<Deal> snapshot =
          read(
              () -> {
                List<Deal> matching = new ArrayList<>();
                for (DealRecord record : inIdOrder(query).values()) {
                  if (query.matches(record.deal)) {
                    matching.add(record.deal);
                  }
                }
                return matching;
              });
      return snapshot.stream();
    }

    private Map<DealId, DealRecord> inIdOrder(DealQuery query) {
      return query.afterId().isPresent()
          ? dealsInIdOrder.tailMap(query.afterId().get(), false)
          : dealsInIdOrder;
    }

    @Override
    public List<DealEvent> history(DealId dealId) {
      return read(
          () -> {
            DealRecord found = deals.get(dealId);
            return found == null ? List.of() : found.history();
          });
    }

    @Override
    public Stream<DealEvent> streamEvents(EventQuery query) {
      return streamEvents(query, DealScope.all());
    }

    /** Skips the deals out of scope as it copies the events: no set of visible ids is built. */
    @Override
    public Stream<DealEvent> streamEvents(EventQuery query, DealScope scope) {
      java.util.Objects.requireNonNull(query, "query");
      java.util.Objects.requireNonNull(scope, "scope");
      boolean everything = scope.isEverything();
      List<DealEvent> snapshot =
          read(
              () -> {
                List<DealEvent> all = new ArrayList<>();
                for (DealRecord record : dealsInIdOrder.values()) {
                  if (!everything && !scope.includes(record.deal)) {
                    continue;
                  }
                  for (int i = 0; i < record.historySize; i++) {
                    DealEvent event = record.history[i];
                    if (query.matches(event)) {
                      all.add(event);
                    }
                  }
                }
                return all;
              });
      return snapshot.stream();
    }

    @Override
    public List<Activity> activities(DealId dealId) {
      return read(() -> List.copyOf(dealActivities.getOrDefault(dealId, List.of())));
    }

    @Override
    public Optional<CustomerRetention> retention(AccountId account) {
      return read(() -> Optional.ofNullable(retention.get(account)));
    }

    @Override
    public void commitRetention(CustomerRetention next, List<Activity> activities) {
      write(
          () -> {
            rules.checkRetention(next, retentionVersion(next.account()));
            rules.checkActivities(activities);
            retention.put(next.account(), next);
            activities.forEach(this::addActivity);
          });
    }

    @Override
    public Stream<CustomerRetention> streamRetention(RetentionQuery query) {
      java.util.Objects.requireNonNull(query, "query");
      List<CustomerRetention> snapshot =
          read(
              () -> {
                List<CustomerRetention> matching = new ArrayList<>();
                for (CustomerRetention r : retention.values()) {
                  if (query.matches(r)) {
                    matching.add(r);
                  }
                }
                return matching;
              });
      return snapshot.stream();
    }

    @Override
    public RetentionPage findRetention(RetentionQuery query) {
      java.util.Objects.requireNonNull(query, "query");
      return read(
          () -> {
            List<CustomerRetention> upTo = new ArrayList<>();
            Map<AccountId, CustomerRetention> from =
                query.afterAccount().isPresent()
                    ? retention.tailMap(query.afterAccount().get(), false)
                    : retention;
            for (CustomerRetention r : from.values()) {
              if (query.matches(r)) {
                upTo.add(r);
                if (upTo.size() > query.limit()) {
                  break;
                }
              }
            }
            return RetentionPage.of(upTo, query.limit());
          });
    }

    @Override
    public void appendForecastCall(org.salespipeline.core.call.ForecastCall call) {
      requireOwn(call.workspace(), "forecast call");
      write(() -> forecastCalls.append(call));
    }

    @Override
    public List<org.salespipeline.core.call.ForecastCall> forecastCalls(
        org.salespipeline.core.call.CallPeriod period, String forecastType) {
      return read(() -> forecastCalls.calls(period, forecastType));
    }

    @Override
    public void appendAdjustment(org.salespipeline.core.call.Adjustment adjustment) {
      requireOwn(adjustment.workspace(), "adjustment");
      write(() -> forecastCalls.append(adjustment));
    }

    @Override
    public List<org.salespipeline.core.call.Adjustment> adjustments(
        org.salespipeline.core.call.CallPeriod period, String forecastType) {
      return read(() -> forecastCalls.adjustments(period, forecastType));
    }

    @Override
    public void saveAccountActivity(Activity activity) {
      requireOwn(activity.workspace(), "activity");
      if (activity.deal().isPresent() || activity.account().isEmpty()) {
        throw new IllegalArgumentException("an account activity has an account and no deal");
      }
      write(() -> addActivity(activity));
    }

    @Override
    public List<Activity> accountActivities(AccountId account) {
      return read(() -> List.copyOf(accountActivities.getOrDefault(account, List.of())));
    }
  }
}
