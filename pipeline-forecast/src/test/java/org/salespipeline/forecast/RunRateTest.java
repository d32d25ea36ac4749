package org.salespipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.ValidationException;

/** Run-rate of deals not created yet: examples with hand-computed series, and properties. */
class RunRateTest {
  static final List<ForecastPeriod> H1_2025 = ForecastPeriod.months(YearMonth.of(2025, 1), 6);
  static final ForecastPeriod JUL = ForecastPeriod.month(YearMonth.of(2025, 7));
  static final ForecastPeriod AUG = ForecastPeriod.month(YearMonth.of(2025, 8));
  static final ForecastPeriod Q3 = ForecastPeriod.quarter(2025, 3);

  static Forecaster forecaster(LocalDate asOf) {
    return Forecaster.of(
        PipelineSnapshot.builder(ForecasterTest.USD, asOf)
            .deal("o1")
            .amountMinor(10_000)
            .probability(0.5)
            .closeDate(LocalDate.of(2025, 7, 20))
            .stage("propose")
            .owner("ann")
            .add()
            .build());
  }

  @Test
  void constantBookingsGiveThatConstantPerFuturePeriod() {
    double[] flat = new double[6];
    Arrays.fill(flat, 1000);
    Forecaster f = forecaster(LocalDate.of(2025, 6, 30)).withRunRate(H1_2025, flat, 1);
    assertThat(f.hasRunRate()).isTrue();
    assertThat(f.runRate(JUL)).isCloseTo(1000, within(1e-9));
    assertThat(f.runRate(Q3)).isCloseTo(3000, within(1e-9));
    // the past and the snapshot date itself: those deals exist already
    assertThat(f.runRate(ForecastPeriod.month(YearMonth.of(2025, 6)))).isZero();
  }

  @Test
  void aPeriodUnderWayCountsOnlyTheDaysAfterTheSnapshotDate() {
    double[] flat = new double[6];
    Arrays.fill(flat, 3100);
    Forecaster f = forecaster(LocalDate.of(2025, 7, 10)).withRunRate(H1_2025, flat, 1);
    // July 11 to 31: 21 of 31 days
    assertThat(f.runRate(JUL)).isCloseTo(2100, within(1e-9));
  }

  @Test
  void aLinearTrendIsExtrapolatedAndAFallingOneClampedAtZero() {
    double[] rising = {100, 200, 300, 400, 500, 600};
    // alpha = beta = 1: level = last value, trend = last step; seasonals stay 0 with m = 1
    HoltWinters hw = HoltWinters.of(rising, 1, 1, 1, 0.5);
    Forecaster f = forecaster(LocalDate.of(2025, 6, 30)).withRunRate(H1_2025, hw);
    assertThat(f.runRate(JUL)).isCloseTo(700, within(1e-9));
    assertThat(f.runRate(AUG)).isCloseTo(800, within(1e-9));
    double[] falling = {600, 500, 400, 300, 200, 100};
    Forecaster g =
        forecaster(LocalDate.of(2025, 6, 30))
            .withRunRate(H1_2025, HoltWinters.of(falling, 1, 1, 1, 0.5));
    // 100 - 100 h: 0 in July, then negative, clamped to 0
    assertThat(HoltWinters.of(falling, 1, 1, 1, 0.5).forecast(2)).isEqualTo(-100);
    assertThat(g.runRate(JUL)).isZero();
    assertThat(g.runRate(Q3)).isZero();
  }

  @Test
  void quarterlyHistoryIsSpreadOverTheDaysOfAMonth() {
    List<ForecastPeriod> quarters =
        List.of(
            ForecastPeriod.quarter(2024, 1),
            ForecastPeriod.quarter(2024, 2),
            ForecastPeriod.quarter(2024, 3),
            ForecastPeriod.quarter(2024, 4),
            ForecastPeriod.quarter(2025, 1));
    double[] flat = {9100, 9100, 9100, 9100, 9100};
    Forecaster f = forecaster(LocalDate.of(2025, 3, 31)).withRunRate(quarters, flat, 1);
    // April is 30 of Q2's 91 days
    assertThat(f.runRate(ForecastPeriod.month(YearMonth.of(2025, 4))))
        .isCloseTo(3000, within(1e-9));
  }

  @Test
  void theRunRateIsASeparateLineBesideTheWeightedPipeline() {
    double[] flat = new double[6];
    Arrays.fill(flat, 1000);
    Forecaster plain = forecaster(LocalDate.of(2025, 6, 30));
    Forecaster f = plain.withRunRate(H1_2025, flat, 1);
    assertThat(plain.hasRunRate()).isFalse();
    assertThat(plain.runRate(JUL)).isZero();
    assertThat(plain.expected(JUL)).isEqualTo(plain.weighted(JUL));
    assertThat(f.weighted(JUL)).isEqualTo(5000);
    assertThat(f.expected(JUL)).isCloseTo(6000, within(1e-9));
    ForecastTable t = f.weightedBy(List.of(JUL, AUG), Dimension.OWNER);
    assertThat(t.periodWeighted(0)).isEqualTo(5000);
    assertThat(t.runRate(0)).isCloseTo(1000, within(1e-9));
    assertThat(t.periodTotal(0)).isCloseTo(6000, within(1e-9));
    assertThat(t.totalWeighted()).isEqualTo(5000);
    assertThat(t.totalRunRate()).isCloseTo(2000, within(1e-9));
    assertThat(t.total()).isCloseTo(7000, within(1e-9));
    assertThat(plain.weightedBy(List.of(JUL, AUG), Dimension.OWNER).totalRunRate()).isZero();
    // the model and scenarios keep the run-rate, and it does not follow win-rate changes
    assertThat(f.withProbabilities(new double[] {1.0}).runRate(JUL)).isEqualTo(f.runRate(JUL));
    Forecaster s = Scenario.of(f).winRateChange(0.5).apply();
    assertThat(s.runRate(JUL)).isEqualTo(f.runRate(JUL));
    assertThat(s.weighted(JUL)).isEqualTo(7500);
  }

  @Test
  void badHistoriesAreTypedErrors() {
    Forecaster f = forecaster(LocalDate.of(2025, 6, 30));
    double[] six = {1, 2, 3, 4, 5, 6};
    assertThatThrownBy(() -> f.withRunRate(H1_2025, new double[] {1, 2, 3}, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("history");
    assertThatThrownBy(() -> f.withRunRate(H1_2025, new double[] {1, 2, Double.NaN, 4, 5, 6}, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("newBusinessBookings[2]");
    assertThatThrownBy(() -> f.withRunRate(H1_2025, new double[] {1, 2, -3, 4, 5, 6}, 1))
        .isInstanceOf(ValidationException.class);
    // one season of history is not an error: the seasonal naive forecast, July = January
    assertThat(f.withRunRate(H1_2025, six, 6).runRate(JUL)).isCloseTo(1, within(1e-9));
    List<ForecastPeriod> gap =
        List.of(H1_2025.get(0), H1_2025.get(1), H1_2025.get(3), H1_2025.get(4), H1_2025.get(5));
    assertThatThrownBy(() -> f.withRunRate(gap, new double[] {1, 2, 3, 4, 5}, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("consecutive");
    List<ForecastPeriod> mixed =
        List.of(
            ForecastPeriod.month(YearMonth.of(2025, 1)),
            ForecastPeriod.of(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 8)),
            ForecastPeriod.of(LocalDate.of(2025, 2, 8), LocalDate.of(2025, 3, 1)));
    assertThatThrownBy(() -> f.withRunRate(mixed, new double[] {1, 2, 3}, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("as long as");
    // three calendar months, then a 31-day period: not monthly, and February is not 31 days
    List<ForecastPeriod> monthsThenDays =
        List.of(
            ForecastPeriod.month(YearMonth.of(2025, 1)),
            ForecastPeriod.month(YearMonth.of(2025, 2)),
            ForecastPeriod.month(YearMonth.of(2025, 3)),
            ForecastPeriod.of(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 5, 2)));
    assertThatThrownBy(() -> f.withRunRate(monthsThenDays, new double[] {1, 2, 3, 4}, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("history[1]")
        .hasMessageContaining("as long as");
    assertThatThrownBy(() -> f.withRunRate(H1_2025, (double[]) null, 1))
        .isInstanceOf(ValidationException.class);
    Forecaster ok = f.withRunRate(H1_2025, six, 1);
    assertThatThrownBy(() -> ok.runRate(ForecastPeriod.month(YearMonth.of(3000, 1))))
        .isInstanceOf(ValidationException.class);
  }

  @Property(tries = 200)
  void constantHistoryGivesAConstantRunRate(
      @ForAll @DoubleRange(min = 0, max = 1e9) double c,
      @ForAll @IntRange(min = 1, max = 4) int season,
      @ForAll @IntRange(min = 0, max = 8) int extra,
      @ForAll @IntRange(min = 1, max = 12) int months) {
    int n = season + 1 + extra;
    double[] y = new double[n];
    Arrays.fill(y, c);
    List<ForecastPeriod> history = ForecastPeriod.months(YearMonth.of(2020, 1), n);
    LocalDate asOf = history.get(n - 1).end().minusDays(1);
    Forecaster f = forecaster(asOf).withRunRate(history, y, season);
    YearMonth next = YearMonth.from(history.get(n - 1).end());
    for (ForecastPeriod m : ForecastPeriod.months(next, months)) {
      assertThat(f.runRate(m)).isCloseTo(c, within(1e-9 * (1 + c)));
    }
  }

  @Property(tries = 200)
  void theRunRateIsNonNegativeFiniteAndAdditiveOverAdjacentPeriods(
      @ForAll @Size(min = 5, max = 24) List<@DoubleRange(min = 0, max = 1e7) Double> bookings,
      @ForAll @IntRange(min = 1, max = 4) int season,
      @ForAll @IntRange(min = -40, max = 400) int asOfOffset,
      @ForAll @IntRange(min = 1, max = 200) int split,
      @ForAll @IntRange(min = 1, max = 200) int length) {
    double[] y = bookings.stream().mapToDouble(Double::doubleValue).toArray();
    List<ForecastPeriod> history = ForecastPeriod.months(YearMonth.of(2020, 1), y.length);
    LocalDate end = history.get(y.length - 1).end();
    Forecaster f = forecaster(end.plusDays(asOfOffset)).withRunRate(history, y, season);
    LocalDate a = end.minusDays(30);
    LocalDate b = a.plusDays(split);
    LocalDate c = b.plusDays(length);
    double whole = f.runRate(ForecastPeriod.of(a, c));
    double parts = f.runRate(ForecastPeriod.of(a, b)) + f.runRate(ForecastPeriod.of(b, c));
    assertThat(whole).isFinite().isGreaterThanOrEqualTo(0);
    assertThat(parts).isCloseTo(whole, within(1e-6 * (1 + whole)));
    // nothing before the day after the snapshot date
    LocalDate firstUnknown = end.plusDays(asOfOffset + 1);
    if (firstUnknown.isAfter(a)) {
      assertThat(f.runRate(ForecastPeriod.of(a, firstUnknown))).isZero();
    }
  }
}
