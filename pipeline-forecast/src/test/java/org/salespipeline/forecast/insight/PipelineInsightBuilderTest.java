package org.salespipeline.forecast.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.forecast.insight.Histories.day;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.salespipeline.core.ConfigurationException;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.core.ValidationException;
import org.salespipeline.forecast.ForecastPeriod;

/** The builder takes each setting once and names the setting and both values on a second set. */
class PipelineInsightBuilderTest {
  static final ForecastPeriod JANUARY = ForecastPeriod.month(YearMonth.of(2026, 1));

  static Stream<Arguments> secondSets() {
    return Stream.of(
        Arguments.of(
            "reportingCurrency",
            (UnaryOperator<PipelineInsight.Builder>) b -> b.reportingCurrency("USD"),
            (UnaryOperator<PipelineInsight.Builder>) b -> b.reportingCurrency("EUR"),
            "USD",
            "EUR"),
        Arguments.of(
            "clock",
            (UnaryOperator<PipelineInsight.Builder>) b -> b.asOf(day(1)),
            (UnaryOperator<PipelineInsight.Builder>) b -> b.clock(Clock.systemUTC()),
            day(1).toString(),
            "SystemClock"),
        Arguments.of(
            "events",
            (UnaryOperator<PipelineInsight.Builder>) b -> b.events(List.of()),
            (UnaryOperator<PipelineInsight.Builder>) b -> b.eventStreams(Stream::empty),
            "an event iterable",
            "an event stream supplier"),
        Arguments.of(
            "zone",
            (UnaryOperator<PipelineInsight.Builder>) b -> b.zone(ZoneOffset.UTC),
            (UnaryOperator<PipelineInsight.Builder>) b -> b.zone(ZoneId.of("Europe/Paris")),
            "Z",
            "Europe/Paris"),
        Arguments.of(
            "currencyConverter",
            (UnaryOperator<PipelineInsight.Builder>)
                b -> b.currencyConverter(CurrencyConverter.sameCurrencyOnly()),
            (UnaryOperator<PipelineInsight.Builder>)
                b -> b.currencyConverter(CurrencyConverter.sameCurrencyOnly()),
            "",
            ""),
        Arguments.of(
            "periods",
            (UnaryOperator<PipelineInsight.Builder>) b -> b.periods(List.of(JANUARY)),
            (UnaryOperator<PipelineInsight.Builder>)
                b -> b.periods(ForecastPeriod.months(YearMonth.of(2026, 2), 2)),
            JANUARY.toString(),
            ForecastPeriod.month(YearMonth.of(2026, 3)).toString()),
        Arguments.of(
            "waterfall",
            (UnaryOperator<PipelineInsight.Builder>) b -> b.waterfall(day(0), day(1), JANUARY),
            (UnaryOperator<PipelineInsight.Builder>) b -> b.waterfall(day(2), day(3), JANUARY),
            day(0).toString(),
            day(2).toString()),
        Arguments.of(
            "coverageTarget",
            (UnaryOperator<PipelineInsight.Builder>) b -> b.coverageTarget(2.5),
            (UnaryOperator<PipelineInsight.Builder>) b -> b.coverageTarget(4),
            "2.5",
            "4.0"),
        Arguments.of(
            "idleAlertShare",
            (UnaryOperator<PipelineInsight.Builder>) b -> b.idleAlertShare(0.25),
            (UnaryOperator<PipelineInsight.Builder>) b -> b.idleAlertShare(0.75),
            "0.25",
            "0.75"),
        Arguments.of(
            "workListSize",
            (UnaryOperator<PipelineInsight.Builder>) b -> b.workListSize(7),
            (UnaryOperator<PipelineInsight.Builder>) b -> b.workListSize(9),
            "7",
            "9"),
        Arguments.of(
            "listLimit",
            (UnaryOperator<PipelineInsight.Builder>) b -> b.listLimit(11),
            (UnaryOperator<PipelineInsight.Builder>) b -> b.listLimit(13),
            "11",
            "13"),
        Arguments.of(
            "maxSuggestedMoves",
            (UnaryOperator<PipelineInsight.Builder>) b -> b.maxSuggestedMoves(17),
            (UnaryOperator<PipelineInsight.Builder>) b -> b.maxSuggestedMoves(19),
            "17",
            "19"),
        Arguments.of(
            "progressListener",
            (UnaryOperator<PipelineInsight.Builder>) b -> b.progressListener(ProgressListener.NONE),
            (UnaryOperator<PipelineInsight.Builder>) b -> b.progressListener((done, total) -> {}),
            "",
            ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("secondSets")
  void aSecondSetIsRefusedNamingTheSettingAndBothValues(
      String setting,
      UnaryOperator<PipelineInsight.Builder> first,
      UnaryOperator<PipelineInsight.Builder> second,
      String firstValue,
      String secondValue) {
    PipelineInsight.Builder builder = first.apply(PipelineInsight.builder());
    assertThatThrownBy(() -> second.apply(builder))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(setting + " was already set to ")
        .hasMessageContaining(firstValue)
        .hasMessageContaining("; refusing ")
        .hasMessageContaining(secondValue);
  }

  @Test
  void aRefusedSetKeepsTheFirstValue() {
    PipelineInsight.Builder builder =
        PipelineInsight.builder()
            .addPipeline(Histories.pipeline())
            .events(List.of())
            .reportingCurrency("USD")
            .asOf(day(30));
    assertThatThrownBy(() -> builder.reportingCurrency(Currency.getInstance("EUR")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("reportingCurrency was already set to USD; refusing EUR");
    assertThat(builder.build().analyze().currency()).isEqualTo(Currency.getInstance("USD"));
  }

  @Test
  void aRejectedValueLeavesTheSettingUnset() {
    PipelineInsight.Builder builder = PipelineInsight.builder();
    assertThatThrownBy(() -> builder.listLimit(-1)).isInstanceOf(ValidationException.class);
    assertThat(builder.listLimit(5)).isSameAs(builder);
    assertThatThrownBy(() -> builder.waterfall(day(2), day(1), JANUARY))
        .isInstanceOf(ValidationException.class);
    assertThat(builder.waterfall(day(1), day(2), JANUARY)).isSameAs(builder);
  }

  @Test
  void addersAdd() {
    PipelineInsight.Builder builder =
        PipelineInsight.builder().addPipeline(Histories.pipeline()).quotas(List.of());
    assertThat(builder.quotas(List.of()).teams(List.of()).teams(List.of())).isSameAs(builder);
  }

  /** Issue 15: an observer on the builder times each analysis as the analysis "insight". */
  @Test
  void anObserverSeesEachAnalysis() {
    java.util.List<String> kinds = new java.util.ArrayList<>();
    org.salespipeline.core.event.PipelineObserver observer =
        new org.salespipeline.core.event.PipelineObserver() {
          @Override
          public <T> T observeAnalysis(String kind, java.util.function.Supplier<T> analysis) {
            kinds.add(kind);
            return analysis.get();
          }
        };
    PipelineInsight insight =
        PipelineInsight.builder()
            .addPipeline(Histories.pipeline())
            .events(List.of())
            .reportingCurrency("USD")
            .asOf(day(30))
            .observer(observer)
            .build();

    insight.analyze();
    insight.analyze();

    assertThat(kinds).containsExactly("insight", "insight");
  }
}
