package org.salespipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.salespipeline.core.ForecastCategory;

/** FORECASTING.md invariants 1 (weighted pipeline) and 9 (cumulative rollups). */
class WeightedPropertiesTest {
  static final Currency USD = Currency.getInstance("USD");
  static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);
  static final List<ForecastPeriod> MONTHS = ForecastPeriod.months(YearMonth.of(2026, 1), 6);

  record D(long amount, double p, int day, int owner, int category) {}

  @Provide
  Arbitrary<List<D>> deals() {
    Arbitrary<Long> amount =
        Arbitraries.oneOf(
            Arbitraries.longs().between(0, 1_000_000_000L), Arbitraries.longs().between(0, 100));
    Arbitrary<Double> p =
        Arbitraries.oneOf(
            Arbitraries.doubles().between(0, 1), Arbitraries.of(0.0, 1.0, 0.5, 0.1, 0.9));
    return Combinators.combine(
            amount,
            p,
            Arbitraries.integers().between(0, 180),
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, 5))
        .as(D::new)
        .list()
        .ofMaxSize(60);
  }

  /** Like {@link #deals()}, with some deals up to the largest amount (totals above 2^44). */
  @Provide
  Arbitrary<List<D>> dealsUpToTheLargest() {
    Arbitrary<Long> amount =
        Arbitraries.oneOf(
            Arbitraries.longs().between(0, 1_000_000_000L),
            Arbitraries.longs().between(0, PipelineSnapshot.MAX_DEAL_AMOUNT));
    return Combinators.combine(
            amount,
            Arbitraries.doubles().between(0, 1),
            Arbitraries.integers().between(0, 180),
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, 5))
        .as(D::new)
        .list()
        .ofMaxSize(60);
  }

  static PipelineSnapshot snapshot(List<D> deals) {
    var b = PipelineSnapshot.builder(USD, AS_OF);
    int i = 0;
    for (D d : deals) {
      b.deal("d" + i++)
          .amountMinor(d.amount)
          .probability(d.p)
          .closeDate(AS_OF.plusDays(d.day))
          .stage("s" + d.owner % 3)
          .owner("o" + d.owner)
          .category(ForecastCategory.values()[d.category])
          .add();
    }
    return b.build();
  }

  @Property
  void fastRoundingEqualsRint(
      @ForAll @net.jqwik.api.constraints.LongRange(min = 0, max = 1L << 44) long amount,
      @ForAll @net.jqwik.api.constraints.DoubleRange(min = 0, max = 1) double p) {
    assertThat(Forecaster.term(amount, p)).isEqualTo((long) Math.rint(amount * p * 256.0));
    assertThat(Forecaster.term(1L << 44, 1.0)).isEqualTo(1L << 52);
  }

  @Property
  void weightedIsIndependentOfOrder(@ForAll("deals") List<D> deals, @ForAll long seed) {
    List<D> shuffled = new ArrayList<>(deals);
    Collections.shuffle(shuffled, new Random(seed));
    assertThat(Forecaster.of(snapshot(shuffled)).weightedScaled())
        .isEqualTo(Forecaster.of(snapshot(deals)).weightedScaled());
  }

  @Property
  void ownerTotalsAddUpToTheTotal(@ForAll("deals") List<D> deals) {
    Forecaster f = Forecaster.of(snapshot(deals));
    for (Dimension dim : Dimension.values()) {
      ForecastTable t = f.weightedBy(MONTHS, dim);
      long sum = 0;
      for (int k = 0; k < MONTHS.size(); k++) {
        for (int c = 0; c < t.columns().size(); c++) {
          sum += t.weightedScaled(k, c);
        }
      }
      // every generated close date lies within the six months
      assertThat(sum).isEqualTo(f.weightedScaled());
    }
  }

  @Property
  void everyCellMatchesANaiveSum(@ForAll("dealsUpToTheLargest") List<D> deals) {
    Forecaster f = Forecaster.of(snapshot(deals));
    ForecastTable t = f.weightedBy(MONTHS, Dimension.OWNER);
    for (int k = 0; k < MONTHS.size(); k++) {
      ForecastPeriod m = MONTHS.get(k);
      for (int c = 0; c < t.columns().size(); c++) {
        String owner = t.columns().get(c);
        long amount = 0;
        int count = 0;
        long weighted = 0;
        for (D d : deals) {
          if (("o" + d.owner).equals(owner) && m.contains(AS_OF.plusDays(d.day))) {
            amount += d.amount;
            count++;
            weighted += Forecaster.term(d.amount, d.p);
          }
        }
        assertThat(t.amount(k, c)).isEqualTo(amount);
        assertThat(t.count(k, c)).isEqualTo(count);
        assertThat(t.weightedScaled(k, c)).isEqualTo(weighted);
      }
    }
  }

  @Property
  void additiveOverAnyPartition(
      @ForAll("deals") List<D> deals, @ForAll @IntRange(max = 60) int cut) {
    int k = Math.min(cut, deals.size());
    long left = Forecaster.of(snapshot(deals.subList(0, k))).weightedScaled();
    long right = Forecaster.of(snapshot(deals.subList(k, deals.size()))).weightedScaled();
    assertThat(left + right).isEqualTo(Forecaster.of(snapshot(deals)).weightedScaled());
  }

  @Property
  void boundedByCertainAndTotalAmounts(@ForAll("deals") List<D> deals) {
    double e = Forecaster.of(snapshot(deals)).weighted();
    long certain = deals.stream().filter(d -> d.p == 1.0).mapToLong(D::amount).sum();
    long total = deals.stream().mapToLong(D::amount).sum();
    assertThat(e).isBetween((double) certain, (double) total);
  }

  @Property
  void linearInAmounts(@ForAll("deals") List<D> deals, @ForAll @IntRange(min = 1, max = 50) int k) {
    List<D> scaled =
        deals.stream().map(d -> new D(d.amount * k, d.p, d.day, d.owner, d.category)).toList();
    double e = Forecaster.of(snapshot(deals)).weighted();
    double ek = Forecaster.of(snapshot(scaled)).weighted();
    // each term is rounded to 1/256 minor unit: the only departure from exact linearity
    assertThat(Math.abs(ek - k * e)).isLessThanOrEqualTo((k + 1) * deals.size() / 512.0 + 1e-9);
  }

  @Property
  void rollupsAreCumulative(@ForAll("deals") List<D> deals) {
    Forecaster f = Forecaster.of(snapshot(deals));
    for (ForecastPeriod m : MONTHS) {
      CategoryRollup r = f.rollup(m);
      assertThat(r.closed()).isLessThanOrEqualTo(r.commit());
      assertThat(r.commit()).isLessThanOrEqualTo(r.mostLikely());
      assertThat(r.mostLikely()).isLessThanOrEqualTo(r.bestCase());
      assertThat(r.bestCase()).isLessThanOrEqualTo(r.pipeline());
      CategoryRollup sum = new CategoryRollup(0, 0, 0, 0, 0);
      for (CategoryRollup o : f.rollupByOwner(m).values()) {
        sum = sum.plus(o);
      }
      assertThat(sum).isEqualTo(r);
    }
  }
}
