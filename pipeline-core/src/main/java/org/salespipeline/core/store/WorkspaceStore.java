package org.salespipeline.core.store;

import java.util.List;
import java.util.Optional;
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
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.Quota;
import org.salespipeline.core.Team;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.PipelineDefinition;

/**
 * The records of one workspace. Every method reads or writes this workspace only; records passed in
 * must belong to it.
 *
 * <p>Writes are all-or-nothing. Reads return immutable values; {@code stream*} methods hold
 * resources until the stream is closed (use try-with-resources) and keep memory bounded.
 * Implementations must be thread-safe.
 */
public interface WorkspaceStore {

  /** The workspace this view is bound to. */
  WorkspaceId workspaceId();

  // ---- pipeline definitions and reference data (upserts) ----

  /**
   * Creates or replaces a pipeline definition. Names read back exactly as saved.
   *
   * @param pipeline the pipeline
   * @throws org.salespipeline.core.ValidationException naming {@code pipeline.name} or {@code
   *     stage.displayName} if a name holds a lone UTF-16 surrogate ({@link
   *     CommitRules#checkPipeline}); nothing is saved
   */
  void savePipeline(PipelineDefinition pipeline);

  Optional<PipelineDefinition> pipeline(PipelineId id);

  /** All definitions, ordered by id. */
  List<PipelineDefinition> pipelines();

  /** Creates or replaces an account. */
  void saveAccount(Account account);

  Optional<Account> account(AccountId id);

  /** Creates or replaces a contact. */
  void saveContact(Contact contact);

  Optional<Contact> contact(ContactId id);

  /**
   * One page of matching accounts, in id order.
   *
   * <p>This default refuses: the SPI has no other way to list accounts. Stores override it (the
   * in-memory and JDBC stores do); the testkit's {@code RecordSearchContract} checks it.
   *
   * @throws UnsupportedOperationException if the store cannot list accounts
   */
  default KeysetPage<Account, AccountId> findAccounts(AccountQuery query) {
    throw new UnsupportedOperationException(
        getClass().getName() + " cannot list accounts: override WorkspaceStore.findAccounts");
  }

  /**
   * One page of matching contacts, in id order.
   *
   * <p>This default refuses, as {@link #findAccounts}.
   *
   * @throws UnsupportedOperationException if the store cannot list contacts
   */
  default KeysetPage<Contact, ContactId> findContacts(ContactQuery query) {
    throw new UnsupportedOperationException(
        getClass().getName() + " cannot list contacts: override WorkspaceStore.findContacts");
  }

  /**
   * Erases a contact's personal data from every stored copy and records the erasure, all or
   * nothing: the contact becomes {@link Redaction#erasedContact()}; every deal, every history event
   * and every activity of the workspace is replaced by its {@link Redaction} ({@link
   * Redaction#deal}, {@link Redaction#event}, {@link Redaction#activity}) where that differs; the
   * erasure is appended to {@link #contactErasures()}. Versions, sequences, ids and order stay as
   * they were, so histories replay as before; no copy of the personal strings may remain in the
   * store's own records (a database store also rewrites every column it derived from them).
   *
   * <p>This default refuses: history cannot be rewritten through the rest of the SPI. Stores
   * override it (the in-memory and JDBC stores do); the testkit's {@code ContactErasureContract}
   * checks it.
   *
   * @param erasure the record to append, for a contact of this workspace
   * @param redaction what to erase, built from the stored contact
   * @throws UnsupportedOperationException if the store cannot erase
   * @throws org.salespipeline.core.StorageException if the storage fails; nothing is changed
   */
  default void eraseContact(ContactErasure erasure, Redaction redaction) {
    throw new UnsupportedOperationException(
        getClass().getName() + " cannot erase personal data: override WorkspaceStore.eraseContact");
  }

  /**
   * Every erasure recorded in this workspace, oldest first. This default has none to report (its
   * {@link #eraseContact} refuses).
   */
  default List<ContactErasure> contactErasures() {
    return List.of();
  }

  /** Creates or replaces a team. */
  void saveTeam(Team team);

  /** All teams, ordered by id. */
  List<Team> teams();

  /** Adds a quota, replacing one for the same owner or team and period. */
  void saveQuota(Quota quota);

  /** All quotas, ordered by period start, then owner or team. */
  List<Quota> quotas();

  // ---- deals ----

  Optional<Deal> deal(DealId id);

  /**
   * Writes a command's deal, events, activities, retention change and idempotency key, all or
   * nothing.
   *
   * @throws ConcurrentDealModificationException if the stored version differs from {@link
   *     DealCommit#expectedVersion()} (including a create whose id exists); nothing is written
   * @throws DuplicateIdempotencyKeyException if the key was used before; nothing is written
   * @throws CommitOutcomeUnknownException if the connection was lost while committing, so the
   *     commit may or may not be written (read the idempotency key or the deal's history back to
   *     tell; the engine does)
   * @throws org.salespipeline.core.StorageException (any other kind) if the storage fails; nothing
   *     is written
   */
  void commit(DealCommit commit);

  /**
   * Writes several commits (a batch of a bulk import). Stores that can write them in one
   * transaction override this and document it (the in-memory and JDBC stores do: all or nothing).
   * This default writes them one by one, so a failure leaves the earlier commits written.
   *
   * @throws ConcurrentDealModificationException as {@link #commit}
   * @throws DuplicateIdempotencyKeyException as {@link #commit}
   * @throws CommitOutcomeUnknownException as {@link #commit}: the whole batch (or, for this
   *     default, the commit that failed) may or may not be written
   */
  default void commitAll(List<DealCommit> commits) {
    for (DealCommit commit : commits) {
      commit(commit);
    }
  }

  /** What the command with this idempotency key did, if one was committed. */
  Optional<IdempotencyRecord> idempotencyRecord(String key);

  /** One page of matching deals, in id order. */
  Page<Deal> findDeals(DealQuery query);

  /** All matching deals in id order, streamed; close the stream. */
  Stream<Deal> streamDeals(DealQuery query);

  /**
   * Visits the open deals of one pipeline of this workspace, column by column, without building
   * {@link Deal} objects: the columnar load behind forecast snapshots of large pipelines.
   *
   * <p>Contract: every deal of this workspace whose pipeline is {@code pipeline} and whose status
   * is {@link org.salespipeline.core.DealStatus#OPEN OPEN} is visited exactly once, in deal id
   * order, with the same values {@link #streamDeals} gives for it; nothing else is visited. Memory
   * stays bounded whatever the number of deals (results are streamed, not collected), and all
   * resources are released when this method returns, also when the visitor throws (its exception
   * propagates). The visitor is called on the calling thread only. Like every method of this
   * interface it is safe to call from several threads; concurrent commits may or may not be seen.
   *
   * <p>This default reads the deals through {@link #streamDeals} and so still decodes each one;
   * stores that hold these values in columns override it to read them directly (the JDBC store
   * does).
   *
   * @param pipeline the pipeline, not null
   * @param visitor receives each open deal, not null
   * @throws org.salespipeline.core.StorageException if the storage fails
   */
  default void scanOpenDeals(PipelineId pipeline, OpenDealVisitor visitor) {
    scanOpenDeals(pipeline, DealScope.all(), visitor);
  }

  /**
   * Visits the open deals of one pipeline that are in the scope, as {@link
   * #scanOpenDeals(PipelineId, OpenDealVisitor)} does for all of them: the columnar load of a
   * principal's forecast (access policies, issue 16). Same contract, restricted to the deals {@link
   * DealScope#includes} accepts.
   *
   * <p>This default reads the deals through {@link #streamDeals} with the scope in the query;
   * stores that hold the columns override it to filter in their own query (the JDBC store does).
   *
   * @param pipeline the pipeline, not null
   * @param scope the deals that may be visited, not null
   * @param visitor receives each open deal in scope, not null
   * @throws org.salespipeline.core.StorageException if the storage fails
   */
  default void scanOpenDeals(PipelineId pipeline, DealScope scope, OpenDealVisitor visitor) {
    java.util.Objects.requireNonNull(pipeline, "pipeline");
    java.util.Objects.requireNonNull(scope, "scope");
    java.util.Objects.requireNonNull(visitor, "visitor");
    DealQuery.Builder open =
        DealQuery.builder().pipeline(pipeline).addStatuses(org.salespipeline.core.DealStatus.OPEN);
    if (!scope.isEverything()) {
      open.scope(scope);
    }
    try (Stream<Deal> deals = streamDeals(open.build())) {
      deals.forEachOrdered(
          d ->
              visitor.visit(
                  d.id().toString(),
                  d.stage(),
                  d.owner().value(),
                  d.amount().toMinorUnits(),
                  d.amount().currency().getCurrencyCode(),
                  Math.toIntExact(d.expectedCloseDate().toEpochDay()),
                  d.forecastCategory(),
                  d.createdAt().getEpochSecond(),
                  d.createdAt().getNano()));
    }
  }

  /** The deal's history in sequence order; empty for an unknown deal. */
  List<DealEvent> history(DealId id);

  /** Matching events of all deals, by deal id then sequence, streamed; close the stream. */
  Stream<DealEvent> streamEvents(EventQuery query);

  /**
   * The matching events of the deals in the scope only, in the order of {@link
   * #streamEvents(EventQuery)}: a principal's event stream (access policies, issue 16). Equal to
   * {@code streamEvents(query)} filtered to the events whose deal {@link DealScope#includes}
   * accepts (by the deal as it is now).
   *
   * <p>This default first collects the ids of the deals in scope through {@link #streamDeals}, so
   * its memory grows with the number of deals in scope; stores that can filter in their own query
   * override it (the JDBC store does, with a sub-select over its deals; the in-memory store checks
   * each deal as it goes). An override must return exactly the events of deals in scope: the engine
   * does not check them again.
   *
   * @param query the time bounds, not null
   * @param scope the deals whose events may be streamed, not null
   * @return the events, streamed; close the stream
   * @throws org.salespipeline.core.StorageException if the storage fails
   */
  default Stream<DealEvent> streamEvents(EventQuery query, DealScope scope) {
    java.util.Objects.requireNonNull(query, "query");
    java.util.Objects.requireNonNull(scope, "scope");
    if (scope.isEverything()) {
      return streamEvents(query);
    }
    java.util.Set<DealId> visible = new java.util.HashSet<>();
    try (Stream<Deal> deals = streamDeals(DealQuery.builder().scope(scope).build())) {
      deals.filter(scope::includes).forEach(d -> visible.add(d.id()));
    }
    return streamEvents(query).filter(e -> visible.contains(e.dealId()));
  }

  /**
   * The committed events after a feed position, in feed order: the storage behind {@link
   * org.salespipeline.core.event.EventFeed} (which checks the arguments first).
   *
   * <p>Contract: every committed event gets a position, at the latest when a read runs after its
   * commit; positions are positive, never reused, and may leave gaps. A read returns committed
   * events only, each deal's in sequence order, and never skips one: no event may later appear with
   * a position at or below the highest one a read has returned (the gap problem of
   * sequence-numbered outboxes: a number taken by a slow transaction that commits after a faster
   * one with a higher number). So an event committed after a read returned position {@code p} gets
   * a position above {@code p}. Events written before a store offered the feed get positions too.
   *
   * <p>This default refuses: a host's own store that does not offer the feed keeps compiling, and
   * the contract suite's feed tests fail for it.
   *
   * @param afterPosition 0 or a position returned before
   * @param limit at least 1
   * @throws UnsupportedOperationException if the store does not offer the feed
   * @throws org.salespipeline.core.StorageException if the storage fails
   */
  default org.salespipeline.core.event.FeedPage readFeed(long afterPosition, int limit) {
    throw new UnsupportedOperationException(
        getClass().getName() + " does not offer the event feed (WorkspaceStore.readFeed)");
  }

  // ---- forecast calls and adjustments (issue 18) ----

  /**
   * Appends a forecast call. Calls are append-only: a stored call is never changed or removed, and
   * a call with an id already stored is refused.
   *
   * <p>This default refuses, so a store written before forecast calls existed still compiles; the
   * contract suite's {@code ForecastCallContract} fails until it is overridden.
   *
   * @throws UnsupportedOperationException if the store does not keep forecast calls
   * @throws org.salespipeline.core.StorageException if the storage fails
   */
  default void appendForecastCall(org.salespipeline.core.call.ForecastCall call) {
    throw new UnsupportedOperationException(
        getClass().getName()
            + " does not keep forecast calls: override WorkspaceStore.appendForecastCall");
  }

  /**
   * Every call of every owner for the period and forecast type, in submission order (instant, then
   * id). This default refuses, as {@link #appendForecastCall}.
   *
   * @throws UnsupportedOperationException if the store does not keep forecast calls
   */
  default List<org.salespipeline.core.call.ForecastCall> forecastCalls(
      org.salespipeline.core.call.CallPeriod period, String forecastType) {
    throw new UnsupportedOperationException(
        getClass().getName()
            + " does not keep forecast calls: override WorkspaceStore.forecastCalls");
  }

  /**
   * Appends the next version of an adjustment cell, all or nothing: its version must be the stored
   * version of the cell plus one (1 for a cell never adjusted), so of two writers based on the same
   * version one fails. This default refuses, as {@link #appendForecastCall}.
   *
   * @throws org.salespipeline.core.call.ConcurrentAdjustmentModificationException if the version
   *     does not follow the stored one
   * @throws UnsupportedOperationException if the store does not keep adjustments
   */
  default void appendAdjustment(org.salespipeline.core.call.Adjustment adjustment) {
    throw new UnsupportedOperationException(
        getClass().getName()
            + " does not keep adjustments: override WorkspaceStore.appendAdjustment");
  }

  /**
   * Every version of every adjustment cell of the period and forecast type, by cell and version.
   * This default refuses, as {@link #appendAdjustment}.
   *
   * @throws UnsupportedOperationException if the store does not keep adjustments
   */
  default List<org.salespipeline.core.call.Adjustment> adjustments(
      org.salespipeline.core.call.CallPeriod period, String forecastType) {
    throw new UnsupportedOperationException(
        getClass().getName() + " does not keep adjustments: override WorkspaceStore.adjustments");
  }

  /** Activities logged on the deal, in the order recorded. */
  List<Activity> activities(DealId id);

  // ---- post-sale ----

  Optional<CustomerRetention> retention(AccountId account);

  /**
   * Creates or changes an account's retention record and logs account activities, all or nothing.
   *
   * @throws org.salespipeline.core.ConcurrentRetentionModificationException if the stored version
   *     is not {@code retention.version() - 1}
   */
  void commitRetention(CustomerRetention retention, List<Activity> activities);

  /**
   * All matching retention records in account id order, streamed; close the stream. Memory stays
   * bounded whatever the number of accounts.
   *
   * <p>This default refuses, so a store written before retention reads existed still compiles; the
   * contract suite's retention themes fail until it is overridden.
   *
   * @param query the filters (its paging is ignored)
   * @throws UnsupportedOperationException if the store cannot list retention records
   * @throws org.salespipeline.core.StorageException if the storage fails
   */
  default Stream<CustomerRetention> streamRetention(RetentionQuery query) {
    throw new UnsupportedOperationException(
        getClass().getName()
            + " cannot list retention records: override WorkspaceStore.streamRetention");
  }

  /**
   * One page of matching retention records, in account id order, after {@link
   * RetentionQuery#afterAccount()}. This default reads {@link #streamRetention} up to the page;
   * stores that can seek override it (the JDBC store does).
   *
   * @throws org.salespipeline.core.StorageException if the storage fails
   */
  default RetentionPage findRetention(RetentionQuery query) {
    java.util.Objects.requireNonNull(query, "query");
    try (Stream<CustomerRetention> all = streamRetention(query)) {
      List<CustomerRetention> upTo =
          all.filter(r -> query.afterAccount().map(a -> r.account().compareTo(a) > 0).orElse(true))
              .limit(query.limit() + 1L)
              .toList();
      return RetentionPage.of(upTo, query.limit());
    }
  }

  /** Logs an activity on an account without a deal. */
  void saveAccountActivity(Activity activity);

  /** Activities logged on the account (with or without a deal), in the order recorded. */
  List<Activity> accountActivities(AccountId account);
}
