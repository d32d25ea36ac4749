package org.salespipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.salespipeline.core.CurrencyConversionException;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.Money;
import org.salespipeline.core.ValidationException;
import org.salespipeline.forecast.distribution.RevenueDistribution;
import org.salespipeline.forecast.distribution.RevenueDistributions;

/**
 * The bad-input corpus of the forecaster and the distributions: each input has either a documented
 * answer (checked value by value, and never NaN) or a typed error naming the field.
 */
class BadInputTest {
  static final ForecastPeriod JAN = ForecastPeriod.month(YearMonth.of(2026, 1));
  static final ForecastPeriod JUL = ForecastPeriod.month(YearMonth.of(2026, 7));
  static final LocalDate AS_OF = LocalDate.of(2026, 1, 10);

  static PipelineSnapshot.Builder empty() {
    return PipelineSnapshot.builder(ForecasterTest.USD, AS_OF);
  }

  static PipelineSnapshot deals(long[] amounts, double[] p) {
    PipelineSnapshot.Builder b = empty();
    for (int i = 0; i < amounts.length; i++) {
      b.deal("d" + i)
          .amountMinor(amounts[i])
          .probability(p[i])
          .closeDate(LocalDate.of(2026, 1, 20))
          .stage("s")
          .owner(i % 2 == 0 ? "ann" : "bob")
          .add();
    }
    return b.build();
  }

  /** Everything a period forecast reports, in a fixed order, for comparing and NaN checks. */
  static double[] report(Forecaster f, ForecastPeriod period) {
    RevenueDistribution d = f.distribution(period);
    CategoryRollup r = f.rollup(period);
    List<Double> out =
        new ArrayList<>(
            List.of(
                f.weighted(period),
                f.weightedWithOverrides(period),
                (double) f.closed(period),
                f.runRate(period),
                f.expected(period),
                (double) r.closed(),
                (double) r.openPipeline(),
                d.mean(),
                d.standardDeviation(),
                d.p10(),
                d.p50(),
                d.p90(),
                d.probabilityAtLeast(1),
                d.errorBound()));
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static double[] expect(double weighted, double mean, double p50, double atLeastOne) {
    // weighted, with overrides, closed, run-rate, expected, rollup closed, rollup open pipeline,
    // mean, sd, p10, p50, p90, P(S >= 1), error bound: the inputs below are point masses
    return new double[] {
      weighted, weighted, 0, 0, weighted, 0, -1, mean, 0, p50, p50, p50, atLeastOne, 0
    };
  }

  static Stream<Arguments> documentedAnswers() {
    return Stream.of(
        Arguments.of(
            "empty pipeline: zero totals, point mass at 0",
            (Supplier<double[]>) () -> report(Forecaster.of(empty().build()), JAN),
            expect(0, 0, 0, 0)),
        Arguments.of(
            "zero amounts: zero totals, point mass at 0",
            (Supplier<double[]>)
                () -> report(Forecaster.of(deals(new long[] {0, 0}, new double[] {0.3, 1})), JAN),
            expect(0, 0, 0, 0)),
        Arguments.of(
            "all probabilities 0: point mass at 0",
            (Supplier<double[]>)
                () -> report(Forecaster.of(deals(new long[] {500, 700}, new double[] {0, 0})), JAN),
            expect(0, 0, 0, 0)),
        Arguments.of(
            "all probabilities 1: point mass at the sum",
            (Supplier<double[]>)
                () -> report(Forecaster.of(deals(new long[] {500, 700}, new double[] {1, 1})), JAN),
            expect(1200, 1200, 1200, 1)),
        Arguments.of(
            "period without deals: zero totals, point mass at 0",
            (Supplier<double[]>)
                () ->
                    report(
                        Forecaster.of(deals(new long[] {500, 700}, new double[] {0.5, 0.5})), JUL),
            expect(0, 0, 0, 0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documentedAnswers")
  void hasADocumentedAnswerAndNoNaN(String name, Supplier<double[]> result, double[] expected) {
    double[] actual = result.get();
    for (int i = 0; i < actual.length; i++) {
      assertThat(actual[i]).as("%s [%d]", name, i).isNotNaN();
      if (expected[i] >= 0) {
        assertThat(actual[i]).as("%s [%d]", name, i).isEqualTo(expected[i]);
      }
    }
  }

  static Stream<Arguments> typedErrors() {
    Forecaster f = Forecaster.of(deals(new long[] {500, 700}, new double[] {0.5, 0.5}));
    return Stream.of(
        Arguments.of(
            "NaN probability given to the forecaster",
            "probabilities[1]",
            (ThrowingCallable) () -> f.withProbabilities(new double[] {0.5, Double.NaN})),
        Arguments.of(
            "probabilities of the wrong length",
            "probabilities",
            (ThrowingCallable) () -> f.withProbabilities(new double[] {0.5})),
        Arguments.of(
            "NaN probability on a row",
            "probability",
            (ThrowingCallable) () -> empty().deal("x").probability(Double.NaN)),
        Arguments.of(
            "probability above 1 on a row",
            "probability",
            (ThrowingCallable) () -> empty().deal("x").probability(1.5)),
        Arguments.of(
            "negative amount on a row",
            "amount",
            (ThrowingCallable) () -> empty().deal("x").amountMinor(-1)),
        Arguments.of(
            "unknown currency code", "currency", (ThrowingCallable) () -> Money.of("10.00", "XYZ")),
        Arguments.of(
            "NaN probability given to an engine",
            "probabilities[0]",
            (ThrowingCallable)
                () -> RevenueDistributions.auto(new long[] {1}, new double[] {Double.NaN})),
        Arguments.of(
            "negative amount given to an engine",
            "amounts[0]",
            (ThrowingCallable)
                () -> RevenueDistributions.hybrid(new long[] {-5}, new double[] {0.5})),
        Arguments.of(
            "NaN quantile level",
            "q",
            (ThrowingCallable) () -> f.distribution(JAN).quantile(Double.NaN)),
        Arguments.of(
            "negative quota", "amount", (ThrowingCallable) () -> new QuotaTarget("ann", JAN, -1)),
        Arguments.of(
            "Monte Carlo with no trials",
            "trials",
            (ThrowingCallable)
                () -> f.monteCarlo(JAN, 0, 1, org.salespipeline.core.ProgressListener.NONE)),
        Arguments.of(
            "NaN in the run-rate history",
            "newBusinessBookings[0]",
            (ThrowingCallable)
                () ->
                    f.withRunRate(
                        ForecastPeriod.months(YearMonth.of(2025, 1), 3),
                        new double[] {Double.NaN, 1, 2},
                        1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("typedErrors")
  void isATypedErrorNamingTheField(String name, String field, ThrowingCallable action) {
    assertThatThrownBy(action)
        .as(name)
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(field);
  }

  @org.junit.jupiter.api.Test
  void anAmountInACurrencyWithoutARateIsATypedConversionError() {
    assertThatThrownBy(
            () -> empty().deal("x").amount(Money.of("10.00", "EUR")).stage("s").owner("a"))
        .isInstanceOf(CurrencyConversionException.class);
  }

  @org.junit.jupiter.api.Test
  void aZeroQuotaGivesNoAttainmentCoverageOrChance() {
    Forecaster f =
        Forecaster.of(
            empty()
                .deal("w")
                .amountMinor(300)
                .closeDate(LocalDate.of(2026, 1, 5))
                .stage("won")
                .owner("ann")
                .status(DealStatus.WON)
                .add()
                .build());
    QuotaReport r =
        f.quotaReports(JAN, TeamHierarchy.none(), List.of(new QuotaTarget("ann", JAN, 0))).get(0);
    assertThat(r.quota()).isZero();
    assertThat(r.attainment()).isEmpty();
    assertThat(r.coverage()).isEmpty();
    assertThat(r.probabilityOfQuota()).isEmpty();
    assertThat(r.gap()).isEqualTo(-300);
  }
}
