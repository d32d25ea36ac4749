package org.salespipeline.examples.storage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.Quota;
import org.salespipeline.core.Team;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.store.AccountQuery;
import org.salespipeline.core.store.ContactQuery;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.EventQuery;
import org.salespipeline.core.store.IdempotencyRecord;
import org.salespipeline.core.store.KeysetPage;
import org.salespipeline.core.store.Page;
import org.salespipeline.core.store.PipelineStore;
import org.salespipeline.core.store.Redaction;
import org.salespipeline.core.store.RetentionPage;
import org.salespipeline.core.store.RetentionQuery;
import org.salespipeline.core.store.WorkspaceStore;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;

/**
 * A custom storage adapter: the core's {@link InMemoryPipelineStore} with one twist, it can list
 * the accounts and contacts of a workspace in order of first save (the storage SPI's {@code
 * findAccounts} and {@code findContacts}, delegated like every other method, list them in id order
 * with filters). The demo generates into it, then copies everything into the H2 file with {@link
 * PipelineCopy}.
 *
 * <p>It passes the same contract suite as every store ({@code PipelineStoreContract} of
 * pipeline-testkit), because every write goes to the delegate first and only a successful write is
 * remembered in the listing.
 *
 * <p>Thread-safe, as the delegate; listings are in order of first save.
 */
public final class ListingPipelineStore implements PipelineStore {
  private final InMemoryPipelineStore delegate = new InMemoryPipelineStore();
  private final Map<WorkspaceId, Listing> workspaces = new ConcurrentHashMap<>();

  @Override
  public WorkspaceStore workspace(WorkspaceId workspace) {
    WorkspaceStore store = delegate.workspace(workspace);
    return workspaces.computeIfAbsent(workspace, w -> new Listing(store));
  }

  /** The ids of the workspace's accounts, in order of first save; empty for an unknown one. */
  public List<AccountId> accounts(WorkspaceId workspace) {
    Listing listing = workspaces.get(workspace);
    return listing == null ? List.of() : listing.accounts();
  }

  /** The ids of the workspace's contacts, in order of first save; empty for an unknown one. */
  public List<ContactId> contacts(WorkspaceId workspace) {
    Listing listing = workspaces.get(workspace);
    return listing == null ? List.of() : listing.contacts();
  }

  private static final class Listing implements WorkspaceStore {
    private final WorkspaceStore store;
    private final Set<AccountId> accounts = new LinkedHashSet<>();
    private final Set<ContactId> contacts = new LinkedHashSet<>();

    Listing(WorkspaceStore store) {
      this.store = store;
    }

    synchronized List<AccountId> accounts() {
      return List.copyOf(new ArrayList<>(accounts));
    }

    synchronized List<ContactId> contacts() {
      return List.copyOf(new ArrayList<>(contacts));
    }

    @Override
    public WorkspaceId workspaceId() {
      return store.workspaceId();
    }

    @Override
    public void savePipeline(PipelineDefinition pipeline) {
      store.savePipeline(pipeline);
    }

    @Override
    public Optional<PipelineDefinition> pipeline(PipelineId id) {
      return store.pipeline(id);
    }

    @Override
    public List<PipelineDefinition> pipelines() {
      return store.pipelines();
    }

    @Override
    public void saveAccount(Account account) {
      store.saveAccount(account);
      synchronized (this) {
        accounts.add(account.id());
      }
    }

    @Override
    public Optional<Account> account(AccountId id) {
      return store.account(id);
    }

    @Override
    public void saveContact(Contact contact) {
      store.saveContact(contact);
      synchronized (this) {
        contacts.add(contact.id());
      }
    }

    @Override
    public Optional<Contact> contact(ContactId id) {
      return store.contact(id);
    }

    @Override
    public void saveTeam(Team team) {
      store.saveTeam(team);
    }

    @Override
    public List<Team> teams() {
      return store.teams();
    }

    @Override
    public void saveQuota(Quota quota) {
      store.saveQuota(quota);
    }

    @Override
    public List<Quota> quotas() {
      return store.quotas();
    }

    @Override
    public Optional<Deal> deal(DealId id) {
      return store.deal(id);
    }

    @Override
    public void commit(DealCommit commit) {
      store.commit(commit);
    }

    @Override
    public void commitAll(List<DealCommit> commits) {
      store.commitAll(commits);
    }

    @Override
    public Optional<IdempotencyRecord> idempotencyRecord(String key) {
      return store.idempotencyRecord(key);
    }

    @Override
    public Page<Deal> findDeals(DealQuery query) {
      return store.findDeals(query);
    }

    @Override
    public Stream<Deal> streamDeals(DealQuery query) {
      return store.streamDeals(query);
    }

    @Override
    public List<DealEvent> history(DealId id) {
      return store.history(id);
    }

    @Override
    public Stream<DealEvent> streamEvents(EventQuery query) {
      return store.streamEvents(query);
    }

    @Override
    public org.salespipeline.core.event.FeedPage readFeed(long afterPosition, int limit) {
      return store.readFeed(afterPosition, limit);
    }

    @Override
    public void appendForecastCall(org.salespipeline.core.call.ForecastCall call) {
      store.appendForecastCall(call);
    }

    @Override
    public List<org.salespipeline.core.call.ForecastCall> forecastCalls(
        org.salespipeline.core.call.CallPeriod period, String forecastType) {
      return store.forecastCalls(period, forecastType);
    }

    @Override
    public void appendAdjustment(org.salespipeline.core.call.Adjustment adjustment) {
      store.appendAdjustment(adjustment);
    }

    @Override
    public List<org.salespipeline.core.call.Adjustment> adjustments(
        org.salespipeline.core.call.CallPeriod period, String forecastType) {
      return store.adjustments(period, forecastType);
    }

    @Override
    public List<Activity> activities(DealId id) {
      return store.activities(id);
    }

    @Override
    public Optional<CustomerRetention> retention(AccountId account) {
      return store.retention(account);
    }

    @Override
    public void commitRetention(CustomerRetention retention, List<Activity> activities) {
      store.commitRetention(retention, activities);
    }

    @Override
    public Stream<CustomerRetention> streamRetention(RetentionQuery query) {
      return store.streamRetention(query);
    }

    @Override
    public RetentionPage findRetention(RetentionQuery query) {
      return store.findRetention(query);
    }

    @Override
    public void saveAccountActivity(Activity activity) {
      store.saveAccountActivity(activity);
    }

    @Override
    public List<Activity> accountActivities(AccountId account) {
      return store.accountActivities(account);
    }

    @Override
    public KeysetPage<Account, AccountId> findAccounts(AccountQuery query) {
      return store.findAccounts(query);
    }

    @Override
    public KeysetPage<Contact, ContactId> findContacts(ContactQuery query) {
      return store.findContacts(query);
    }

    @Override
    public void eraseContact(ContactErasure erasure, Redaction redaction) {
      store.eraseContact(erasure, redaction);
    }

    @Override
    public List<ContactErasure> contactErasures() {
      return store.contactErasures();
    }
  }
}
