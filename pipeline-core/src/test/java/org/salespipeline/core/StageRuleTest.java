package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.core.Fixtures.ALICE;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.rule.NoBackwardMovesRule;
import org.salespipeline.core.rule.NoSkippingRule;
import org.salespipeline.core.rule.RequiredFieldsRule;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.rule.RuleViolation;
import org.salespipeline.core.rule.StageRule;
import org.salespipeline.core.rule.TransitionKind;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;

class StageRuleTest {
  TestClock clock = Fixtures.clock();

  SalesPipeline engineWith(RuleSet rules) {
    return SalesPipeline.builder()
        .store(new InMemoryPipelineStore())
        .clock(clock)
        .rules(rules)
        .build();
  }

  @Test
  void aHostRuleIsOneInterfaceAndItsViolationsComeWithTheOthers() {
    StageRule bigDealsNeedAContact =
        t ->
            t.deal().amount().amount().intValue() > 10_000
                    && t.deal().primaryContact().isEmpty()
                    && t.kind() == TransitionKind.MOVE
                ? List.of(
                    RuleViolation.of(
                        "big-deal-contact", "primaryContact", "deals over 10k need a contact"))
                : List.of();
    SalesPipeline pipeline =
        engineWith(
            RuleSet.builder()
                .pipelineRule(
                    StandardPipelines.NEW_BUSINESS, new NoSkippingRule(1), bigDealsNeedAContact)
                .stageRule(
                    StandardPipelines.NEW_BUSINESS,
                    "needs_analysis",
                    new RequiredFieldsRule("needs_analysis", List.of("account", "nextStep")))
                .build());
    Deal deal = pipeline.openDeal(Fixtures.openDeal().build()).deal();

    assertThatThrownBy(() -> pipeline.move(deal.id(), "needs_analysis", ALICE))
        .isInstanceOfSatisfying(
            IllegalTransitionException.class,
            e ->
                assertThat(e.violations())
                    .extracting(RuleViolation::field)
                    .containsExactly("primaryContact", "account", "nextStep"));
  }

  @Test
  void skippingIsCountedInOpenStages() {
    SalesPipeline pipeline =
        engineWith(
            RuleSet.builder()
                .pipelineRule(StandardPipelines.NEW_BUSINESS, new NoSkippingRule(1))
                .build());
    Deal deal = pipeline.openDeal(Fixtures.openDeal().build()).deal();
    assertThat(pipeline.move(deal.id(), "needs_analysis", ALICE).deal().stage())
        .isEqualTo("needs_analysis");
    assertThatThrownBy(() -> pipeline.move(deal.id(), "closing", ALICE))
        .isInstanceOf(IllegalTransitionException.class);
    // backward moves are allowed unless NoBackwardMovesRule is attached
    assertThat(pipeline.move(deal.id(), "prospecting", ALICE).deal().stage())
        .isEqualTo("prospecting");
  }

  @Test
  void backwardMovesCanBeForbidden() {
    SalesPipeline pipeline =
        engineWith(
            RuleSet.builder()
                .pipelineRule(StandardPipelines.NEW_BUSINESS, new NoBackwardMovesRule())
                .build());
    Deal deal = pipeline.openDeal(Fixtures.openDeal().build()).deal();
    pipeline.move(deal.id(), "proposal", ALICE);
    assertThatThrownBy(
            () ->
                pipeline.move(
                    MoveDeal.builder()
                        .deal(deal.id())
                        .actor(ALICE)
                        .toStage("qualification")
                        .build()))
        .isInstanceOfSatisfying(
            IllegalTransitionException.class,
            e ->
                assertThat(e.violations())
                    .extracting(RuleViolation::rule)
                    .containsExactly("no-backward-moves"));
  }

  @Test
  void requiredFieldsRefuseUnknownFieldNames() {
    assertThatThrownBy(() -> new RequiredFieldsRule("proposal", List.of("budgett")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("budgett");
  }

  @Test
  void aRuleReturningNullIsAConfigurationBugReportedLoudly() {
    StageRule broken = t -> null;
    SalesPipeline pipeline =
        engineWith(RuleSet.builder().pipelineRule(StandardPipelines.NEW_BUSINESS, broken).build());
    Deal deal = pipeline.openDeal(Fixtures.openDeal().build()).deal();
    assertThatThrownBy(() -> pipeline.move(deal.id(), "qualification", ALICE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("returned null");
    assertThat(pipeline.requireDeal(deal.id()).version()).isEqualTo(1);
  }

  @Test
  void builderFailsFastNamingTheSetting() {
    assertThatThrownBy(() -> SalesPipeline.builder().build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("store");
    assertThatThrownBy(() -> SalesPipeline.builder().reportingCurrency("EURO"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("EURO");
    InMemoryPipelineStore store = new InMemoryPipelineStore();
    assertThatThrownBy(() -> SalesPipeline.builder().store(store).store(store))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("already set");
    assertThatThrownBy(
            () -> SalesPipeline.builder().store(store).defaultPipeline(PipelineId.of("x")).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("x");
  }
}
