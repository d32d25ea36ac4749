package org.salespipeline.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.salespipeline.core.command.ChangesDeal;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.DealCommand;
import org.salespipeline.core.command.DealImport;
import org.salespipeline.core.command.ImportResult;
import org.salespipeline.core.command.LogActivity;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.RecordQualification;
import org.salespipeline.core.command.ReopenDeal;
import org.salespipeline.core.command.ScheduleFollowUp;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.event.PipelineListener;
import org.salespipeline.core.internal.Problems;
import org.salespipeline.core.internal.Texts;
import org.salespipeline.core.qualification.QualificationAssessment;
import org.salespipeline.core.qualification.QualificationFramework;
import org.salespipeline.core.qualification.QualificationResult;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.rule.RuleViolation;
import org.salespipeline.core.rule.Transition;
import org.salespipeline.core.rule.TransitionKind;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;
import org.salespipeline.core.stage.StageOutcome;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.DuplicateIdempotencyKeyException;
import org.salespipeline.core.store.IdempotencyRecord;
import org.salespipeline.core.store.Page;
import org.salespipeline.core.store.PipelineStore;
import org.salespipeline.core.store.WorkspaceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sales pipeline of one workspace: every change to a deal goes through here.
 *
 * <p>Each command validates its input (every problem reported at once, naming field and value),
 * runs the stage rules on stage changes (all violations at once), appends history events and writes
 * the deal, its events, activities and idempotency key in one all-or-nothing commit. A refused or
 * failed command changes nothing. Listeners hear committed events only.
 *
 * <p>Limits on input: names, subjects and reasons at most 200 characters without control
 * characters; next steps and list items at most 2,000 characters; at most 50 items per list;
 * amounts from 0 to 10^15; probabilities in [0, 1]; expected close dates within 10 years of today;
 * idempotency keys at most 200 characters.
 *
 * <p>Thread-safe: build one per workspace and share it. Concurrent commands on one deal are
 * resolved by optimistic versioning: one wins, the others fail with {@link
 * ConcurrentDealModificationException}.
 */
public final class SalesPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(SalesPipeline.class);
  private static final Duration ONBOARDING_FOLLOW_UP = Duration.ofDays(7);

  private final PipelineStore store;
  private final WorkspaceStore ws;
  private final Clock clock;
  private final IdGenerator ids;
  private final Map<PipelineId, PipelineDefinition> pipelines;
  private final PipelineId defaultPipeline;
  private final RuleSet rules;
  private final Map<String, QualificationFramework<?>> frameworks;
  private final CurrencyConverter converter;
  private final Currency reportingCurrency;
  private final List<PipelineListener> listeners;

  private SalesPipeline(SalesPipelineBuilder b, WorkspaceId workspace) {
    this.store = b.store;
    this.ws = b.store.workspace(workspace);
    this.clock = b.clock;
    this.ids = b.ids != null ? b.ids : IdGenerator.timeOrdered(b.clock);
    this.pipelines = Map.copyOf(b.pipelines);
    this.defaultPipeline = b.defaultPipeline;
    this.rules = b.rules;
    this.frameworks = Map.copyOf(b.frameworks);
    this.converter = b.converter;
    this.reportingCurrency = b.reportingCurrency;
    this.listeners = List.copyOf(b.listeners);
    for (PipelineDefinition definition : b.pipelines.values()) {
      if (!ws.pipeline(definition.id()).equals(Optional.of(definition))) {
        ws.savePipeline(definition);
      }
    }
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

  static SalesPipeline create(SalesPipelineBuilder builder) {
    return new SalesPipeline(builder, builder.workspace);
  }

  /** The same engine configuration bound to another workspace. */
  public SalesPipeline forWorkspace(WorkspaceId workspace) {
    SalesPipelineBuilder copy = new SalesPipelineBuilder();
    copy.store = store;
    copy.clock = clock;
    copy.ids = ids;
    copy.pipelines.putAll(pipelines);
    copy.defaultPipeline = defaultPipeline;
    copy.rules = rules;
    copy.frameworks.putAll(frameworks);
    copy.converter = converter;
    copy.reportingCurrency = reportingCurrency;
    copy.listeners.addAll(listeners);
    return new SalesPipeline(copy, workspace);
  }

  /** The workspace this engine works in. */
  public WorkspaceId workspace() {
    return ws.workspaceId();
  }

  /** The store view of this workspace, for reads the engine does not wrap. */
  public WorkspaceStore store() {
    return ws;
  }

  /** The engine's clock. */
  public Clock clock() {
    return clock;
  }

  /** The reporting currency totals use by default. */
  public Currency reportingCurrency() {
    return reportingCurrency;
  }

  /** The converter totals use. */
  public CurrencyConverter currencyConverter() {
    return converter;
  }

  // ------------------------------------------------------------------ reference data

  /**
   * The pipeline definition.
   *
   * @throws ValidationException if no pipeline has the id
   */
  public PipelineDefinition pipeline(PipelineId id) {
    PipelineDefinition definition = pipelines.get(id);
    if (definition == null) {
      definition =
          ws.pipeline(id)
              .orElseThrow(
                  () ->
                      new ValidationException(
                          FieldProblem.of("pipeline", id, "is not a known pipeline")));
    }
    return definition;
  }

  /** The pipeline new deals open in unless the command names another. */
  public PipelineDefinition defaultPipeline() {
    return pipeline(defaultPipeline);
  }

  /** Every pipeline this engine was configured with, by id. */
  public List<PipelineDefinition> pipelines() {
    return pipelines.values().stream()
        .sorted(Comparator.comparing(PipelineDefinition::id))
        .toList();
  }

  /**
   * Creates an account.
   *
   * @throws ValidationException if the name is blank, too long or has control characters
   */
  public Account createAccount(String name, Optional<String> industry, Optional<UserId> owner) {
    Problems problems = new Problems().line("name", name, Problems.MAX_LINE);
    industry.ifPresent(i -> problems.line("industry", i, Problems.MAX_LINE));
    problems.throwIfAny();
    Account account =
        Account.builder()
            .id(new AccountId(ids.next()))
            .workspace(workspace())
            .name(name)
            .industry(industry)
            .owner(owner)
            .createdAt(clock.instant())
            .build();
    ws.saveAccount(account);
    return account;
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
    Problems problems = new Problems().line("name", name, Problems.MAX_LINE);
    email.ifPresent(
        e -> {
          problems.line("email", e, Problems.MAX_LINE);
          if (!e.contains("@")) {
            problems.add("email", e, "is not an e-mail address");
          }
        });
    account.ifPresent(a -> requireAccount(problems, "account", a));
    problems.throwIfAny();
    Contact contact =
        Contact.builder()
            .id(new ContactId(ids.next()))
            .workspace(workspace())
            .account(account)
            .name(name)
            .email(email)
            .build();
    ws.saveContact(contact);
    return contact;
  }

  /** Creates or replaces a team of this workspace. */
  public Team saveTeam(Team team) {
    Problems problems = new Problems().line("name", team.name(), Problems.MAX_LINE);
    if (!team.workspace().equals(workspace())) {
      problems.add("workspace", team.workspace(), "must be " + workspace());
    }
    problems.throwIfAny();
    ws.saveTeam(team);
    return team;
  }

  /** The teams of this workspace. */
  public List<Team> teams() {
    return ws.teams();
  }

  /** Sets a quota for an owner or a team and period. */
  public Quota setQuota(Quota quota) {
    Problems problems = new Problems().amount("amount", quota.amount());
    if (!quota.workspace().equals(workspace())) {
      problems.add("workspace", quota.workspace(), "must be " + workspace());
    }
    problems.throwIfAny();
    ws.saveQuota(quota);
    return quota;
  }

  /** The quotas of this workspace. */
  public List<Quota> quotas() {
    return ws.quotas();
  }

  // ------------------------------------------------------------------ commands

  /**
   * Opens a deal in the first stage of its pipeline.
   *
   * @throws ValidationException for bad input, an unknown pipeline, account, contact or linked
   *     deal, or an expansion deal without a won deal to link to
   */
  public CommandResult openDeal(OpenDeal command) {
    Instant now = clock.instant();
    Deal deal = newDeal(command, now);
    Optional<CommandResult> replayed = replay(command.idempotencyKey());
    if (replayed.isPresent()) {
      return replayed.get();
    }
    DealEvent created =
        new DealEvent(
            deal.id(),
            1,
            1,
            now,
            command.actor(),
            command.idempotencyKey(),
            new Change.Created(deal));
    return commit(
        null, deal, List.of(created), List.of(), Optional.empty(), command.idempotencyKey());
  }

  /** Validates an opening and builds the new deal, created at {@code now}. */
  private Deal newDeal(OpenDeal command, Instant now) {
    LocalDate today = today(now);
    Problems problems = commonChecks(command);
    problems.line("name", command.name(), Problems.MAX_LINE);
    problems.amount("amount", command.amount());
    problems.closeDate("expectedCloseDate", command.expectedCloseDate(), today);
    command.nextStep().ifPresent(s -> problems.text("nextStep", s, Problems.MAX_TEXT, true, true));
    command.probabilityOverride().ifPresent(p -> problems.probability("probabilityOverride", p));
    checkAttributes(problems, command.attributes(), Set.of());
    command.account().ifPresent(a -> requireAccount(problems, "account", a));
    command.primaryContact().ifPresent(c -> requireContact(problems, "primaryContact", c));
    PipelineId pipelineId = command.pipeline().orElse(defaultPipeline);
    PipelineDefinition definition = null;
    try {
      definition = pipeline(pipelineId);
    } catch (ValidationException e) {
      problems.add("pipeline", pipelineId, "is not a known pipeline");
    }
    Optional<AccountId> account = command.account();
    if (command.kind().isExpansion()) {
      if (command.linkedDeal().isEmpty()) {
        problems.add("linkedDeal", null, "is required for a " + command.kind() + " deal");
      } else {
        Optional<Deal> linked = ws.deal(command.linkedDeal().get());
        if (linked.isEmpty() || linked.get().status() != DealStatus.WON) {
          problems.add(
              "linkedDeal", command.linkedDeal().get(), "must be a won deal of this workspace");
        } else if (account.isEmpty()) {
          account = linked.get().account();
        }
      }
    } else if (command.linkedDeal().isPresent() && ws.deal(command.linkedDeal().get()).isEmpty()) {
      problems.add("linkedDeal", command.linkedDeal().get(), "is not a deal of this workspace");
    }
    problems.throwIfAny();

    Stage first = definition.firstStage();
    DealId id = command.id().orElseGet(() -> new DealId(ids.next()));
    return Deal.builder()
        .id(id)
        .workspace(workspace())
        .pipeline(pipelineId)
        .stage(first.key())
        .status(DealStatus.OPEN)
        .name(command.name())
        .kind(command.kind())
        .linkedDeal(command.linkedDeal())
        .account(account)
        .primaryContact(command.primaryContact())
        .owner(command.owner())
        .amount(command.amount())
        .expectedCloseDate(command.expectedCloseDate())
        .source(command.source())
        .forecastCategory(command.forecastCategory().orElse(first.defaultCategory()))
        .categorySetByRep(command.forecastCategory().isPresent())
        .probabilityOverride(command.probabilityOverride())
        .nextStep(command.nextStep())
        .attributes(command.attributes())
        .createdAt(now)
        .stageEnteredAt(now)
        .version(1)
        .lastEventSequence(1)
        .build();
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
    LocalDate today = today(clock.instant());
    Problems problems = commonChecks(command);
    command.name().ifPresent(n -> problems.line("name", n, Problems.MAX_LINE));
    command.amount().ifPresent(a -> problems.amount("amount", a));
    command.expectedCloseDate().ifPresent(d -> problems.closeDate("expectedCloseDate", d, today));
    command.probabilityOverride().ifPresent(p -> problems.probability("probabilityOverride", p));
    if (command.probabilityOverride().isPresent() && command.clearProbabilityOverride()) {
      problems.add("clearProbabilityOverride", true, "conflicts with setting probabilityOverride");
    }
    command.nextStep().ifPresent(s -> problems.text("nextStep", s, Problems.MAX_TEXT, true, true));
    command.account().ifPresent(a -> requireAccount(problems, "account", a));
    command.primaryContact().ifPresent(c -> requireContact(problems, "primaryContact", c));
    command
        .needsAnalysis()
        .ifPresent(
            n -> {
              problems.texts("needsAnalysis.painPoints", n.painPoints());
              problems.texts("needsAnalysis.requirements", n.requirements());
            });
    command
        .proposal()
        .ifPresent(
            p -> {
              problems.amount("proposal.amount", p.amount());
              problems.closeDate("proposal.validUntil", p.validUntil(), today);
            });
    command
        .negotiation()
        .ifPresent(
            n -> {
              BigDecimal discount = n.discountPercent();
              if (discount.signum() < 0 || discount.compareTo(BigDecimal.valueOf(100)) > 0) {
                problems.add("negotiation.discountPercent", discount, "must be within [0, 100]");
              }
              problems.texts("negotiation.openObjections", n.openObjections());
            });
    checkAttributes(problems, command.attributes(), command.removeAttributes());
    problems.throwIfAny();

    return onDeal(
        command,
        "update",
        true,
        draft -> {
          Deal deal = draft.current();
          command
              .amount()
              .filter(a -> !a.equals(deal.amount()))
              .ifPresent(a -> draft.add(new Change.AmountChanged(deal.amount(), a)));
          command
              .expectedCloseDate()
              .filter(d -> !d.equals(deal.expectedCloseDate()))
              .ifPresent(
                  d -> {
                    int pushes =
                        deal.closeDatePushCount() + (d.isAfter(deal.expectedCloseDate()) ? 1 : 0);
                    draft.add(new Change.CloseDateChanged(deal.expectedCloseDate(), d, pushes));
                  });
          command
              .owner()
              .filter(o -> !o.equals(deal.owner()))
              .ifPresent(o -> draft.add(new Change.OwnerChanged(deal.owner(), o)));
          command
              .forecastCategory()
              .filter(c -> c != deal.forecastCategory() || !deal.categorySetByRep())
              .ifPresent(
                  c -> draft.add(new Change.CategoryChanged(deal.forecastCategory(), c, true)));
          if (command.probabilityOverride().isPresent()
              && !command.probabilityOverride().equals(deal.probabilityOverride())) {
            draft.add(
                new Change.ProbabilityOverrideChanged(
                    deal.probabilityOverride(), command.probabilityOverride()));
          }
          if (command.clearProbabilityOverride() && deal.probabilityOverride().isPresent()) {
            draft.add(
                new Change.ProbabilityOverrideChanged(
                    deal.probabilityOverride(), java.util.OptionalDouble.empty()));
          }
          detailChanges(draft, command);
        });
  }

  private void detailChanges(Draft draft, UpdateDeal command) {
    Deal deal = draft.current();
    Deal.Builder after = Deal.builder().from(deal);
    Set<String> fields = new LinkedHashSet<>();
    if (command.name().isPresent() && !command.name().get().equals(deal.name())) {
      after.name(command.name().get());
      fields.add("name");
    }
    if (command.account().isPresent() && !command.account().equals(deal.account())) {
      after.account(command.account());
      fields.add("account");
    }
    if (command.primaryContact().isPresent()
        && !command.primaryContact().equals(deal.primaryContact())) {
      after.primaryContact(command.primaryContact());
      fields.add("primaryContact");
    }
    if (command.source().isPresent() && command.source().get() != deal.source()) {
      after.source(command.source().get());
      fields.add("source");
    }
    if (command.nextStep().isPresent() && !command.nextStep().equals(deal.nextStep())) {
      after.nextStep(command.nextStep());
      fields.add("nextStep");
    }
    if (command.needsAnalysis().isPresent()
        && !command.needsAnalysis().equals(deal.needsAnalysis())) {
      after.needsAnalysis(command.needsAnalysis());
      fields.add("needsAnalysis");
    }
    if (command.proposal().isPresent() && !command.proposal().equals(deal.proposal())) {
      after.proposal(command.proposal());
      fields.add("proposal");
    }
    if (command.negotiation().isPresent() && !command.negotiation().equals(deal.negotiation())) {
      after.negotiation(command.negotiation());
      fields.add("negotiation");
    }
    if (!command.attributes().isEmpty() || !command.removeAttributes().isEmpty()) {
      Map<String, AttributeValue> attributes = new LinkedHashMap<>(deal.attributes());
      attributes.putAll(command.attributes());
      command.removeAttributes().forEach(attributes::remove);
      if (!attributes.equals(deal.attributes())) {
        after.attributes(attributes);
        fields.add("attributes");
      }
    }
    if (!fields.isEmpty()) {
      draft.add(new Change.DetailsChanged(fields, after.build()));
    }
  }

  /**
   * Scores an assessment with its framework and records the result on an open deal. A lead that
   * fails qualification is recorded like one that passes.
   *
   * @throws ValidationException if no framework is registered for the assessment
   */
  public CommandResult recordQualification(RecordQualification command) {
    Problems problems = commonChecks(command);
    QualificationAssessment assessment = command.assessment();
    QualificationFramework<?> framework = frameworks.get(assessment.frameworkKey());
    if (framework == null) {
      problems.add(
          "assessment.frameworkKey",
          assessment.frameworkKey(),
          "has no registered framework; registered: " + frameworks.keySet());
    } else if (!framework.assessmentType().isInstance(assessment)) {
      problems.add(
          "assessment",
          assessment.getClass().getSimpleName(),
          "is not a " + framework.assessmentType().getSimpleName());
    }
    problems.throwIfAny();
    QualificationResult result = evaluate(framework, assessment, today(clock.instant()));
    return onDeal(
        command,
        "recordQualification",
        true,
        draft -> draft.add(new Change.QualificationRecorded(result)));
  }

  private static <A extends QualificationAssessment> QualificationResult evaluate(
      QualificationFramework<A> framework, QualificationAssessment assessment, LocalDate today) {
    return framework.evaluate(framework.assessmentType().cast(assessment), today);
  }

  /**
   * Moves an open deal to another open stage through the stage rules.
   *
   * @throws IllegalTransitionException with every violation, unless the command overrides the rules
   * @throws ValidationException for an unknown stage, a closing stage (use win, lose or
   *     disqualify), or the deal's current stage
   */
  public CommandResult move(MoveDeal command) {
    Problems problems = commonChecks(command);
    problems.line("toStage", command.toStage(), Problems.MAX_LINE);
    command.override().ifPresent(r -> problems.line("override", r, Problems.MAX_LINE));
    problems.throwIfAny();
    return onDeal(
        command,
        "move",
        true,
        draft -> {
          PipelineDefinition definition = pipeline(draft.current().pipeline());
          Stage from = definition.requireStage(draft.current().stage());
          Stage to = definition.requireStage(command.toStage());
          if (!to.isOpen()) {
            throw new ValidationException(
                FieldProblem.of(
                    "toStage", to.key(), "is a closing stage; use win, lose or disqualify"));
          }
          if (to.key().equals(from.key())) {
            throw new ValidationException(
                FieldProblem.of("toStage", to.key(), "is the deal's current stage"));
          }
          transition(
              draft,
              definition,
              from,
              to,
              TransitionKind.MOVE,
              Optional.empty(),
              command.override());
        });
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
    return close(command, StageOutcome.WON, TransitionKind.WIN);
  }

  /** Closes an open deal lost; the standard rules need a reason. */
  public CommandResult lose(CloseDeal command) {
    return close(command, StageOutcome.LOST, TransitionKind.LOSE);
  }

  /**
   * Ends an open deal as disqualified, apart from lost; the standard rules need a reason.
   *
   * @throws ValidationException if the pipeline has no disqualified stage
   */
  public CommandResult disqualify(CloseDeal command) {
    return close(command, StageOutcome.DISQUALIFIED, TransitionKind.DISQUALIFY);
  }

  private CommandResult close(CloseDeal command, StageOutcome outcome, TransitionKind kind) {
    Problems problems = commonChecks(command);
    if (!command.reason().isEmpty()) {
      problems.line("reason", command.reason(), Problems.MAX_LINE);
    }
    command.detail().ifPresent(d -> problems.text("detail", d, Problems.MAX_TEXT, true, true));
    command.override().ifPresent(r -> problems.line("override", r, Problems.MAX_LINE));
    problems.throwIfAny();
    return onDeal(
        command,
        kind.name().toLowerCase(java.util.Locale.ROOT),
        true,
        draft -> {
          Deal deal = draft.current();
          PipelineDefinition definition = pipeline(deal.pipeline());
          Stage from = definition.requireStage(deal.stage());
          Stage to =
              definition
                  .stageWithOutcome(outcome)
                  .orElseThrow(
                      () ->
                          new ValidationException(
                              FieldProblem.of(
                                  "pipeline",
                                  definition.id(),
                                  "has no "
                                      + outcome.name().toLowerCase(java.util.Locale.ROOT)
                                      + " stage")));
          String reason =
              command.reason().isBlank() && outcome == StageOutcome.WON ? "won" : command.reason();
          CloseReason closeReason = new CloseReason(outcome.status(), reason, command.detail());
          transition(
              draft, definition, from, to, kind, Optional.of(closeReason), command.override());
          if (outcome == StageOutcome.WON && deal.account().isPresent()) {
            enterRetention(draft, deal.account().get());
          }
        });
  }

  private void enterRetention(Draft draft, AccountId account) {
    Deal deal = draft.current();
    Optional<CustomerRetention> existing = ws.retention(account);
    RetentionStatus status;
    if (deal.kind() == DealKind.RENEWAL) {
      status = RetentionStatus.RENEWED;
    } else if (existing.isEmpty() || existing.get().status() == RetentionStatus.CHURNED) {
      status = RetentionStatus.ONBOARDING;
    } else {
      status = existing.get().status();
    }
    boolean statusChanges = existing.map(e -> e.status() != status).orElse(true);
    draft.retention(
        CustomerRetention.builder()
            .account(account)
            .workspace(workspace())
            .status(status)
            .wonDeal(deal.id())
            .since(statusChanges ? draft.at() : existing.get().since())
            .renewalDate(existing.flatMap(CustomerRetention::renewalDate))
            .version(existing.map(e -> e.version() + 1).orElse(1L))
            .build());
    if (status == RetentionStatus.ONBOARDING && statusChanges) {
      Activity kickoff =
          Activity.builder()
              .id(new ActivityId(ids.next()))
              .workspace(workspace())
              .deal(deal.id())
              .account(account)
              .type(ActivityType.FOLLOW_UP)
              .owner(deal.owner())
              .subject("Onboarding kick-off")
              .dueAt(draft.at().plus(ONBOARDING_FOLLOW_UP))
              .recordedAt(draft.at())
              .build();
      draft.activity(kickoff);
      draft.add(
          new Change.ActivityLogged(
              kickoff.id(), kickoff.type(), Optional.empty(), kickoff.dueAt()));
    }
  }

  /**
   * Reopens a closed deal into an open stage; recorded with the reason. The stage rules of kind
   * {@link TransitionKind#REOPEN} apply.
   *
   * @throws ValidationException if the deal is open or the stage is not an open stage
   */
  public CommandResult reopen(ReopenDeal command) {
    Problems problems = commonChecks(command);
    problems.line("toStage", command.toStage(), Problems.MAX_LINE);
    problems.line("reason", command.reason(), Problems.MAX_LINE);
    problems.throwIfAny();
    return onDeal(
        command,
        "reopen",
        false,
        draft -> {
          Deal deal = draft.current();
          if (deal.isOpen()) {
            throw new ValidationException(
                FieldProblem.of("deal", deal.id(), "is open; only closed deals can be reopened"));
          }
          PipelineDefinition definition = pipeline(deal.pipeline());
          Stage from = definition.requireStage(deal.stage());
          Stage to = definition.requireStage(command.toStage());
          if (!to.isOpen()) {
            throw new ValidationException(
                FieldProblem.of("toStage", to.key(), "is not an open stage"));
          }
          draft.add(new Change.Reopened(deal.status(), command.reason()));
          transition(
              draft,
              definition,
              from,
              to,
              TransitionKind.REOPEN,
              Optional.empty(),
              Optional.empty());
        });
  }

  private void transition(
      Draft draft,
      PipelineDefinition definition,
      Stage from,
      Stage to,
      TransitionKind kind,
      Optional<CloseReason> reason,
      Optional<String> override) {
    Deal deal = draft.current();
    Transition transition =
        new Transition(deal, definition, from, to, kind, reason, draft.actor(), draft.at());
    List<RuleViolation> violations = rules.check(transition);
    if (!violations.isEmpty()) {
      if (override.isEmpty()) {
        throw new IllegalTransitionException(deal.id(), from.key(), to.key(), violations);
      }
      draft.add(new Change.RuleOverridden(from.key(), to.key(), violations, override.get()));
    }
    draft.add(new Change.StageChanged(from.key(), to.key()));
    boolean closing = !to.isOpen();
    if (closing || !deal.categorySetByRep()) {
      if (deal.forecastCategory() != to.defaultCategory() || deal.categorySetByRep()) {
        draft.add(new Change.CategoryChanged(deal.forecastCategory(), to.defaultCategory(), false));
      }
    }
    reason.ifPresent(
        r -> {
          switch (r.status()) {
            case WON -> draft.add(new Change.Won(r));
            case LOST -> draft.add(new Change.Lost(r));
            case DISQUALIFIED -> draft.add(new Change.Disqualified(r));
            default -> throw new IllegalStateException("open is not a close reason");
          }
        });
  }

  /**
   * Logs an activity that happened, on a deal, an account or both. On a deal (open or closed) it
   * updates the last-activity time and appends an event.
   *
   * @return the activity
   * @throws ValidationException for bad input, neither deal nor account, or a time in the future
   */
  public Activity logActivity(LogActivity command) {
    Instant now = clock.instant();
    Problems problems = commonChecks(command);
    problems.line("subject", command.subject(), Problems.MAX_LINE);
    command.outcome().ifPresent(o -> problems.text("outcome", o, Problems.MAX_TEXT, true, true));
    command
        .occurredAt()
        .filter(t -> t.isAfter(now))
        .ifPresent(
            t ->
                problems.add(
                    "occurredAt", t, "must not be in the future; schedule a follow-up instead"));
    return recordActivity(
        problems,
        command,
        command.deal(),
        command.account(),
        command.type(),
        command.subject(),
        Optional.of(command.occurredAt().orElse(now)),
        Optional.empty(),
        command.outcome(),
        command.owner());
  }

  /**
   * Schedules a follow-up due later, on a deal, an account or both. On a deal it counts as
   * engagement until it is due.
   *
   * @return the scheduled activity
   * @throws ValidationException for bad input or a due time not in the future
   */
  public Activity scheduleFollowUp(ScheduleFollowUp command) {
    Instant now = clock.instant();
    Problems problems = commonChecks(command);
    problems.line("subject", command.subject(), Problems.MAX_LINE);
    if (command.dueAt().isBefore(now)) {
      problems.add("dueAt", command.dueAt(), "must not be in the past");
    } else {
      problems.closeDate(
          "dueAt", LocalDate.ofInstant(command.dueAt(), clock.getZone()), today(now));
    }
    return recordActivity(
        problems,
        command,
        command.deal(),
        command.account(),
        command.type(),
        command.subject(),
        Optional.empty(),
        Optional.of(command.dueAt()),
        Optional.empty(),
        command.owner());
  }

  private Activity recordActivity(
      Problems problems,
      DealCommand command,
      Optional<DealId> dealId,
      Optional<AccountId> accountId,
      ActivityType type,
      String subject,
      Optional<Instant> occurredAt,
      Optional<Instant> dueAt,
      Optional<String> outcome,
      Optional<UserId> owner) {
    if (dealId.isEmpty() && accountId.isEmpty()) {
      problems.add("deal", null, "a deal or an account is required");
    }
    accountId.ifPresent(a -> requireAccount(problems, "account", a));
    problems.throwIfAny();
    Instant now = clock.instant();
    Activity.Builder activity =
        Activity.builder()
            .id(new ActivityId(ids.next()))
            .workspace(workspace())
            .type(type)
            .owner(owner.orElse(command.actor()))
            .subject(subject)
            .occurredAt(occurredAt)
            .dueAt(dueAt)
            .outcome(outcome)
            .recordedAt(now);
    if (dealId.isEmpty()) {
      Activity built = activity.account(accountId).build();
      ws.saveAccountActivity(built);
      return built;
    }
    Activity[] logged = new Activity[1];
    CommandResult result =
        run(
            dealId.get(),
            command.actor(),
            command.idempotencyKey(),
            OptionalLong.empty(),
            "logActivity",
            false,
            draft -> {
              Activity built =
                  activity
                      .deal(dealId)
                      .account(accountId.or(() -> draft.current().account()))
                      .build();
              logged[0] = built;
              draft.activity(built);
              draft.add(new Change.ActivityLogged(built.id(), type, occurredAt, dueAt));
            });
    if (logged[0] != null && !result.replayed()) {
      return logged[0];
    }
    // A replay: find the activity the first command logged.
    ActivityId first =
        result.events().stream()
            .map(DealEvent::change)
            .filter(Change.ActivityLogged.class::isInstance)
            .map(c -> ((Change.ActivityLogged) c).activity())
            .findFirst()
            .orElseThrow(
                () ->
                    new ValidationException(
                        FieldProblem.of(
                            "idempotencyKey",
                            command.idempotencyKey().orElse(null),
                            "was used by a command that logged no activity")));
    return ws.activities(dealId.get()).stream()
        .filter(a -> a.id().equals(first))
        .findFirst()
        .orElseThrow(
            () -> new StorageException("activity " + first + " of a replayed command is missing"));
  }

  /** How many deals {@link #importDeals} writes per all-or-nothing batch. */
  public static final int IMPORT_BATCH_SIZE = 1_000;

  /**
   * Brings in deals from another system, each already in its stage, with its original times. The
   * whole list is validated first, stage rules included (a violating row needs its {@code
   * override}, recorded in its history): if any row is bad, a {@link ValidationException} names
   * every bad row and field ({@code imports[7].amount}) and nothing is written. Then batches of
   * {@value #IMPORT_BATCH_SIZE} are written, each all or nothing where the store supports it (the
   * in-memory and JDBC stores do); a storage failure leaves earlier batches written, so give the
   * deals ids (or idempotency keys) to make a retry safe. Imported won deals do not create
   * retention records.
   *
   * @param imports the deals, in the order to write them
   * @param progress hears (deals written, deals in all) after each batch
   * @return the ids written, in input order
   */
  public ImportResult importDeals(List<DealImport> imports, ProgressListener progress) {
    List<FieldProblem> problems = new ArrayList<>();
    List<DealCommit> commits = new ArrayList<>(imports.size());
    Set<DealId> seen = new java.util.HashSet<>();
    int overridden = 0;
    for (int i = 0; i < imports.size(); i++) {
      String prefix = "imports[" + i + "].";
      try {
        DealCommit commit = importCommit(imports.get(i));
        if (!seen.add(commit.deal().id())) {
          problems.add(FieldProblem.of(prefix + "id", commit.deal().id(), "is imported twice"));
        }
        if (commit.events().stream().anyMatch(e -> e.change() instanceof Change.RuleOverridden)) {
          overridden++;
        }
        commits.add(commit);
      } catch (ValidationException e) {
        e.problems()
            .forEach(
                p -> problems.add(new FieldProblem(prefix + p.field(), p.value(), p.message())));
      } catch (IllegalTransitionException e) {
        problems.add(
            FieldProblem.of(
                prefix + "stage",
                e.toStage(),
                "violates the stage rules "
                    + e.violations()
                    + "; give an override to import it as it stands"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    progress.progress(0, commits.size());
    for (int from = 0; from < commits.size(); from += IMPORT_BATCH_SIZE) {
      List<DealCommit> batch =
          commits.subList(from, Math.min(commits.size(), from + IMPORT_BATCH_SIZE));
      ws.commitAll(batch);
      for (DealCommit commit : batch) {
        notifyListeners(commit.deal(), commit.events());
      }
      progress.progress(from + batch.size(), commits.size());
    }
    LOG.info(
        "imported {} deals into workspace {} ({} with rules overridden)",
        commits.size(),
        workspace(),
        overridden);
    return new ImportResult(commits.stream().map(c -> c.deal().id()).toList(), overridden);
  }

  private DealCommit importCommit(DealImport row) {
    OpenDeal command = row.deal();
    Instant now = clock.instant();
    Instant openedAt = row.openedAt().orElse(now);
    Instant movedAt = row.movedAt().orElse(openedAt);
    Problems problems = new Problems();
    if (openedAt.isAfter(now)) {
      problems.add("openedAt", openedAt, "must not be in the future");
    }
    if (movedAt.isBefore(openedAt) || movedAt.isAfter(now)) {
      problems.add("movedAt", movedAt, "must lie between openedAt " + openedAt + " and now");
    }
    row.closeReason().ifPresent(r -> problems.line("closeReason", r, Problems.MAX_LINE));
    row.override().ifPresent(r -> problems.line("override", r, Problems.MAX_LINE));
    problems.throwIfAny();
    Deal created = newDeal(command, openedAt);
    List<DealEvent> events = new ArrayList<>();
    events.add(
        new DealEvent(
            created.id(),
            1,
            1,
            openedAt,
            command.actor(),
            command.idempotencyKey(),
            new Change.Created(created)));
    PipelineDefinition definition = pipeline(created.pipeline());
    Stage from = definition.requireStage(created.stage());
    Stage to = row.stage().map(definition::requireStage).orElse(from);
    Deal deal = created;
    if (!to.key().equals(from.key())) {
      Draft draft = new Draft(created, 1, movedAt, command.actor(), command.idempotencyKey());
      TransitionKind kind =
          switch (to.outcome()) {
            case OPEN -> TransitionKind.MOVE;
            case WON -> TransitionKind.WIN;
            case LOST -> TransitionKind.LOSE;
            case DISQUALIFIED -> TransitionKind.DISQUALIFY;
          };
      Optional<CloseReason> reason =
          to.isOpen()
              ? Optional.empty()
              : Optional.of(
                  new CloseReason(
                      to.outcome().status(),
                      row.closeReason().orElse(to.outcome() == StageOutcome.WON ? "won" : ""),
                      Optional.empty()));
      transition(draft, definition, from, to, kind, reason, row.override());
      events.addAll(draft.events());
      deal = draft.current();
    }
    return new DealCommit(0, deal, events, List.of(), Optional.empty(), command.idempotencyKey());
  }

  /**
   * Sets an account's retention status (the Post-Sale/Retention stage).
   *
   * @throws ValidationException if the account never had a won deal
   */
  public CustomerRetention updateRetention(
      AccountId account, RetentionStatus status, Optional<LocalDate> renewalDate) {
    CustomerRetention current =
        ws.retention(account)
            .orElseThrow(
                () ->
                    new ValidationException(
                        FieldProblem.of(
                            "account", account, "has no won deal, so no retention record")));
    CustomerRetention next =
        CustomerRetention.builder()
            .from(current)
            .status(status)
            .since(current.status() == status ? current.since() : clock.instant())
            .renewalDate(renewalDate.or(current::renewalDate))
            .version(current.version() + 1)
            .build();
    ws.commitRetention(next, List.of());
    return next;
  }

  /** The account's retention record, if it ever had a won deal. */
  public Optional<CustomerRetention> retention(AccountId account) {
    return ws.retention(account);
  }

  // ------------------------------------------------------------------ queries

  /** The deal, if it exists in this workspace. */
  public Optional<Deal> deal(DealId id) {
    return ws.deal(id);
  }

  /**
   * The deal.
   *
   * @throws DealNotFoundException if it does not exist in this workspace
   */
  public Deal requireDeal(DealId id) {
    return ws.deal(id).orElseThrow(() -> new DealNotFoundException(workspace(), id));
  }

  /** One page of matching deals, in id order. */
  public Page<Deal> findDeals(DealQuery query) {
    return ws.findDeals(query);
  }

  /** Matching deals, streamed in id order; close the stream. */
  public Stream<Deal> streamDeals(DealQuery query) {
    return ws.streamDeals(query);
  }

  /** The deal's history, oldest first. */
  public List<DealEvent> history(DealId id) {
    return ws.history(id);
  }

  /** The activities logged or scheduled on the deal. */
  public List<Activity> activities(DealId id) {
    return ws.activities(id);
  }

  /** The deal as it stood at a past instant, rebuilt from its history; empty before it existed. */
  public Optional<Deal> dealAsOf(DealId id, Instant instant) {
    return DealHistory.asOf(ws.history(id), instant);
  }

  /** Total time the deal spent in each stage so far. */
  public Map<String, Duration> timeInStage(DealId id) {
    return DealHistory.timeInStage(ws.history(id), clock.instant());
  }

  /** The board of the default pipeline in the reporting currency. */
  public Board board() {
    return board(defaultPipeline, reportingCurrency);
  }

  /**
   * The board of a pipeline: per open stage, its open deals, count, total and weighted amount,
   * converted into the currency at today's rates.
   *
   * @throws CurrencyConversionException if a deal's currency cannot be converted
   */
  public Board board(PipelineId pipelineId, Currency currency) {
    PipelineDefinition definition = pipeline(pipelineId);
    LocalDate today = today(clock.instant());
    Map<String, List<Deal>> byStage = new LinkedHashMap<>();
    definition.openStages().forEach(s -> byStage.put(s.key(), new ArrayList<>()));
    try (Stream<Deal> deals =
        ws.streamDeals(
            DealQuery.builder().pipeline(pipelineId).addStatuses(DealStatus.OPEN).build())) {
      deals.forEach(d -> byStage.computeIfAbsent(d.stage(), k -> new ArrayList<>()).add(d));
    }
    int digits = Math.max(currency.getDefaultFractionDigits(), 0);
    List<BoardColumn> columns = new ArrayList<>();
    for (Stage stage : definition.openStages()) {
      List<Deal> deals = byStage.get(stage.key());
      BigDecimal total = BigDecimal.ZERO;
      BigDecimal weighted = BigDecimal.ZERO;
      BigDecimal probability = BigDecimal.valueOf(stage.defaultProbability());
      for (Deal deal : deals) {
        BigDecimal amount = converter.convert(deal.amount(), currency, today).amount();
        total = total.add(amount);
        weighted = weighted.add(amount.multiply(probability));
      }
      columns.add(
          new BoardColumn(
              stage,
              deals,
              new Money(total, currency),
              new Money(weighted.setScale(digits, RoundingMode.HALF_EVEN), currency)));
    }
    return new Board(pipelineId, currency, columns);
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
    Instant now = clock.instant();
    DealQuery.Builder query = DealQuery.builder().addStatuses(DealStatus.OPEN);
    owner.ifPresent(query::addOwners);
    stage.ifPresent(query::addStages);
    List<IdleDeal> idle = new ArrayList<>();
    try (Stream<Deal> deals = ws.streamDeals(query.build())) {
      deals.forEach(
          deal -> {
            Optional<Duration> threshold =
                pipeline(deal.pipeline()).stage(deal.stage()).flatMap(Stage::idleThreshold);
            if (threshold.isEmpty()
                || deal.followUpDueAt().filter(due -> due.isAfter(now)).isPresent()) {
              return;
            }
            Instant engaged =
                deal.lastActivityAt()
                    .filter(a -> a.isAfter(deal.stageEnteredAt()))
                    .orElse(deal.stageEnteredAt());
            Duration idleFor = Duration.between(engaged, now);
            if (idleFor.compareTo(threshold.get()) > 0) {
              idle.add(new IdleDeal(deal, idleFor, threshold.get()));
            }
          });
    }
    idle.sort(Comparator.comparing(IdleDeal::idleFor).reversed());
    return idle;
  }

  // ------------------------------------------------------------------ machinery

  private LocalDate today(Instant now) {
    return LocalDate.ofInstant(now, clock.getZone());
  }

  private Problems commonChecks(DealCommand command) {
    Problems problems = new Problems();
    problems.notNull("actor", command.actor());
    problems.idempotencyKey(command.idempotencyKey());
    return problems;
  }

  private void requireAccount(Problems problems, String field, AccountId account) {
    if (ws.account(account).isEmpty()) {
      problems.add(field, account, "is not an account of workspace " + workspace());
    }
  }

  private void requireContact(Problems problems, String field, ContactId contact) {
    if (ws.contact(contact).isEmpty()) {
      problems.add(field, contact, "is not a contact of workspace " + workspace());
    }
  }

  private static void checkAttributes(
      Problems problems, Map<String, AttributeValue> attributes, Set<String> removals) {
    if (attributes.size() > Problems.MAX_ITEMS) {
      problems.add(
          "attributes",
          attributes.size() + " attributes",
          "must have at most " + Problems.MAX_ITEMS);
    }
    attributes.forEach(
        (key, value) -> {
          if (!Texts.isKey(key)) {
            problems.add("attributes", key, "is not a valid attribute key");
          } else if (value instanceof AttributeValue.Text text) {
            problems.text("attributes." + key, text.value(), Problems.MAX_TEXT, true, false);
          }
        });
    removals.stream()
        .filter(k -> !Texts.isKey(k))
        .forEach(k -> problems.add("removeAttributes", k, "is not a valid attribute key"));
  }

  private CommandResult onDeal(
      ChangesDeal command, String name, boolean requireOpen, Consumer<Draft> body) {
    return run(
        command.deal(),
        command.actor(),
        command.idempotencyKey(),
        command.expectedVersion(),
        name,
        requireOpen,
        body);
  }

  private CommandResult run(
      DealId dealId,
      UserId actor,
      Optional<String> key,
      OptionalLong expectedVersion,
      String name,
      boolean requireOpen,
      Consumer<Draft> body) {
    Optional<CommandResult> replayed = replay(key);
    if (replayed.isPresent()) {
      return replayed.get();
    }
    Deal deal;
    Draft draft;
    try {
      deal = requireDeal(dealId);
      if (expectedVersion.isPresent() && expectedVersion.getAsLong() != deal.version()) {
        throw new ConcurrentDealModificationException(
            dealId, expectedVersion.getAsLong(), deal.version());
      }
      if (requireOpen && !deal.isOpen()) {
        throw new ClosedDealException(dealId, deal.status(), name);
      }
      draft = new Draft(deal, clock.instant(), actor, key);
      body.accept(draft);
    } catch (PipelineException e) {
      // why: a replay of this command may have committed between our key check and our read; the
      // command then fails against the state it produced itself, and the caller wants its result.
      Optional<CommandResult> raced = replay(key);
      if (raced.isPresent()) {
        return raced.get();
      }
      throw e;
    }
    if (draft.isEmpty()) {
      return replay(key).orElseGet(() -> new CommandResult(deal, List.of(), false));
    }
    LOG.debug("{} on deal {} by {}: {} event(s)", name, dealId, actor, draft.events().size());
    return commit(
        deal, draft.current(), draft.events(), draft.activities(), draft.retentionChange(), key);
  }

  private CommandResult commit(
      Deal before,
      Deal after,
      List<DealEvent> events,
      List<Activity> activities,
      Optional<CustomerRetention> retention,
      Optional<String> key) {
    long expected = before == null ? 0 : before.version();
    try {
      ws.commit(new DealCommit(expected, after, events, activities, retention, key));
    } catch (DuplicateIdempotencyKeyException e) {
      return replay(key).orElseThrow(() -> e);
    } catch (ConcurrentDealModificationException e) {
      // why: two replays of one command race; the loser sees a conflict but the key is now taken.
      Optional<CommandResult> replayed = replay(key);
      if (replayed.isPresent()) {
        return replayed.get();
      }
      throw e;
    }
    notifyListeners(after, events);
    return new CommandResult(after, events, false);
  }

  private void notifyListeners(Deal deal, List<DealEvent> events) {
    for (PipelineListener listener : listeners) {
      try {
        listener.onCommitted(events);
      } catch (RuntimeException e) {
        LOG.warn(
            "pipeline listener {} failed on deal {}; the command stays committed",
            listener,
            deal.id(),
            e);
      }
    }
  }

  private Optional<CommandResult> replay(Optional<String> key) {
    if (key.isEmpty()) {
      return Optional.empty();
    }
    Optional<IdempotencyRecord> record = ws.idempotencyRecord(key.get());
    if (record.isEmpty()) {
      return Optional.empty();
    }
    long version = record.get().dealVersion();
    List<DealEvent> history = ws.history(record.get().dealId());
    List<DealEvent> upTo = history.stream().filter(e -> e.dealVersion() <= version).toList();
    List<DealEvent> own = upTo.stream().filter(e -> e.dealVersion() == version).toList();
    return Optional.of(new CommandResult(DealHistory.replay(upTo), own, true));
  }
}
