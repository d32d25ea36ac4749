package org.salespipeline.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.salespipeline.core.access.AccessDeniedException;
import org.salespipeline.core.access.Action;
import org.salespipeline.core.access.Principal;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.DealImport;
import org.salespipeline.core.command.ImportResult;
import org.salespipeline.core.command.LogActivity;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.RecordQualification;
import org.salespipeline.core.command.ReopenDeal;
import org.salespipeline.core.command.RetentionCommand;
import org.salespipeline.core.command.RetentionResult;
import org.salespipeline.core.command.ScheduleFollowUp;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.event.EventFeed;
import org.salespipeline.core.rule.TransitionKind;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.StageOutcome;
import org.salespipeline.core.store.AccountQuery;
import org.salespipeline.core.store.ContactQuery;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.KeysetPage;
import org.salespipeline.core.store.Page;
import org.salespipeline.core.store.Redaction;
import org.salespipeline.core.store.RetentionPage;
import org.salespipeline.core.store.RetentionQuery;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * The sales pipeline of one workspace: every change to a deal goes through here.
 *
 * <p>Each command validates its input (every problem reported at once, naming field and value; a
 * null command or a missing required field is a {@link ValidationException} naming it, never a
 * NullPointerException), runs the stage rules on stage changes (all violations at once), appends
 * history events and writes the deal, its events, activities and idempotency key in one
 * all-or-nothing commit. A refused or failed command changes nothing. Listeners hear committed
 * events only; whatever a listener throws is logged, and the committed command still reports
 * success (an import goes on).
 *
 * <p>Limits on input: names, subjects and reasons at most 200 characters without control
 * characters; next steps and list items at most 2,000 characters; at most 50 items per list and 50
 * attributes per deal (not per command); amounts from 0 to {@link Money#MAX_DEAL_MINOR_UNITS}
 * (2^44) minor units of their currency (about 175.9 billion USD, 1.76 billion CLF, 175.9 billion
 * IDR), so that every accepted amount works in forecasts and snapshots; probabilities in [0, 1];
 * expected close dates within 10 years of today; idempotency keys at most 200 characters.
 *
 * <p>Thread-safe: build one per workspace and share it. Concurrent commands on one deal are
 * resolved by optimistic versioning: one wins, the others fail with {@link
 * ConcurrentDealModificationException}.
 */
public final class SalesPipeline {
  private final EngineContext context;
  private final ReferenceData referenceData;
  private final DealUpdates updates;
  private final Transitions transitions;
  private final ActivityRecorder activities;
  private final DealImporter importer;
  private final PipelineViews views;
  private final ContactErasures erasures;
  private final RetentionLifecycle retentionLifecycle;
  private final RetentionViews retentionViews;
  private final ForecastCalls forecastCalls;

  private SalesPipeline(EngineContext context) {
    this(context, true);
  }

  private SalesPipeline(EngineContext context, boolean savePipelines) {
    this.context = context;
    CommandChecks checks = new CommandChecks(context);
    CommandRunner runner = new CommandRunner(context);
    this.referenceData = new ReferenceData(context, checks);
    this.updates = new DealUpdates(context, checks, runner);
    this.transitions = new Transitions(context, checks, runner);
    this.activities = new ActivityRecorder(context, checks, runner);
    this.importer = new DealImporter(context, updates, transitions, runner);
    this.views = new PipelineViews(context);
    this.erasures = new ContactErasures(context);
    this.retentionLifecycle = new RetentionLifecycle(context, checks, runner);
    this.retentionViews = new RetentionViews(context);
    this.forecastCalls = new ForecastCalls(context);
    if (savePipelines) {
      context.savePipelines();
    }
  }

  static SalesPipeline create(SalesPipelineBuilder builder) {
    return new SalesPipeline(EngineContext.of(builder));
  }

  /**
   * A builder. Required: {@code store}. Defaults: workspace {@code default}, the system UTC clock,
   * time-ordered ids, the standard pipelines (new business, the default, and renewals), the
   * standard rules, the BANT and CHAMP frameworks with default policies, same-currency-only
   * conversion, reporting currency USD, no listeners.
   */
  public static SalesPipelineBuilder builder() {
    return new SalesPipelineBuilder();
  }

  /** The same engine configuration bound to another workspace. */
  public SalesPipeline forWorkspace(WorkspaceId workspace) {
    return new SalesPipeline(context.forWorkspace(workspace));
  }

  /**
   * The view of this pipeline for one principal (issue 16): the same methods, checked by the
   * configured {@link SalesPipelineBuilder#accessPolicy access policy}. Every command first checks
   * its action ({@link Action}: EDIT, MOVE, CLOSE, REOPEN, REASSIGN when the owner changes,
   * OVERRIDE_RULE when an override is used, IMPORT, MANAGE_QUOTA, ADMIN for teams, retention
   * sweeps, erasures and the raw event feed) and must name the principal's user as its actor; a
   * refusal is an {@link AccessDeniedException} naming the action and the reason, logged, and
   * nothing is written. Every read (deal, find, stream, history, activities, board, idle deals,
   * expansion pipeline, and the {@link #store()} view forecasts and reports read) sees only the
   * deals the principal may VIEW, so totals are sums over visible deals; an invisible deal answers
   * like one that does not exist (or refuses, see {@link SalesPipelineBuilder#invisibleDeals}).
   * Accounts, contacts, teams, quotas and retention records are not scoped.
   *
   * <p>Without a configured policy everything is allowed, as on this pipeline itself, which never
   * checks anything. Cheap: build one per request.
   *
   * @param principal who the calls run as; a {@link Principal#system system principal} for host
   *     jobs and imports is recorded in history as {@code system.<job>}
   * @throws ValidationException if the principal is null
   */
  public SalesPipeline as(Principal principal) {
    CommandChecks.requireNonNull("principal", principal);
    return new SalesPipeline(context.forPrincipal(principal), false);
  }

  /** The principal this view runs as; empty for the pipeline itself (nothing checked). */
  public Optional<Principal> principal() {
    return context.access().principal();
  }

  /** The workspace this engine works in. */
  public WorkspaceId workspace() {
    return context.workspace();
  }

  /**
   * The store view of this workspace, for reads the engine does not wrap; for a principal's view
   * ({@link #as}) its deal reads are scoped like the engine's.
   */
  public WorkspaceStore store() {
    return context.ws();
  }

  /** The engine's clock. */
  public Clock clock() {
    return context.clock();
  }

  /** The reporting currency totals use by default. */
  public Currency reportingCurrency() {
    return context.reportingCurrency();
  }

  /** The converter totals use. */
  public CurrencyConverter currencyConverter() {
    return context.converter();
  }

  /**
   * The pipeline definition.
   *
   * @throws ValidationException if no pipeline has the id
   */
  public PipelineDefinition pipeline(PipelineId id) {
    return context.pipeline(id);
  }

  /** The pipeline new deals open in unless the command names another. */
  public PipelineDefinition defaultPipeline() {
    return context.pipeline(context.defaultPipeline());
  }

  /** Every pipeline this engine was configured with, by id. */
  public List<PipelineDefinition> pipelines() {
    return context.pipelines().values().stream()
        .sorted(Comparator.comparing(PipelineDefinition::id))
        .toList();
  }

  /**
   * Creates an account.
   *
   * @throws ValidationException if the name is blank, too long or has control characters
   */
  public Account createAccount(String name, Optional<String> industry, Optional<UserId> owner) {
    return referenceData.createAccount(name, industry, owner);
  }

  /** Creates an account with only a name. */
  public Account createAccount(String name) {
    return createAccount(name, Optional.empty(), Optional.empty());
  }

  /**
   * Creates a contact, optionally at an account.
   *
   * @throws ValidationException for a bad name or e-mail, or an unknown account
   */
  public Contact createContact(String name, Optional<AccountId> account, Optional<String> email) {
    return referenceData.createContact(name, account, email);
  }

  /**
   * One page of the accounts matching the query (name prefix or contains, owners, industry), in id
   * order; pass the page's {@code next} as {@code afterId} for the next page.
   *
   * <pre>{@code
   * KeysetPage<Account, AccountId> page =
   *     pipeline.findAccounts(AccountQuery.builder().name(TextMatch.prefix("glo")).build());
   * }</pre>
   *
   * @throws UnsupportedOperationException if the store cannot list accounts (a host store that does
   *     not override {@link WorkspaceStore#findAccounts})
   */
  public KeysetPage<Account, AccountId> findAccounts(AccountQuery query) {
    return context.ws().findAccounts(requireQuery(query));
  }

  /**
   * One page of the contacts matching the query (name prefix or contains, account), in id order.
   *
   * @throws UnsupportedOperationException if the store cannot list contacts
   */
  public KeysetPage<Contact, ContactId> findContacts(ContactQuery query) {
    return context.ws().findContacts(requireQuery(query));
  }

  private static <Q> Q requireQuery(Q query) {
    if (query == null) {
      throw new ValidationException(FieldProblem.of("query", null, "must not be null"));
    }
    return query;
  }

  /**
   * Erases a contact's personal data on request (right to erasure, GDPR art. 17), all or nothing.
   *
   * <p>The contact keeps its id and account, so deals and histories still refer to it, but its name
   * becomes {@link Contact#ERASED_NAME} and its e-mail, phone and title are gone. Every occurrence
   * of its name, e-mail and phone (ignoring case, at least {@value Redaction#MIN_LENGTH}
   * characters) in the workspace's free text is replaced by {@value Redaction#MARK}: deal names,
   * next steps, needs analyses, objections, close and reopen reasons, text attributes, activity
   * subjects and outcomes, in the deals and in every history event that carries them (see {@link
   * Redaction}). Ids, stages, amounts, dates, versions and sequences do not change, so {@link
   * #history} and {@link #dealAsOf} replay as before. The erasure is recorded ({@link
   * #contactErasures()}) with who and when, and no personal data.
   *
   * <p>Erasing an erased contact again changes nothing and returns the first record. Idempotency
   * keys are not rewritten: do not put personal data in them. A command that read a deal before the
   * erasure and commits after it writes the deal as it read it; erase when no one edits the
   * contact's deals, or erase again.
   *
   * @param contact the contact to erase
   * @param actor who asked for the erasure (recorded)
   * @return the record of the erasure
   * @throws ValidationException if the contact or actor is null or the contact is not in this
   *     workspace
   * @throws UnsupportedOperationException if the store cannot erase (a host store that does not
   *     override {@link WorkspaceStore#eraseContact})
   * @throws StorageException if the storage fails; nothing is changed
   */
  public ContactErasure eraseContact(ContactId contact, UserId actor) {
    return erasures.erase(contact, actor);
  }

  /** Every contact erasure of this workspace, oldest first. */
  public List<ContactErasure> contactErasures() {
    return context.ws().contactErasures();
  }

  /** Creates or replaces a team of this workspace. */
  public Team saveTeam(Team team) {
    return referenceData.saveTeam(team);
  }

  /** The teams of this workspace. */
  public List<Team> teams() {
    return context.ws().teams();
  }

  /** Sets a quota for an owner or a team and period. */
  public Quota setQuota(Quota quota) {
    return referenceData.setQuota(quota);
  }

  /** The quotas of this workspace. */
  public List<Quota> quotas() {
    return context.ws().quotas();
  }

  /**
   * Opens a deal in the first stage of its pipeline.
   *
   * @throws ValidationException for bad input, an unknown pipeline, account, contact or linked
   *     deal, or an expansion deal without a won deal to link to
   */
  public CommandResult openDeal(OpenDeal command) {
    return updates.open(command);
  }

  /**
   * Changes fields of an open deal.
   *
   * @throws ValidationException for bad input
   * @throws ClosedDealException if the deal is closed
   * @throws DealNotFoundException if the deal does not exist
   * @throws ConcurrentDealModificationException if the expected version is stale
   */
  public CommandResult update(UpdateDeal command) {
    return updates.update(command);
  }

  /**
   * Scores an assessment with its framework and records the result on an open deal. A lead that
   * fails qualification is recorded like one that passes.
   *
   * @throws ValidationException if no framework is registered for the assessment
   */
  public CommandResult recordQualification(RecordQualification command) {
    return updates.recordQualification(command);
  }

  /**
   * Moves an open deal to another open stage through the stage rules.
   *
   * @throws IllegalTransitionException with every violation, unless the command overrides the rules
   * @throws ValidationException for an unknown stage, a closing stage (use win, lose or
   *     disqualify), or the deal's current stage
   */
  public CommandResult move(MoveDeal command) {
    return transitions.move(command);
  }

  /** Moves a deal to another open stage; shorthand for {@link #move(MoveDeal)}. */
  public CommandResult move(DealId deal, String toStage, UserId actor) {
    return move(MoveDeal.builder().deal(deal).toStage(toStage).actor(actor).build());
  }

  /**
   * Closes an open deal won. Under the standard rules the customer's acceptance must be recorded.
   * When the deal has an account, the account enters retention (onboarding, with a follow-up
   * scheduled a week later) or, for a renewal, is marked renewed.
   */
  public CommandResult win(CloseDeal command) {
    return transitions.close(command, StageOutcome.WON, TransitionKind.WIN);
  }

  /** Closes an open deal lost; the standard rules need a reason. */
  public CommandResult lose(CloseDeal command) {
    return transitions.close(command, StageOutcome.LOST, TransitionKind.LOSE);
  }

  /**
   * Ends an open deal as disqualified, apart from lost; the standard rules need a reason.
   *
   * @throws ValidationException if the pipeline has no disqualified stage
   */
  public CommandResult disqualify(CloseDeal command) {
    return transitions.close(command, StageOutcome.DISQUALIFIED, TransitionKind.DISQUALIFY);
  }

  /**
   * Reopens a closed deal into an open stage; recorded with the reason. The stage rules of kind
   * {@link TransitionKind#REOPEN} apply.
   *
   * @throws ValidationException if the deal is open or the stage is not an open stage
   */
  public CommandResult reopen(ReopenDeal command) {
    return transitions.reopen(command);
  }

  /**
   * Logs an activity that happened, on a deal, an account or both. On a deal (open or closed) it
   * updates the last-activity time and appends an event.
   *
   * @return the activity
   * @throws ValidationException for bad input, neither deal nor account, or a time in the future
   */
  public Activity logActivity(LogActivity command) {
    return activities.log(command);
  }

  /**
   * Schedules a follow-up due later, on a deal, an account or both. On a deal it counts as
   * engagement until it is due.
   *
   * @return the scheduled activity
   * @throws ValidationException for bad input or a due time not in the future
   */
  public Activity scheduleFollowUp(ScheduleFollowUp command) {
    return activities.scheduleFollowUp(command);
  }

  /**
   * The earliest {@code openedAt} or {@code movedAt} an import may carry, 1900-01-01T00:00:00Z:
   * older times are not kept faithfully by every store (times before year 1 went missing from event
   * streams), and no sales record is that old.
   */
  public static final Instant EARLIEST_IMPORT_TIME = Instant.parse("1900-01-01T00:00:00Z");

  /** How many deals {@link #importDeals} writes per all-or-nothing batch. */
  public static final int IMPORT_BATCH_SIZE = 1_000;

  /**
   * Brings in deals from another system, each already in its stage, with its original times. The
   * whole list is validated first, stage rules included (a violating row needs its {@code
   * override}, recorded in its history): if any row is bad, a {@link ValidationException} names
   * every bad row and field ({@code imports[7].amount}) and nothing is written. Then batches of
   * {@value #IMPORT_BATCH_SIZE} are written, each all or nothing where the store supports it (the
   * in-memory and JDBC stores do); a storage failure (or a progress listener that throws) leaves
   * earlier batches written. The import is resumable: give the deals ids (or idempotency keys) and
   * call it again with the same rows; a row whose id (or key) is already in the workspace is not
   * written again, whatever the stored deal holds now, and is listed in {@link
   * ImportResult#alreadyPresent()}, so a retry writes each row exactly once. Rows with neither get
   * a new id on every call and cannot be recognised. Imported won deals do not create retention
   * records. Times lie between {@link #EARLIEST_IMPORT_TIME} and now.
   *
   * @param imports the deals, in the order to write them
   * @param progress hears (rows done, rows in all) after each batch; rows found already present
   *     count as done
   * @return the ids written by this call and those found already present, in input order
   */
  public ImportResult importDeals(List<DealImport> imports, ProgressListener progress) {
    return importer.importDeals(imports, IMPORT_BATCH_SIZE, progress);
  }

  /**
   * Sets an account's retention status (the Post-Sale/Retention stage) directly: no retention rule
   * runs and no history event is written. Prefer {@link #changeRetention}, which does both.
   *
   * @throws ValidationException if the account never had a won deal
   */
  public CustomerRetention updateRetention(
      AccountId account, RetentionStatus status, Optional<LocalDate> renewalDate) {
    return transitions.updateRetention(account, status, renewalDate);
  }

  /**
   * Runs a retention lifecycle command (issue 17) on the account's retention record: the {@link
   * RetentionPolicy}'s rules check it, its events join the history of the account's anchoring won
   * deal ({@link CustomerRetention#wonDeal()}) and commit with the new record, all or nothing;
   * listeners hear them; a reused idempotency key returns the first result.
   *
   * @param command the command
   * @return the record after the command and the events it appended
   * @throws ValidationException if the input is bad or the account never had a won deal; nothing is
   *     written
   * @throws IllegalRetentionMoveException with every violation if the rules refuse; nothing is
   *     written
   * @throws ConcurrentRetentionModificationException if the record changed meanwhile
   */
  public RetentionResult changeRetention(RetentionCommand command) {
    return retentionLifecycle.change(command);
  }

  /**
   * Marks every ACTIVE or RENEWED account whose renewal date falls within the policy's renewal lead
   * time ({@link RetentionPolicy#renewalLeadTime()}) as RENEWAL_DUE, one command each.
   *
   * @param actor who runs the sweep
   * @return one result per account marked, in account id order
   */
  public List<RetentionResult> markRenewalsDue(UserId actor) {
    return retentionLifecycle.markRenewalsDue(actor);
  }

  /** One page of matching accounts in retention, in account id order. */
  public RetentionPage findRetention(RetentionQuery query) {
    CommandChecks.requireNonNull("query", query);
    return context.ws().findRetention(query);
  }

  /** Matching accounts in retention, streamed in account id order; close the stream. */
  public Stream<CustomerRetention> streamRetention(RetentionQuery query) {
    CommandChecks.requireNonNull("query", query);
    return context.ws().streamRetention(query);
  }

  /**
   * The account's retention history: status changes, recurring revenue changes, health checks and
   * renewal terms from the histories of its deals, oldest first.
   */
  public List<DealEvent> retentionHistory(AccountId account) {
    return retentionViews.history(account);
  }

  /** The board of the retention stage in the reporting currency. */
  public RetentionBoard retentionBoard() {
    return retentionViews.board(context.reportingCurrency());
  }

  /**
   * The board of the retention stage: per retention status, the number of accounts and their
   * recurring value converted into the currency at today's rates.
   *
   * @throws CurrencyConversionException if a recurring value cannot be converted
   */
  public RetentionBoard retentionBoard(Currency currency) {
    return retentionViews.board(currency);
  }

  /**
   * The open expansion pipeline (upsell and cross-sell deals) per account and per owner, converted
   * into the currency at today's rates.
   *
   * @throws CurrencyConversionException if an amount cannot be converted
   */
  public ExpansionPipeline expansionPipeline(Currency currency) {
    return retentionViews.expansionPipeline(currency);
  }

  /**
   * Customer-success work items (at-risk signals): renewals due or accounts at risk without
   * activity for {@code idle}, onboardings past {@link RetentionPolicy#onboardingTarget()},
   * follow-ups past due; most urgent kind first, longest waiting first.
   *
   * @throws ValidationException if {@code idle} is null or negative
   */
  public List<RetentionSignal> retentionSignals(Duration idle) {
    return retentionViews.signals(idle);
  }

  /** The engine's Post-Sale/Retention policy. */
  public RetentionPolicy retentionPolicy() {
    return context.retentionPolicy();
  }

  /** The account's retention record, if it ever had a won deal. */
  public Optional<CustomerRetention> retention(AccountId account) {
    return context.ws().retention(account);
  }

  /** The deal, if it exists in this workspace. */
  public Optional<Deal> deal(DealId id) {
    return context.ws().deal(id);
  }

  /**
   * The deal.
   *
   * @throws DealNotFoundException if it does not exist in this workspace
   */
  public Deal requireDeal(DealId id) {
    return context.requireDeal(id);
  }

  /**
   * One page of matching deals, in id order: by pipeline, stages, owners, account, statuses, name
   * ({@link org.salespipeline.core.store.TextMatch}: prefix or contains, case-insensitive),
   * expected close date range and amount range (see {@link DealQuery}).
   */
  public Page<Deal> findDeals(DealQuery query) {
    return context.ws().findDeals(query);
  }

  /** Matching deals, streamed in id order; close the stream. */
  public Stream<Deal> streamDeals(DealQuery query) {
    return context.ws().streamDeals(query);
  }

  /** The deal's history, oldest first. */
  public List<DealEvent> history(DealId id) {
    return context.ws().history(id);
  }

  /**
   * Every committed event of this workspace, from a position the caller stores: see {@link
   * EventFeed}.
   */
  public EventFeed feed() {
    return EventFeed.of(context.ws());
  }

  /** The activities logged or scheduled on the deal. */
  public List<Activity> activities(DealId id) {
    return context.ws().activities(id);
  }

  /** The deal as it stood at a past instant, rebuilt from its history; empty before it existed. */
  public Optional<Deal> dealAsOf(DealId id, Instant instant) {
    return DealHistory.asOf(context.ws().history(id), instant);
  }

  /** Total time the deal spent in each stage so far. */
  public Map<String, Duration> timeInStage(DealId id) {
    return DealHistory.timeInStage(context.ws().history(id), context.now());
  }

  /** The board of the default pipeline in the reporting currency. */
  public Board board() {
    return board(context.defaultPipeline(), context.reportingCurrency());
  }

  /**
   * The board of a pipeline: per open stage, its open deals, count, total and weighted amount,
   * converted into the currency at today's rates.
   *
   * @throws CurrencyConversionException if a deal's currency cannot be converted
   */
  public Board board(PipelineId pipelineId, Currency currency) {
    return views.board(pipelineId, currency);
  }

  /**
   * Open deals without engagement for longer than their stage's idle threshold, longest idle first.
   * Engagement is the later of the last activity and entering the stage; a follow-up scheduled in
   * the future counts as engagement.
   *
   * @param owner only this owner's deals, if given
   * @param stage only deals in this stage, if given
   */
  public List<IdleDeal> idleDeals(Optional<UserId> owner, Optional<String> stage) {
    return views.idleDeals(owner, stage);
  }

  // ---- forecast calls and adjustments (issue 18) ----

  /**
   * Submits a forecast call, stamped with the clock's instant, with the open and won deals (not
   * omitted) of the node's owners closing in the period recorded behind it. Calls are append-only.
   *
   * @throws ValidationException if an amount is negative, the amounts are not commit &lt;= most
   *     likely &lt;= best case in one currency, or the note or type is bad
   * @throws org.salespipeline.core.call.CallRefusedException if the period's submission window is
   *     not open yet, past its deadline or locked; nothing is stored
   */
  public org.salespipeline.core.call.ForecastCall submitCall(
      org.salespipeline.core.call.SubmitCall command) {
    return forecastCalls.submit(command);
  }

  /** The calls of one owner for a period and forecast type: the latest, and as of any instant. */
  public org.salespipeline.core.call.CallHistory calls(
      org.salespipeline.core.org.OrgNode node,
      org.salespipeline.core.call.CallPeriod period,
      String forecastType) {
    return forecastCalls.calls(node, period, forecastType);
  }

  /** The calls of every owner for a period and forecast type, in submission order. */
  public List<org.salespipeline.core.call.ForecastCall> calls(
      org.salespipeline.core.call.CallPeriod period, String forecastType) {
    return forecastCalls.calls(period, forecastType);
  }

  /**
   * Adjusts one roll-up cell (override or delta, with a reason). Adjustments never touch deals;
   * {@code org.salespipeline.forecast.rollup.AdjustedRollups} layers them over the system figures.
   *
   * @return the new version of the cell
   * @throws ValidationException if the reason is blank, an override negative or the kind CLEARED
   * @throws org.salespipeline.core.call.AdjustmentNotAllowedException if the actor does not manage
   *     a team strictly above the node
   * @throws org.salespipeline.core.call.ConcurrentAdjustmentModificationException if the cell's
   *     version is not the expected one; nothing is stored
   */
  public org.salespipeline.core.call.Adjustment adjustForecast(
      org.salespipeline.core.call.AdjustForecast command) {
    return forecastCalls.adjust(command);
  }

  /**
   * Reverts a cell's latest adjustment: a new version restores the state before it.
   *
   * @throws org.salespipeline.core.call.AdjustmentNotAllowedException as {@link #adjustForecast}
   * @throws org.salespipeline.core.call.ConcurrentAdjustmentModificationException if the cell's
   *     version is not the expected one
   */
  public org.salespipeline.core.call.Adjustment revertAdjustment(
      org.salespipeline.core.call.RevertAdjustment command) {
    return forecastCalls.revert(command);
  }

  /** Every adjustment version of a period and forecast type. */
  public org.salespipeline.core.call.AdjustmentLedger adjustments(
      org.salespipeline.core.call.CallPeriod period, String forecastType) {
    return forecastCalls.adjustments(period, forecastType);
  }
}
