package org.salespipeline.testkit;

import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.store.PipelineStore;

/**
 * The contract every {@link PipelineStore} must meet: one abstract suite that the in-memory store,
 * the JDBC stores and a host's own store all run through an empty leaf class.
 *
 * <p>It runs every theme of the contract, through the public SPI and the {@link SalesPipeline}
 * engine:
 *
 * <ul>
 *   <li>{@link DealCommitContract}: reads of what was written (value equality, microsecond
 *       instants, exact money and decimals), versions, stale writes and histories that must
 *       continue without gaps;
 *   <li>{@link BulkCommitContract}: a batch of commits is all or nothing;
 *   <li>{@link ImportResumeContract}: a retried, interrupted bulk import writes each row once and
 *       reports the rows already in;
 *   <li>{@link IdempotencyContract}: replays under a used key, also concurrent, return the first
 *       result and write nothing;
 *   <li>{@link WorkspaceIsolationContract}: one workspace never sees another's records;
 *   <li>{@link EventHistoryContract}: history order and replay, the event stream and its bounds;
 *   <li>{@link DealQueryContract}: pages, filters, streams and the columnar scan of open deals;
 *   <li>{@link ReferenceDataContract}: pipelines, accounts, contacts, teams and quotas;
 *   <li>{@link RetentionContract}: retention records and their versions, alone and inside a deal
 *       commit;
 *   <li>{@link RetentionLifecycleContract}: the retention lifecycle stored as deal history, its
 *       refusals writing nothing, its replays (issue 17);
 *   <li>{@link RetentionQueryContract}: accounts in retention by status, owner, follow-up, renewal
 *       and activity, keyset-paged and streamed (issue 17);
 *   <li>{@link ActivityContract}: account activities and their order;
 *   <li>{@link ConcurrencyContract}: real concurrency on one deal and on many, and commands without
 *       an expected version retried after conflicts;
 *   <li>{@link RecordSearchContract}: accounts, contacts and deals found by name, owner, industry,
 *       account, close dates and amounts, in keyset pages (with a jqwik page-walk property);
 *   <li>{@link ContactErasureContract}: a contact's personal data erased from every copy, histories
 *       still replayable, the erasure recorded;
 *   <li>{@link EventFeedContract}: the event feed, resumable, nothing skipped, under concurrent
 *       writers and a crashing consumer;
 *   <li>{@link AccessContract}: an access matrix (principals x actions x deals), reads that see
 *       only the deals a principal may view, and a jqwik property over random orgs (issue 16);
 *   <li>{@link ActionChainContract}: random command sequences checked against a model after every
 *       step (a jqwik property);
 *   <li>{@link ForecastCallContract}: forecast calls append-only and read as of any instant,
 *       adjustment versions refusing stale and racing writes (issue 18).
 * </ul>
 *
 * <p>A host tests its own store by adding the {@code pipeline-testkit} artifact with test scope and
 * writing one class; JUnit Jupiter runs the examples and the jqwik engine (a dependency of the
 * testkit) runs the property:
 *
 * <pre>{@code
 * import org.salespipeline.core.store.PipelineStore;
 * import org.salespipeline.testkit.PipelineStoreContract;
 *
 * class AcmeStoreContractTest extends PipelineStoreContract {
 *   // Shared by all tests: each test makes its own random workspace, so nothing needs emptying.
 *   private static final PipelineStore STORE = AcmeStore.connect("jdbc:acme://localhost/test");
 *
 *   @Override
 *   protected PipelineStore store() {
 *     return STORE;
 *   }
 * }
 * }</pre>
 *
 * <p>Every theme is also a JUnit test interface of its own, so a store in the making can run a few
 * of them first ({@code class AcmeCommitTest implements DealCommitContract, IdempotencyContract}
 * with a public {@link StoreUnderTest#storeUnderTest()}); a finished store passes them all.
 *
 * <p>Requirements on the store under test: it keeps instants to at least microsecond precision (the
 * suite's clocks are truncated to microseconds); it may hold records of other workspaces (tests
 * never look beyond their own); it is safe for use by several threads (the concurrency tests run up
 * to eight). A commit the SPI does not name an exception for (events that do not continue the
 * history, a stale retention version inside a deal commit) may fail with any runtime exception, but
 * must write nothing.
 *
 * <p>The suite takes a few seconds on the in-memory store; against a database it runs a few
 * thousand short transactions.
 */
public abstract class PipelineStoreContract
    implements DealCommitContract,
        BulkCommitContract,
        ImportResumeContract,
        IdempotencyContract,
        WorkspaceIsolationContract,
        EventHistoryContract,
        DealQueryContract,
        ReferenceDataContract,
        RetentionContract,
        RetentionLifecycleContract,
        RetentionQueryContract,
        ActivityContract,
        ConcurrencyContract,
        RecordSearchContract,
        ContactErasureContract,
        ActionChainContract,
        EventFeedContract,
        AccessContract,
        ForecastCallContract {

  /**
   * A store to test; may be shared between tests, but each test uses fresh workspaces it makes
   * itself (random WorkspaceId), so stores need not be emptied.
   *
   * @return the store under test, never null
   */
  protected abstract PipelineStore store();

  /**
   * Answers every theme with {@link #store()}.
   *
   * @return what {@link #store()} returns
   */
  @Override
  public final PipelineStore storeUnderTest() {
    return store();
  }
}
