package org.salespipeline.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.salespipeline.core.access.Action;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.RecordQualification;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.internal.Problems;
import org.salespipeline.core.qualification.QualificationAssessment;
import org.salespipeline.core.qualification.QualificationFramework;
import org.salespipeline.core.qualification.QualificationResult;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;

/**
 * The commands that create a deal or change its fields without moving it: open, update and record a
 * qualification.
 */
final class DealUpdates {
  private final EngineContext context;
  private final CommandChecks checks;
  private final CommandRunner runner;

  DealUpdates(EngineContext context, CommandChecks checks, CommandRunner runner) {
    this.context = context;
    this.checks = checks;
    this.runner = runner;
  }

  CommandResult open(OpenDeal command) {
    return runner.observed("open", () -> openObserved(command));
  }

  private CommandResult openObserved(OpenDeal command) {
    Instant now = context.now();
    Deal deal = newDeal(command, now);
    context.access().require(command.actor(), Action.EDIT, deal);
    Optional<CommandResult> replayed = runner.replay(command);
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
    return runner.commit(0, deal, List.of(created), List.of(), Optional.empty(), command);
  }

  /**
   * Validates an opening and builds the new deal, created at {@code now}.
   *
   * @throws ValidationException naming every problem
   */
  Deal newDeal(OpenDeal command, Instant now) {
    LocalDate today = context.today(now);
    Problems problems = checks.common(command);
    problems.line("name", command.name(), Problems.MAX_LINE);
    problems.notNull("owner", command.owner());
    problems.notNull("kind", command.kind());
    problems.notNull("source", command.source());
    problems.amount("amount", command.amount());
    problems.closeDate("expectedCloseDate", command.expectedCloseDate(), today);
    command.nextStep().ifPresent(s -> problems.text("nextStep", s, Problems.MAX_TEXT, true, true));
    command.probabilityOverride().ifPresent(p -> problems.probability("probabilityOverride", p));
    CommandChecks.attributes(problems, command.attributes(), Set.of());
    command.account().ifPresent(a -> checks.requireAccount(problems, "account", a));
    command.primaryContact().ifPresent(c -> checks.requireContact(problems, "primaryContact", c));
    PipelineId pipelineId = command.pipeline().orElse(context.defaultPipeline());
    PipelineDefinition definition = null;
    try {
      definition = context.pipeline(pipelineId);
    } catch (ValidationException e) {
      problems.add("pipeline", pipelineId, "is not a known pipeline");
    }
    Optional<AccountId> account = command.account();
    if (command.kind() != null && command.kind().isExpansion()) {
      if (command.linkedDeal().isEmpty()) {
        problems.add("linkedDeal", null, "is required for a " + command.kind() + " deal");
      } else {
        Optional<Deal> linked = context.ws().deal(command.linkedDeal().get());
        if (linked.isEmpty() || linked.get().status() != DealStatus.WON) {
          problems.add(
              "linkedDeal", command.linkedDeal().get(), "must be a won deal of this workspace");
        } else if (account.isEmpty()) {
          account = linked.get().account();
        }
      }
    } else if (command.linkedDeal().isPresent()
        && context.ws().deal(command.linkedDeal().get()).isEmpty()) {
      problems.add("linkedDeal", command.linkedDeal().get(), "is not a deal of this workspace");
    }
    problems.throwIfAny();

    Stage first = definition.firstStage();
    DealId id = command.id().orElseGet(() -> new DealId(context.ids().next()));
    return Deal.builder()
        .id(id)
        .workspace(context.workspace())
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

  CommandResult update(UpdateDeal command) {
    checkUpdate(command);
    return runner.onDeal(
        command,
        "update",
        true,
        draft -> {
          Deal deal = draft.current();
          if (command.owner().filter(o -> !o.equals(deal.owner())).isPresent()) {
            context.access().require(command.actor(), Action.REASSIGN, deal);
          }
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
                    deal.probabilityOverride(), OptionalDouble.empty()));
          }
          detailChanges(draft, command);
          // why: a reassignment alone needs REASSIGN only (sales ops may reassign without editing)
          if (draft.events().stream().anyMatch(e -> !(e.change() instanceof Change.OwnerChanged))) {
            context.access().require(command.actor(), Action.EDIT, deal);
          }
        });
  }

  private void checkUpdate(UpdateDeal command) {
    LocalDate today = context.today(context.now());
    Problems problems = checks.onDeal(command);
    command.name().ifPresent(n -> problems.line("name", n, Problems.MAX_LINE));
    command.amount().ifPresent(a -> problems.amount("amount", a));
    command.expectedCloseDate().ifPresent(d -> problems.closeDate("expectedCloseDate", d, today));
    command.probabilityOverride().ifPresent(p -> problems.probability("probabilityOverride", p));
    if (command.probabilityOverride().isPresent() && command.clearProbabilityOverride()) {
      problems.add("clearProbabilityOverride", true, "conflicts with setting probabilityOverride");
    }
    command.nextStep().ifPresent(s -> problems.text("nextStep", s, Problems.MAX_TEXT, true, true));
    command.account().ifPresent(a -> checks.requireAccount(problems, "account", a));
    command.primaryContact().ifPresent(c -> checks.requireContact(problems, "primaryContact", c));
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
    CommandChecks.attributes(problems, command.attributes(), command.removeAttributes());
    problems.throwIfAny();
  }

  /**
   * Adds one {@link Change.DetailsChanged} naming every detail field the command changes, if any.
   */
  private static void detailChanges(Draft draft, UpdateDeal command) {
    Deal before = draft.current();
    Deal.Builder after = Deal.builder().from(before);
    Set<String> fields = new LinkedHashSet<>();
    if (command.name().isPresent() && !command.name().get().equals(before.name())) {
      after.name(command.name().get());
      fields.add("name");
    }
    if (command.account().isPresent() && !command.account().equals(before.account())) {
      after.account(command.account());
      fields.add("account");
    }
    if (command.primaryContact().isPresent()
        && !command.primaryContact().equals(before.primaryContact())) {
      after.primaryContact(command.primaryContact());
      fields.add("primaryContact");
    }
    if (command.source().isPresent() && command.source().get() != before.source()) {
      after.source(command.source().get());
      fields.add("source");
    }
    if (command.nextStep().isPresent() && !command.nextStep().equals(before.nextStep())) {
      after.nextStep(command.nextStep());
      fields.add("nextStep");
    }
    if (command.needsAnalysis().isPresent()
        && !command.needsAnalysis().equals(before.needsAnalysis())) {
      after.needsAnalysis(command.needsAnalysis());
      fields.add("needsAnalysis");
    }
    if (command.proposal().isPresent() && !command.proposal().equals(before.proposal())) {
      after.proposal(command.proposal());
      fields.add("proposal");
    }
    if (command.negotiation().isPresent() && !command.negotiation().equals(before.negotiation())) {
      after.negotiation(command.negotiation());
      fields.add("negotiation");
    }
    if (!command.attributes().isEmpty() || !command.removeAttributes().isEmpty()) {
      Map<String, AttributeValue> attributes = new LinkedHashMap<>(before.attributes());
      attributes.putAll(command.attributes());
      command.removeAttributes().forEach(attributes::remove);
      // why: the limit holds per deal, not per command; otherwise updates grow a deal, and every
      // event that carries it, without bound (issue 14, item 10). A deal already above the limit
      // may still shrink.
      if (attributes.size() > Problems.MAX_ITEMS
          && attributes.size() > before.attributes().size()) {
        throw new ValidationException(
            FieldProblem.of(
                "attributes",
                attributes.size() + " attributes",
                "would exceed the deal's limit of " + Problems.MAX_ITEMS + " attributes"));
      }
      if (!attributes.equals(before.attributes())) {
        after.attributes(attributes);
        fields.add("attributes");
      }
    }
    if (!fields.isEmpty()) {
      draft.add(new Change.DetailsChanged(fields, after.build()));
    }
  }

  CommandResult recordQualification(RecordQualification command) {
    Problems problems = checks.onDeal(command);
    QualificationAssessment assessment = command.assessment();
    if (!problems.notNull("assessment", assessment)) {
      problems.throwIfAny();
    }
    Map<String, QualificationFramework<?>> frameworks = context.frameworks();
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
    QualificationResult result = evaluate(framework, assessment, context.today(context.now()));
    return runner.onDeal(
        command,
        "recordQualification",
        true,
        draft -> {
          context.access().require(command.actor(), Action.EDIT, draft.current());
          draft.add(new Change.QualificationRecorded(result));
        });
  }

  private static <A extends QualificationAssessment> QualificationResult evaluate(
      QualificationFramework<A> framework, QualificationAssessment assessment, LocalDate today) {
    return framework.evaluate(framework.assessmentType().cast(assessment), today);
  }
}
