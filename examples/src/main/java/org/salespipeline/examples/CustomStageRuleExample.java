package org.salespipeline.examples;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.salespipeline.core.Deal;
import org.salespipeline.core.IllegalTransitionException;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.rule.RuleViolation;
import org.salespipeline.core.rule.StageRule;
import org.salespipeline.core.rule.Transition;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;

/**
 * A custom stage rule: big deals need a named next step before they leave Prospecting. The rule is
 * one method returning violations; the engine refuses the move with all of them, and a recorded
 * override moves the deal anyway.
 */
public final class CustomStageRuleExample {
  private CustomStageRuleExample() {}

  /** Deals of at least {@code threshold} leave Prospecting only with a next step written down. */
  public static final class NextStepForBigDealsRule implements StageRule {
    private final BigDecimal threshold;

    /** The rule for deals of at least {@code threshold} (in any currency). */
    public NextStepForBigDealsRule(BigDecimal threshold) {
      this.threshold = threshold;
    }

    @Override
    public List<RuleViolation> check(Transition t) {
      Deal deal = t.deal();
      boolean big = deal.amount().amount().compareTo(threshold) >= 0;
      if (!t.leaves(StandardPipelines.PROSPECTING) || !t.advances() || !big) {
        return List.of();
      }
      return deal.nextStep().isPresent()
          ? List.of()
          : List.of(
              RuleViolation.of(
                  key(), "nextStep", "a deal of " + deal.amount() + " needs a next step"));
    }

    @Override
    public String key() {
      return "next-step-for-big-deals";
    }
  }

  /** Runs the example; returns the violations of the refused move. */
  public static List<RuleViolation> run() {
    RuleSet rules =
        RuleSet.builder()
            .addStandardRules(StandardPipelines.NEW_BUSINESS)
            .stageRule(
                StandardPipelines.NEW_BUSINESS,
                StandardPipelines.PROSPECTING,
                new NextStepForBigDealsRule(new BigDecimal("100000")))
            .build();
    SalesPipeline pipeline =
        SalesPipeline.builder().store(new InMemoryPipelineStore()).rules(rules).build();
    UserId rep = UserId.of("alice");
    Deal deal =
        pipeline
            .openDeal(
                OpenDeal.builder()
                    .name("Globex rollout")
                    .owner(rep)
                    .actor(rep)
                    .amount(Money.of(250_000, "USD"))
                    .expectedCloseDate(LocalDate.now().plusMonths(3))
                    .build())
            .deal();
    List<RuleViolation> violations = List.of();
    try {
      pipeline.move(deal.id(), StandardPipelines.QUALIFICATION, rep);
    } catch (IllegalTransitionException e) {
      violations = e.violations();
      System.out.println("Refused: " + e.getMessage());
    }
    pipeline.move(
        MoveDeal.builder()
            .deal(deal.id())
            .actor(UserId.of("manager.bob"))
            .toStage(StandardPipelines.QUALIFICATION)
            .override("CEO intro; next step agreed by phone")
            .build());
    System.out.println("Moved with a recorded override; history:");
    pipeline
        .history(deal.id())
        .forEach(e -> System.out.println("  " + e.type() + " by " + e.actor()));
    return violations;
  }

  /** Entry point. */
  public static void main(String[] args) {
    run();
  }
}
