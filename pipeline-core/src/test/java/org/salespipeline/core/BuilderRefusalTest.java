package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.event.PipelineListener;
import org.salespipeline.core.qualification.BantFramework;
import org.salespipeline.core.qualification.BantPolicy;
import org.salespipeline.core.rule.NoBackwardMovesRule;
import org.salespipeline.core.rule.NoSkippingRule;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;

/** Every builder refuses a second set of a setting with a ConfigurationException naming both. */
class BuilderRefusalTest {

  @Nested
  class SalesPipelineBuilderRefuses {
    private final SalesPipelineBuilder builder =
        SalesPipeline.builder().store(new InMemoryPipelineStore());

    @Test
    void aSecondClockNamingBothValues() {
      Clock first = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
      Clock second = Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);
      builder.clock(first);

      assertThatThrownBy(() -> builder.clock(second))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("clock was already set to " + first)
          .hasMessageContaining(second.toString());
    }

    @Test
    void aSecondWorkspace() {
      builder.workspace(WorkspaceId.of("acme"));

      assertThatThrownBy(() -> builder.workspace(WorkspaceId.of("globex")))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("workspace was already set to acme")
          .hasMessageContaining("globex");
    }

    @Test
    void aSecondStoreNamingBothStores() {
      InMemoryPipelineStore other = new InMemoryPipelineStore();

      assertThatThrownBy(() -> builder.store(other))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("store was already set to")
          .hasMessageContaining(other.toString());
    }

    @Test
    void aSecondReportingCurrency() {
      builder.reportingCurrency("EUR");

      assertThatThrownBy(() -> builder.reportingCurrency("GBP"))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("reportingCurrency was already set to EUR")
          .hasMessageContaining("GBP");
    }

    @Test
    void aSecondSetOfEveryOtherSetting() {
      builder
          .idGenerator(IdGenerator.timeOrdered(Clock.systemUTC(), 1))
          .defaultPipeline(StandardPipelines.NEW_BUSINESS)
          .rules(RuleSet.none())
          .currencyConverter(CurrencyConverter.sameCurrencyOnly());

      assertThatThrownBy(() -> builder.idGenerator(IdGenerator.timeOrdered(Clock.systemUTC())))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("idGenerator was already set");
      assertThatThrownBy(() -> builder.defaultPipeline(StandardPipelines.RENEWALS))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("defaultPipeline was already set to new_business")
          .hasMessageContaining(StandardPipelines.RENEWALS.toString());
      assertThatThrownBy(() -> builder.rules(RuleSet.standard()))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("rules was already set");
      assertThatThrownBy(() -> builder.currencyConverter(CurrencyConverter.sameCurrencyOnly()))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("currencyConverter was already set");
    }

    @Test
    void theSamePipelineTwice() {
      builder.pipeline(StandardPipelines.newBusiness());

      assertThatThrownBy(() -> builder.pipeline(StandardPipelines.newBusiness()))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("pipeline new_business was already set to 'New business' [")
          .hasMessageContaining("prospecting");
    }

    @Test
    void aFrameworkKeyTwiceButReplacesTheDefaultOnce() {
      BantFramework strict = BantFramework.of(BantPolicy.builder().minimumCriteriaMet(4).build());
      builder.qualificationFramework(strict);

      assertThatThrownBy(() -> builder.qualificationFramework(BantFramework.withDefaults()))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("qualificationFramework bant was already set to " + strict);
      assertThat(builder.frameworks.get("bant")).isSameAs(strict);
    }

    @Test
    void theSameListenerTwice() {
      PipelineListener listener = events -> {};
      builder.listener(listener);

      assertThatThrownBy(() -> builder.listener(listener))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("was already added");
      assertThat(builder.listener(events -> {}).listeners).hasSize(2);
    }

    @Test
    void nullNamingTheSetting() {
      assertThatThrownBy(() -> builder.clock(null))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("clock");
      assertThatThrownBy(() -> builder.listener(null))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("listener");
    }

    @Test
    void aRefusedSetLeavesTheFirstValue() {
      builder.workspace(WorkspaceId.of("acme"));
      assertThatThrownBy(() -> builder.workspace(WorkspaceId.of("globex")))
          .isInstanceOf(ConfigurationException.class);

      assertThat(builder.build().workspace()).isEqualTo(WorkspaceId.of("acme"));
    }
  }

  @Nested
  class RuleSetBuilderRefuses {
    @Test
    void theSameRuleKeyTwiceOnAPipelineNamingBothRules() {
      NoSkippingRule strict = new NoSkippingRule(0);
      NoSkippingRule lenient = new NoSkippingRule(2);
      RuleSet.Builder builder =
          RuleSet.builder().pipelineRule(StandardPipelines.NEW_BUSINESS, strict);

      assertThatThrownBy(() -> builder.pipelineRule(StandardPipelines.NEW_BUSINESS, lenient))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("'no-skipping' was already set to " + strict)
          .hasMessageContaining(lenient.toString());
    }

    @Test
    void theSameRuleKeyTwiceOnAStage() {
      RuleSet.Builder builder =
          RuleSet.builder().stageRule(StandardPipelines.NEW_BUSINESS, "qualification", t -> null);
      NoBackwardMovesRule rule = new NoBackwardMovesRule();
      builder.stageRule(StandardPipelines.NEW_BUSINESS, "qualification", rule);

      assertThatThrownBy(
              () -> builder.stageRule(StandardPipelines.NEW_BUSINESS, "qualification", rule))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("stage qualification");
    }

    @Test
    void nullsNamingTheSetting() {
      assertThatThrownBy(() -> RuleSet.builder().pipelineRule(null, new NoSkippingRule(0)))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("pipeline");
      assertThatThrownBy(
              () -> RuleSet.builder().stageRule(StandardPipelines.NEW_BUSINESS, null, t -> null))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("stage");
    }

    @Test
    void theSameRuleOnDifferentPipelinesIsFine() {
      NoSkippingRule rule = new NoSkippingRule(0);

      RuleSet rules =
          RuleSet.builder()
              .pipelineRule(StandardPipelines.NEW_BUSINESS, rule)
              .pipelineRule(StandardPipelines.RENEWALS, rule)
              .build();

      assertThat(rules).isNotNull();
    }
  }

  @Nested
  class FixedRateBuilderRefuses {
    @Test
    void aSecondRateForThePairAndDayNamingBothRates() {
      FixedRateCurrencyConverter.Builder builder =
          FixedRateCurrencyConverter.builder().rate("EUR", "USD", LocalDate.of(2026, 1, 1), "1.08");

      assertThatThrownBy(() -> builder.rate("EUR", "USD", LocalDate.of(2026, 1, 1), "1.10"))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("EUR/USD from 2026-01-01 was already set to 1.08")
          .hasMessageContaining("1.10");
    }

    @Test
    void badValuesNamingThem() {
      FixedRateCurrencyConverter.Builder builder = FixedRateCurrencyConverter.builder();

      assertThatThrownBy(() -> builder.rate("EURO", "USD", LocalDate.of(2026, 1, 1), "1"))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("from 'EURO'");
      assertThatThrownBy(() -> builder.rate("EUR", "USD", LocalDate.of(2026, 1, 1), "one"))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("'one'");
      assertThatThrownBy(
              () ->
                  builder.rate(
                      Currency.getInstance("EUR"),
                      Currency.getInstance("USD"),
                      null,
                      BigDecimal.ONE))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("validFrom");
    }
  }
}
