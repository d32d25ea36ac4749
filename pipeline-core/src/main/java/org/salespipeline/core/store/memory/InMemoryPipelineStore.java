package org.salespipeline.core.store.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.salespipeline.core.Account;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.Activity;
import org.salespipeline.core.Contact;
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
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.store.CommitRules;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.EventQuery;
import org.salespipeline.core.store.IdempotencyRecord;
import org.salespipeline.core.store.Page;
import org.salespipeline.core.store.PipelineStore;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * A thread-safe store in the JVM's memory: for tests, examples and hosts that persist elsewhere.
 * Each workspace has its own read-write lock; commits are atomic and isolated. Streams read a
 * snapshot taken when they are opened. Nothing survives the JVM.
 */
public final class InMemoryPipelineStore implements PipelineStore {
  private final Map<WorkspaceId, Workspace> workspaces = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemoryPipelineStore() {}

  @Override
  public WorkspaceStore workspace(WorkspaceId workspace) {
    if (workspace == null) {
      throw new ValidationException(FieldProblem.of("workspace", null, "must not be null"));
    }
    return workspaces.computeIfAbsent(workspace, Workspace::new);
  }

  private static final class Workspace implements WorkspaceStore {
    private final WorkspaceId id;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<PipelineId, PipelineDefinition> pipelines = new TreeMap<>();
    private final Map<AccountId, Account> accounts = new HashMap<>();
    private final Map<ContactId, Contact> contacts = new HashMap<>();
    private final Map<TeamId, Team> teams = new TreeMap<>();
    private final List<Quota> quotas = new ArrayList<>();
    private final TreeMap<DealId, Deal> deals = new TreeMap<>();
    private final Map<DealId, List<DealEvent>> events = new HashMap<>();
    private final Map<DealId, List<Activity>> dealActivities = new HashMap<>();
    private final Map<AccountId, List<Activity>> accountActivities = new HashMap<>();
    private final Map<String, IdempotencyRecord> idempotency = new HashMap<>();
    private final Map<AccountId, CustomerRetention> retention = new HashMap<>();

    private final CommitRules rules;
    private final CommitRules.StoredState stored =
        new CommitRules.StoredState() {
          @Override
          public long dealVersion(DealId deal) {
            Deal current = deals.get(deal);
            return current == null ? 0 : current.version();
          }

          @Override
          public long lastEventSequence(DealId deal) {
            return events.getOrDefault(deal, List.of()).size();
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

    Workspace(WorkspaceId id) {
      this.id = id;
      this.rules = CommitRules.of(id);
    }

    @Override
    public WorkspaceId workspaceId() {
      return id;
    }

    private <T> T read(Supplier<T> body) {
      lock.readLock().lock();
      try {
        return body.get();
      } finally {
        lock.readLock().unlock();
      }
    }

    private void write(Runnable body) {
      lock.writeLock().lock();
      try {
        body.run();
      } finally {
        lock.writeLock().unlock();
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
      return read(() -> Optional.ofNullable(deals.get(dealId)));
    }

    @Override
    public void commit(DealCommit commit) {
      commitAll(List.of(commit));
    }

    /** All or nothing: every commit is checked before any is applied. */
    @Override
    public void commitAll(List<DealCommit> commits) {
      write(
          () -> {
            rules.checkBatch(commits, stored);
            // All checks passed: apply. Nothing below can fail on input.
            commits.forEach(this::apply);
          });
    }

    private void apply(DealCommit commit) {
      Deal deal = commit.deal();
      deals.put(deal.id(), deal);
      // why: appending in place keeps a commit O(events of the command); readers copy under the
      // read lock, so they never see a list being changed.
      events.computeIfAbsent(deal.id(), k -> new ArrayList<>()).addAll(commit.events());
      commit.activities().forEach(this::addActivity);
      commit.retention().ifPresent(r -> retention.put(r.account(), r));
      commit
          .idempotencyKey()
          .ifPresent(
              key ->
                  idempotency.put(
                      key,
                      new IdempotencyRecord(
                          key, deal.id(), deal.version(), commit.commandFingerprint())));
    }

    private long retentionVersion(AccountId account) {
      CustomerRetention current = retention.get(account);
      return current == null ? 0 : current.version();
    }

    private void addActivity(Activity activity) {
      requireOwn(activity.workspace(), "activity");
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
            Map<DealId, Deal> tail =
                query
                    .afterId()
                    .map(after -> (Map<DealId, Deal>) deals.tailMap(after, false))
                    .orElse(deals);
            boolean more = false;
            for (Deal deal : tail.values()) {
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
                Map<DealId, Deal> tail =
                    query
                        .afterId()
                        .map(after -> (Map<DealId, Deal>) deals.tailMap(after, false))
                        .orElse(deals);
                return tail.values().stream().filter(query::matches).toList();
              });
      return snapshot.stream();
    }

    @Override
    public List<DealEvent> history(DealId dealId) {
      return read(() -> List.copyOf(events.getOrDefault(dealId, List.of())));
    }

    @Override
    public Stream<DealEvent> streamEvents(EventQuery query) {
      List<DealEvent> snapshot =
          read(
              () -> {
                List<DealEvent> all = new ArrayList<>();
                for (DealId dealId : deals.keySet()) {
                  for (DealEvent event : events.getOrDefault(dealId, List.of())) {
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
