package org.salespipeline.examples.generator;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.ActivityType;
import org.salespipeline.core.ContactId;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealKind;
import org.salespipeline.core.DealSource;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.NeedsAnalysis;
import org.salespipeline.core.Negotiation;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.Proposal;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.LogActivity;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.RecordQualification;
import org.salespipeline.core.command.ScheduleFollowUp;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.qualification.AuthorityRole;
import org.salespipeline.core.qualification.BantAssessment;
import org.salespipeline.core.qualification.Budget;
import org.salespipeline.core.qualification.Need;
import org.salespipeline.core.qualification.NeedSeverity;
import org.salespipeline.core.qualification.Timeline;
import org.salespipeline.core.stage.StandardPipelines;

/**
 * Plans one deal's life when it is opened: which stage it reaches, how long it stays in each, and
 * the activities, qualification, needs analysis, proposal, negotiation, close-date pushes and
 * closing along the way, each scheduled as a step on the {@link
 * org.salespipeline.examples.generator.Timeline}. Everything a stage rule asks for is recorded
 * before the move that needs it; a few deals are moved with an explicit, recorded override.
 */
final class DealScript {
  static final List<String> STAGES =
      List.of(
          StandardPipelines.PROSPECTING,
          StandardPipelines.QUALIFICATION,
          StandardPipelines.NEEDS_ANALYSIS,
          StandardPipelines.PROPOSAL,
          StandardPipelines.NEGOTIATION,
          StandardPipelines.CLOSING);
  private static final double[] ADVANCE = {0.68, 0.74, 0.80, 0.70, 0.80, 0.85};
  private static final double[] MEDIAN_DAYS = {6, 9, 12, 10, 12, 6};
  private static final List<String> RENEWAL_STAGES =
      List.of("renewal_due", "negotiation", "closing");
  private static final double[] RENEWAL_DAYS = {20, 10, 5};
  private static final List<String> LOSS_REASONS =
      List.of("price", "chose competitor", "no decision", "timing", "budget cut");
  private static final List<String> COMPETITORS =
      List.of("Pipedrive", "HubSpot", "Salesforce", "Zoho", "in-house build");
  private static final List<String> PAIN_POINTS =
      List.of(
          "forecasts built by hand in spreadsheets",
          "no view of deals at risk",
          "reps spend hours on status reports",
          "quota attainment known only after quarter end",
          "lost deals never analysed",
          "handover to customer success is manual");
  private static final List<String> REQUIREMENTS =
      List.of(
          "single sign-on",
          "export to the data warehouse",
          "multi-currency totals",
          "audit trail of every change",
          "mobile access for field reps");

  private final PipelineGenerator.Run run;
  private final Draws draws;
  private final SalesPipeline pipeline;
  private final Plan plan;
  private DealId id;
  private UserId owner;
  private Money amount;
  private LocalDate expected;
  private boolean closed;

  /** Who the deal is for and what it is worth when it opens. */
  record Plan(
      String name,
      UserId owner,
      AccountId account,
      Optional<ContactId> contact,
      Money amount,
      DealSource source,
      DealKind kind,
      Optional<DealId> linkedDeal,
      double skill,
      Instant openAt) {}

  private DealScript(PipelineGenerator.Run run, Plan plan) {
    this.run = run;
    this.draws = run.draws;
    this.pipeline = run.pipeline;
    this.plan = plan;
    this.owner = plan.owner();
    this.amount = plan.amount();
  }

  /** Schedules the opening of a new-business or expansion deal and, when it opens, its life. */
  static void schedule(PipelineGenerator.Run run, Plan plan) {
    DealScript script = new DealScript(run, plan);
    run.timeline.at(plan.openAt(), "open " + plan.name(), script::openNewBusiness);
  }

  /** Schedules a renewal of a won deal in the renewals pipeline. */
  static void scheduleRenewal(PipelineGenerator.Run run, Plan plan, LocalDate renewalDate) {
    DealScript script = new DealScript(run, plan);
    run.timeline.at(plan.openAt(), "renewal " + plan.name(), () -> script.openRenewal(renewalDate));
  }

  // ---------------------------------------------------------------- new business

  private void openNewBusiness() {
    double q = Math.max(0.35, Math.min(2.2, plan.skill() * sourceFactor(plan.source())));
    int reach = 0;
    boolean won = false;
    while (true) {
      double advance = Math.pow(ADVANCE[reach], 1.0 / q);
      if (!draws.chance(advance)) {
        break;
      }
      if (reach == STAGES.size() - 1) {
        won = true;
        break;
      }
      reach++;
    }
    boolean dark = !won && draws.chance(0.12);
    boolean fastTrack = reach >= 4 && draws.chance(0.03);
    double size = Math.pow(plan.amount().amount().doubleValue() / 20_000.0, 0.12);
    Instant[] enter = new Instant[reach + 2];
    enter[0] = plan.openAt();
    for (int i = 0; i <= reach; i++) {
      Duration stay = fastTrack && i == 3 ? Duration.ZERO : draws.days(MEDIAN_DAYS[i] * size, 0.55);
      enter[i + 1] = enter[i].plus(stay);
    }
    double typical = 0;
    for (double d : MEDIAN_DAYS) {
      typical += d * size;
    }
    expected = date(plan.openAt()).plusDays(Math.round(typical * draws.uniform(0.6, 1.0)));
    open(StandardPipelines.NEW_BUSINESS);

    for (int stage = 0; stage <= reach; stage++) {
      if (fastTrack && stage == 3) {
        continue;
      }
      boolean last = stage == reach;
      Instant in = enter[stage];
      Instant out = enter[stage + 1];
      Instant quiet = dark && last ? Draws.at(in, out, 0.2) : out;
      activities(stage, in, quiet);
      stageWork(stage, in, out, last && !won, dark && last);
      if (dark && last) {
        // why: a deal that went dark is closed lost by the rep months later, if ever.
        Instant giveUp = out.plus(draws.days(110, 0.3));
        run.timeline.at(giveUp, "give up " + plan.name(), () -> lose("no decision", giveUp));
        return;
      }
      pushIfLate(Draws.at(in, out, 0.5), enter[reach + 1], remainingDays(stage, size));
      if (!last) {
        int next = fastTrack && stage == 2 ? 4 : stage + 1;
        boolean override = fastTrack && stage == 2;
        run.timeline.at(out, "move " + plan.name(), () -> move(STAGES.get(next), override));
      } else if (won) {
        boolean overrideWin = draws.chance(0.01);
        run.timeline.at(out, "win " + plan.name(), () -> win(overrideWin));
      } else if (stage <= 1) {
        boolean disqualify = draws.chance(stage == 1 ? 0.6 : 0.35);
        String reason =
            disqualify
                ? draws.pick(List.of("not a fit", "no budget"))
                : (stage == 0 ? "no response" : "no decision");
        run.timeline.at(
            out,
            "close " + plan.name(),
            () -> {
              if (disqualify) {
                disqualify(reason);
              } else {
                lose(reason, out);
              }
            });
      } else {
        String reason = draws.pick(LOSS_REASONS);
        run.timeline.at(out, "lose " + plan.name(), () -> lose(reason, out));
      }
    }
  }

  private static double remainingDays(int stage, double size) {
    double days = 0;
    for (int i = stage + 1; i < MEDIAN_DAYS.length; i++) {
      days += MEDIAN_DAYS[i] * size;
    }
    return days;
  }

  private static double sourceFactor(DealSource source) {
    return switch (source) {
      case REFERRAL -> 1.5;
      case PARTNER -> 1.3;
      case INBOUND -> 1.15;
      case NETWORKING -> 1.0;
      case EVENT -> 0.9;
      case EMAIL_OUTREACH -> 0.7;
      case COLD_CALL -> 0.55;
      case OTHER -> 0.8;
    };
  }

  private void open(PipelineId pipelineId) {
    Money opening = amount;
    LocalDate closeDate = expected;
    id =
        pipeline
            .openDeal(
                OpenDeal.builder()
                    .pipeline(pipelineId)
                    .name(plan.name())
                    .kind(plan.kind())
                    .linkedDeal(plan.linkedDeal())
                    .account(plan.account())
                    .primaryContact(plan.contact())
                    .owner(owner)
                    .actor(owner)
                    .amount(opening)
                    .expectedCloseDate(closeDate)
                    .source(plan.source())
                    .build())
            .deal()
            .id();
    run.dealsOpened++;
    if (draws.chance(0.35)) {
      Instant due = pipeline.clock().instant().plus(draws.days(4, 0.4));
      followUp("Intro call", due);
    }
  }

  private void activities(int stage, Instant from, Instant to) {
    long days = Duration.between(from, to).toDays();
    int count = 1 + (days > 8 ? 1 : 0) + (days > 20 ? 1 : 0);
    for (int i = 0; i < count; i++) {
      Instant at = draws.within(from, to);
      ActivityType type = activityType(stage);
      run.timeline.at(at, "activity", () -> activity(type, subject(type), at));
    }
    if (draws.chance(0.25)) {
      Instant at = Draws.at(from, to, 0.5);
      Instant due = at.plus(draws.days(5, 0.5));
      run.timeline.at(at, "follow-up", () -> followUp("Check in on next steps", due));
    }
  }

  private ActivityType activityType(int stage) {
    return switch (stage) {
      case 0 -> draws.pick(List.of(ActivityType.CALL, ActivityType.EMAIL));
      case 1 -> draws.pick(List.of(ActivityType.CALL, ActivityType.MEETING));
      case 2 -> draws.pick(List.of(ActivityType.MEETING, ActivityType.DEMO));
      case 3 -> draws.pick(List.of(ActivityType.DEMO, ActivityType.EMAIL));
      case 4 -> draws.pick(List.of(ActivityType.MEETING, ActivityType.CALL));
      default -> draws.pick(List.of(ActivityType.EMAIL, ActivityType.CALL, ActivityType.TASK));
    };
  }

  private static String subject(ActivityType type) {
    return switch (type) {
      case CALL -> "Call with the buying team";
      case EMAIL -> "E-mail follow-up";
      case MEETING -> "Meeting on requirements";
      case DEMO -> "Product demo";
      case TASK -> "Prepare order paperwork";
      default -> "Note";
    };
  }

  /** The work a stage needs before the deal may leave it, and the rep's judgement calls. */
  private void stageWork(int stage, Instant in, Instant out, boolean fails, boolean dark) {
    Instant mid = Draws.at(in, out, 0.5);
    switch (stage) {
      case 1 -> {
        if (!fails && draws.chance(0.2)) {
          Instant early = Draws.at(in, out, 0.2);
          run.timeline.at(early, "nurture", () -> qualify(nurture()));
        }
        if (!dark || draws.chance(0.5)) {
          run.timeline.at(
              Draws.at(in, out, 0.6), "qualify", () -> qualify(fails ? failing() : qualified()));
        }
      }
      case 2 -> {
        if (!fails || draws.chance(0.5)) {
          run.timeline.at(mid, "needs analysis", this::recordNeeds);
        }
      }
      case 3 -> run.timeline.at(mid, "proposal", this::sendProposal);
      case 4 -> {
        run.timeline.at(Draws.at(in, out, 0.3), "negotiation", this::negotiate);
        if (draws.chance(0.3)) {
          run.timeline.at(in, "category", () -> category(ForecastCategory.MOST_LIKELY));
        }
      }
      case 5 -> {
        if (draws.chance(0.4)) {
          run.timeline.at(in, "commit", () -> category(ForecastCategory.COMMIT));
        }
        if (draws.chance(0.1)) {
          double p = draws.uniform(0.5, 0.95);
          run.timeline.at(in, "override probability", () -> probability(p));
        }
      }
      default -> {}
    }
    if (stage >= 1 && draws.chance(0.01)) {
      run.timeline.at(Draws.at(in, out, 0.4), "reassign", this::reassign);
    }
  }

  /** Pushes the expected close date when the deal will still be open after it. */
  private void pushIfLate(Instant checkAt, Instant closesAt, double remainingDays) {
    if (!date(checkAt).isBefore(expected.minusDays(2))) {
      LocalDate target =
          date(checkAt).plusDays(Math.round(remainingDays * draws.uniform(0.6, 1.1)) + 7);
      if (date(closesAt).isAfter(target) || draws.chance(0.8)) {
        expected = target;
        run.timeline.at(checkAt, "push", () -> pushTo(target));
      }
    }
  }

  // ---------------------------------------------------------------- renewals

  private void openRenewal(LocalDate renewalDate) {
    expected = renewalDate;
    open(StandardPipelines.RENEWALS);
    boolean renewed = draws.chance(0.8);
    int reach = renewed ? 2 : draws.between(0, 2);
    Instant in = plan.openAt();
    for (int stage = 0; stage <= reach; stage++) {
      Instant out = in.plus(draws.days(RENEWAL_DAYS[stage], 0.4));
      Instant at = draws.within(in, out);
      run.timeline.at(at, "renewal call", () -> activity(ActivityType.CALL, "Renewal call", at));
      if (stage < reach) {
        String next = RENEWAL_STAGES.get(stage + 1);
        run.timeline.at(out, "renewal move", () -> move(next, false));
      } else if (renewed) {
        run.timeline.at(out, "renew", () -> win(false));
      } else {
        run.timeline.at(
            out,
            "churn",
            () -> {
              lose("churned", out);
              run.churn(plan.account());
            });
      }
      in = out;
    }
  }

  // ---------------------------------------------------------------- commands

  private void move(String stage, boolean override) {
    MoveDeal.Builder move = MoveDeal.builder().deal(id).actor(owner).toStage(stage);
    if (override) {
      move.override("executive sponsor fast-track: proposal agreed verbally");
      run.overrides++;
    }
    pipeline.move(move.build());
  }

  private void activity(ActivityType type, String subject, Instant at) {
    if (!closed) {
      pipeline.logActivity(
          LogActivity.builder()
              .deal(id)
              .actor(owner)
              .type(type)
              .subject(subject)
              .occurredAt(at)
              .build());
    }
  }

  private void followUp(String subject, Instant due) {
    if (!closed) {
      pipeline.scheduleFollowUp(
          ScheduleFollowUp.builder().deal(id).actor(owner).subject(subject).dueAt(due).build());
    }
  }

  private void qualify(BantAssessment assessment) {
    if (!closed) {
      pipeline.recordQualification(
          RecordQualification.builder().deal(id).actor(owner).assessment(assessment).build());
    }
  }

  private BantAssessment qualified() {
    return BantAssessment.builder()
        .budget(Budget.confirmed(amount.times(BigDecimal.valueOf(1.1))))
        .authority(draws.chance(0.7) ? AuthorityRole.DECISION_MAKER : AuthorityRole.INFLUENCER)
        .need(
            Need.of(
                draws.pick(List.of(NeedSeverity.MEDIUM, NeedSeverity.HIGH, NeedSeverity.CRITICAL)),
                draws.pick(PAIN_POINTS)))
        .timeline(Timeline.within(Period.ofMonths(draws.between(1, 5))))
        .build();
  }

  private BantAssessment nurture() {
    return BantAssessment.builder()
        .budget(Budget.confirmed(amount))
        .authority(AuthorityRole.USER)
        .need(Need.of(NeedSeverity.MEDIUM, draws.pick(PAIN_POINTS)))
        .timeline(Timeline.within(Period.ofMonths(12)))
        .build();
  }

  private BantAssessment failing() {
    return BantAssessment.builder()
        .budget(Budget.unknown())
        .authority(draws.pick(List.of(AuthorityRole.USER, AuthorityRole.UNKNOWN)))
        .need(Need.of(NeedSeverity.LOW, draws.pick(PAIN_POINTS)))
        .build();
  }

  private void recordNeeds() {
    update(
        UpdateDeal.builder()
            .needsAnalysis(
                new NeedsAnalysis(
                    List.of(draws.pick(PAIN_POINTS), draws.pick(PAIN_POINTS)).stream()
                        .distinct()
                        .toList(),
                    List.of(draws.pick(REQUIREMENTS)))));
  }

  private void sendProposal() {
    if (closed) {
      return;
    }
    Instant now = pipeline.clock().instant();
    if (draws.chance(0.35)) {
      amount = round(amount, draws.uniform(0.85, 1.25));
    }
    update(
        UpdateDeal.builder()
            .amount(amount)
            .proposal(new Proposal(now, amount, date(now).plusDays(30))));
    activity(ActivityType.PROPOSAL_SENT, "Proposal sent", now);
  }

  private void negotiate() {
    int discount = draws.between(0, 20);
    if (draws.chance(0.5) && discount > 0) {
      amount = round(amount, 1 - discount / 100.0);
    }
    List<String> objections =
        draws.chance(0.4)
            ? List.of(draws.pick(List.of("price", "contract term", "security review")))
            : List.of();
    update(
        UpdateDeal.builder()
            .amount(amount)
            .negotiation(
                new Negotiation(BigDecimal.valueOf(discount), objections, Optional.empty())));
  }

  private void category(ForecastCategory category) {
    update(UpdateDeal.builder().forecastCategory(category));
  }

  private void probability(double p) {
    update(UpdateDeal.builder().probabilityOverride(Math.round(p * 100) / 100.0));
  }

  private void reassign() {
    UserId next = run.colleagueOf(owner);
    if (!closed && !next.equals(owner)) {
      update(UpdateDeal.builder().owner(next));
      owner = next;
    }
  }

  private void pushTo(LocalDate target) {
    update(UpdateDeal.builder().expectedCloseDate(target));
  }

  private void update(UpdateDeal.Builder update) {
    if (!closed) {
      pipeline.update(update.deal(id).actor(owner).build());
    }
  }

  private void win(boolean override) {
    Instant now = pipeline.clock().instant();
    CloseDeal.Builder win = CloseDeal.builder().deal(id).actor(owner).reason("signed");
    if (override) {
      win.override("signed order form arrived before the acceptance was recorded");
      run.overrides++;
    } else {
      var negotiation =
          pipeline.requireDeal(id).negotiation().orElseGet(Negotiation::started).acceptedAt(now);
      pipeline.update(UpdateDeal.builder().deal(id).actor(owner).negotiation(negotiation).build());
    }
    pipeline.win(win.build());
    closed = true;
    run.won(pipeline.requireDeal(id), plan);
  }

  private void lose(String reason, Instant at) {
    if (closed) {
      return;
    }
    CloseDeal.Builder lose = CloseDeal.builder().deal(id).actor(owner).reason(reason);
    if (reason.equals("chose competitor")) {
      lose.detail(draws.pick(COMPETITORS));
    }
    pipeline.lose(lose.build());
    closed = true;
    run.dealsLost++;
  }

  private void disqualify(String reason) {
    pipeline.disqualify(CloseDeal.builder().deal(id).actor(owner).reason(reason).build());
    closed = true;
    run.dealsDisqualified++;
  }

  private static Money round(Money money, double factor) {
    long value = Math.max(500, Math.round(money.amount().doubleValue() * factor / 100.0) * 100);
    return new Money(BigDecimal.valueOf(value), money.currency());
  }

  private static LocalDate date(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }
}
