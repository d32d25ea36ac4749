package org.salespipeline.forecast.bookings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.forecast.bookings.Ledger.forecaster;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.salespipeline.core.Money;
import org.salespipeline.forecast.ForecastPeriod;

/** Invariants of the bookings forecast on seeded synthetic companies. */
class BookingsPropertiesTest {
  static LocalDate origin(int day) {
    return Synthetic.START.plusDays(day);
  }

  static ForecastPeriod period(LocalDate origin, boolean quarter) {
    return (quarter ? PeriodLength.QUARTER : PeriodLength.MONTH).containing(origin);
  }

  @Property(tries = 25)
  void bandIsOrderedAndPartsAddUp(
      @ForAll @LongRange(min = 1, max = 1000) long seed,
      @ForAll @IntRange(min = 0, max = 620) int day,
      @ForAll boolean quarter) {
    LocalDate t = origin(day);
    BookingsForecast f =
        forecaster(Synthetic.history(seed, 300).events).forecast(period(t, quarter), t);
    assertThat(f.wonSoFar().isNegative()).isFalse();
    assertThat(f.openPipeline().isNegative()).isFalse();
    assertThat(f.newBusiness().isNegative()).isFalse();
    assertThat(f.expected()).isEqualTo(f.wonSoFar().plus(f.openPipeline()).plus(f.newBusiness()));
    assertThat(f.wonSoFar().compareTo(f.p10())).isLessThanOrEqualTo(0);
    assertThat(f.p10().compareTo(f.p50())).isLessThanOrEqualTo(0);
    assertThat(f.p50().compareTo(f.p90())).isLessThanOrEqualTo(0);
  }

  @Property(tries = 25)
  void wonSoFarIsTheExactSumOfWinsInThePeriodBeforeTheOrigin(
      @ForAll @LongRange(min = 1, max = 1000) long seed,
      @ForAll @IntRange(min = 0, max = 620) int day,
      @ForAll boolean quarter) {
    LocalDate t = origin(day);
    ForecastPeriod p = period(t, quarter);
    SyntheticWins wins = new SyntheticWins(seed, 300);
    BookingsForecast f = forecaster(wins.ledger.events).forecast(p, t);
    assertThat(f.wonSoFar()).isEqualTo(wins.wonBetween(p.start(), t));
  }

  @Property(tries = 20)
  void noLookAhead(
      @ForAll @LongRange(min = 1, max = 1000) long seed,
      @ForAll @IntRange(min = 60, max = 620) int day,
      @ForAll boolean quarter) {
    LocalDate t = origin(day);
    ForecastPeriod p = period(t, quarter);
    Ledger l = Synthetic.history(seed, 300);
    BookingsForecast all = forecaster(l.events).forecast(p, t);
    BookingsForecast past = forecaster(l.before(t)).forecast(p, t);
    assertThat(past.toString()).isEqualTo(all.toString());
    assertThat(past.accuracy()).isEqualTo(all.accuracy());
    assertThat(past.candidates()).isEqualTo(all.candidates());
  }

  @Property(tries = 20)
  void aWonDealBeforeTheOriginRaisesWonSoFarByItsAmount(
      @ForAll @LongRange(min = 1, max = 1000) long seed,
      @ForAll @IntRange(min = 0, max = 620) int day,
      @ForAll @IntRange(min = 1, max = 1_000_000) int amount) {
    LocalDate t = origin(day);
    ForecastPeriod p = period(t, false);
    if (!t.isAfter(p.start())) {
      t = t.plusDays(1);
    }
    Ledger l = Synthetic.history(seed, 200);
    BookingsForecast before = forecaster(l.events).forecast(p, t);
    l.deal(p.start().minusDays(10), amount, t.minusDays(1), true);
    BookingsForecast after = forecaster(l.events).forecast(p, t);
    assertThat(after.wonSoFar()).isEqualTo(before.wonSoFar().plus(Money.of(amount, "USD")));
  }

  @Property(tries = 15)
  void scalingEveryAmountScalesTheForecast(
      @ForAll @LongRange(min = 1, max = 1000) long seed,
      @ForAll @IntRange(min = 90, max = 620) int day,
      @ForAll @IntRange(min = 2, max = 50) int k) {
    LocalDate t = origin(day);
    ForecastPeriod p = period(t, false);
    BookingsForecast one = forecaster(Synthetic.history(seed, 300, 1).events).forecast(p, t);
    BookingsForecast scaled = forecaster(Synthetic.history(seed, 300, k).events).forecast(p, t);
    assertThat(scaled.method()).isEqualTo(one.method());
    assertThat(scaled.wonSoFar()).isEqualTo(times(one.wonSoFar(), k));
    // parts are rounded to whole minor units, and the band's past errors are ratios of rounded
    // forecasts: allow that rounding (a few minor units per k, and one part in 10^5 of the band)
    BigDecimal perK = new BigDecimal("0.04").multiply(BigDecimal.valueOf(k + 1));
    for (Money[] pair :
        List.of(
            new Money[] {scaled.expected(), one.expected()},
            new Money[] {scaled.p10(), one.p10()},
            new Money[] {scaled.p50(), one.p50()},
            new Money[] {scaled.p90(), one.p90()})) {
      BigDecimal diff = pair[0].amount().subtract(times(pair[1], k).amount()).abs();
      BigDecimal relative = pair[0].amount().abs().multiply(new BigDecimal("0.00001"));
      assertThat(diff).isLessThanOrEqualTo(perK.max(relative));
    }
  }

  private static Money times(Money m, int k) {
    return m.times(BigDecimal.valueOf(k));
  }

  /** A synthetic ledger with its wins listed for a brute-force check. */
  static final class SyntheticWins {
    final Ledger ledger = new Ledger();
    final List<Object[]> wins = new ArrayList<>();

    SyntheticWins(long seed, int deals) {
      java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
      for (int i = 0; i < deals; i++) {
        LocalDate created = Synthetic.START.plusDays(r.nextInt(560));
        long amount = 1 + r.nextInt(9000);
        LocalDate close = created.plusDays(r.nextInt(90));
        boolean won = r.nextBoolean();
        ledger.deal(created, amount, close, won);
        if (won) {
          wins.add(new Object[] {close, amount});
        }
      }
    }

    Money wonBetween(LocalDate from, LocalDate before) {
      long sum = 0;
      for (Object[] w : wins) {
        LocalDate d = (LocalDate) w[0];
        if (!d.isBefore(from) && d.isBefore(before)) {
          sum += (Long) w[1];
        }
      }
      return Money.of(sum, "USD");
    }
  }
}
