package org.salespipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PeriodTest {

  @Test
  void equalPeriodsHashAlikeAndMonthsSpreadOverHashBuckets() {
    ForecastPeriod a = ForecastPeriod.month(YearMonth.of(2026, 3));
    ForecastPeriod b = new ForecastPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1));
    assertThat(a).isEqualTo(b);
    assertThat(a.hashCode()).isEqualTo(b.hashCode());
    // a HashMap of 32 buckets indexes by the low 5 bits of (h ^ h >>> 16): two years of months
    // should not pile up in a few buckets
    List<ForecastPeriod> months = ForecastPeriod.months(YearMonth.of(2025, 1), 24);
    Set<Integer> buckets = new HashSet<>();
    for (ForecastPeriod p : months) {
      int h = p.hashCode();
      buckets.add((h ^ (h >>> 16)) & 31);
    }
    assertThat(buckets).hasSizeGreaterThanOrEqualTo(12);
  }
}
