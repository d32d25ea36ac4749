package org.salespipeline.core;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.salespipeline.core.access.Action;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.event.FeedPage;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.store.AccountQuery;
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
 * A principal's view of one workspace's store (issue 16): every deal read sees only the deals the
 * principal may view. Deal queries carry the principal's {@link DealScope}, so the store filters in
 * its own query (the JDBC store in SQL); the results are checked against the scope again, so a host
 * store that ignores the scope still leaks nothing. Single reads of an invisible deal (deal,
 * history, activities) answer as for a deal that does not exist, or refuse, as configured. The
 * event feed needs {@link Action#ADMIN}. Writes and account-level records pass through: the engine
 * checks commands before it writes.
 */
final class ScopedStore implements WorkspaceStore {
  private final WorkspaceStore delegate;
  private final AccessGuard guard;

  ScopedStore(WorkspaceStore delegate, AccessGuard guard) {
    this.delegate = delegate;
    this.guard = guard;
  }

  /** The store view without the scope. */
  WorkspaceStore unscoped() {
    return delegate;
  }

  @Override
  public WorkspaceId workspaceId() {
    return delegate.workspaceId();
  }

  @Override
  public Optional<Deal> deal(DealId id) {
    Optional<Deal> deal = delegate.deal(id);
    if (deal.isPresent() && !guard.canView(deal.get())) {
      guard.invisible(deal.get());
      return Optional.empty();
    }
    return deal;
  }

  private boolean visible(DealId id) {
    return deal(id).isPresent();
  }

  /**
   * The query with the principal's scope intersected with the query's own one, so the store filters
   * by both at once and a page is not cut short by a filter applied after it.
   */
  private static DealQuery scoped(DealQuery query, DealScope scope) {
    if (scope.isEverything()) {
      return query;
    }
    DealScope both = query.scope().map(asked -> DealScope.intersect(scope, asked)).orElse(scope);
    return DealQuery.builder().from(query).scope(both).build();
  }

  @Override
  public Page<Deal> findDeals(DealQuery query) {
    DealScope scope = guard.scope();
    DealQuery scoped = scoped(query, scope);
    Page<Deal> page = delegate.findDeals(scoped);
    if (scoped.scope().isEmpty()) {
      return page;
    }
    DealScope both = scoped.scope().get();
    List<Deal> items = page.items().stream().filter(both::includes).toList();
    return new Page<>(items, page.next());
  }

  @Override
  public Stream<Deal> streamDeals(DealQuery query) {
    DealScope scope = guard.scope();
    DealQuery scoped = scoped(query, scope);
    Stream<Deal> deals = delegate.streamDeals(scoped);
    if (scoped.scope().isEmpty()) {
      return deals;
    }
    return deals.filter(scoped.scope().get()::includes);
  }

  @Override
  public void scanOpenDeals(PipelineId pipeline, OpenDealVisitor visitor) {
    scanOpenDeals(pipeline, DealScope.all(), visitor);
  }

  @Override
  public void scanOpenDeals(PipelineId pipeline, DealScope asked, OpenDealVisitor visitor) {
    DealScope scope = guard.scope();
    if (scope.isEverything()) {
      delegate.scanOpenDeals(pipeline, asked, visitor);
      return;
    }
    Set<String> owners = new HashSet<>();
    scope.owners().forEach(o -> owners.add(o.value()));
    Set<String> deals = new HashSet<>();
    scope.deals().forEach(d -> deals.add(d.toString()));
    boolean plain = scope.within().isEmpty();
    delegate.scanOpenDeals(
        pipeline,
        DealScope.intersect(scope, asked),
        (id, stage, owner, amount, currency, close, category, second, nano) -> {
          if ((scope.everything() || owners.contains(owner) || deals.contains(id))
              && (plain || scope.includes(DealId.of(id), UserId.of(owner)))
              && (asked.isEverything() || asked.includes(DealId.of(id), UserId.of(owner)))) {
            visitor.visit(id, stage, owner, amount, currency, close, category, second, nano);
          }
        });
  }

  @Override
  public List<DealEvent> history(DealId id) {
    return visible(id) ? delegate.history(id) : List.of();
  }

  @Override
  public List<Activity> activities(DealId id) {
    return visible(id) ? delegate.activities(id) : List.of();
  }

  @Override
  public Stream<DealEvent> streamEvents(EventQuery query) {
    return streamEvents(query, DealScope.all());
  }

  /**
   * The events of the deals in both the principal's scope and the asked one: the store filters in
   * its own query where it can (the JDBC store in SQL), so memory does not grow with the visible
   * deals; the store's default collects the visible ids first.
   */
  @Override
  public Stream<DealEvent> streamEvents(EventQuery query, DealScope asked) {
    return delegate.streamEvents(query, DealScope.intersect(guard.scope(), asked));
  }

  // Forecast calls and adjustments are not deal records: the engine checks SUBMIT_FORECAST and
  // ADJUST_FORECAST before writing them, and the view passes them through.

  @Override
  public void appendForecastCall(org.salespipeline.core.call.ForecastCall call) {
    delegate.appendForecastCall(call);
  }

  @Override
  public List<org.salespipeline.core.call.ForecastCall> forecastCalls(
      org.salespipeline.core.call.CallPeriod period, String forecastType) {
    return delegate.forecastCalls(period, forecastType);
  }

  @Override
  public void appendAdjustment(org.salespipeline.core.call.Adjustment adjustment) {
    delegate.appendAdjustment(adjustment);
  }

  @Override
  public List<org.salespipeline.core.call.Adjustment> adjustments(
      org.salespipeline.core.call.CallPeriod period, String forecastType) {
    return delegate.adjustments(period, forecastType);
  }

  @Override
  public FeedPage readFeed(long afterPosition, int limit) {
    guard.requireWorkspace(null, Action.ADMIN);
    return delegate.readFeed(afterPosition, limit);
  }

  @Override
  public List<Activity> accountActivities(AccountId account) {
    List<Activity> all = delegate.accountActivities(account);
    if (guard.scope().isEverything()) {
      return all;
    }
    return all.stream().filter(a -> a.deal().map(this::visible).orElse(true)).toList();
  }

  // ---- passed through: writes (checked by the engine) and records that are not deals ----

  @Override
  public void savePipeline(PipelineDefinition pipeline) {
    delegate.savePipeline(pipeline);
  }

  @Override
  public Optional<PipelineDefinition> pipeline(PipelineId id) {
    return delegate.pipeline(id);
  }

  @Override
  public List<PipelineDefinition> pipelines() {
    return delegate.pipelines();
  }

  @Override
  public void saveAccount(Account account) {
    delegate.saveAccount(account);
  }

  @Override
  public Optional<Account> account(AccountId id) {
    return delegate.account(id);
  }

  @Override
  public void saveContact(Contact contact) {
    delegate.saveContact(contact);
  }

  @Override
  public Optional<Contact> contact(ContactId id) {
    return delegate.contact(id);
  }

  @Override
  public KeysetPage<Account, AccountId> findAccounts(AccountQuery query) {
    return delegate.findAccounts(query);
  }

  @Override
  public KeysetPage<Contact, ContactId> findContacts(ContactQuery query) {
    return delegate.findContacts(query);
  }

  @Override
  public void eraseContact(ContactErasure erasure, Redaction redaction) {
    delegate.eraseContact(erasure, redaction);
  }

  @Override
  public List<ContactErasure> contactErasures() {
    return delegate.contactErasures();
  }

  @Override
  public void saveTeam(Team team) {
    delegate.saveTeam(team);
  }

  @Override
  public List<Team> teams() {
    return delegate.teams();
  }

  @Override
  public void saveQuota(Quota quota) {
    delegate.saveQuota(quota);
  }

  @Override
  public List<Quota> quotas() {
    return delegate.quotas();
  }

  @Override
  public void commit(DealCommit commit) {
    delegate.commit(commit);
  }

  @Override
  public void commitAll(List<DealCommit> commits) {
    delegate.commitAll(commits);
  }

  @Override
  public Optional<IdempotencyRecord> idempotencyRecord(String key) {
    return delegate.idempotencyRecord(key);
  }

  @Override
  public Optional<CustomerRetention> retention(AccountId account) {
    return delegate.retention(account);
  }

  @Override
  public void commitRetention(CustomerRetention retention, List<Activity> activities) {
    delegate.commitRetention(retention, activities);
  }

  @Override
  public Stream<CustomerRetention> streamRetention(RetentionQuery query) {
    return delegate.streamRetention(query);
  }

  @Override
  public RetentionPage findRetention(RetentionQuery query) {
    return delegate.findRetention(query);
  }

  @Override
  public void saveAccountActivity(Activity activity) {
    delegate.saveAccountActivity(activity);
  }
}
