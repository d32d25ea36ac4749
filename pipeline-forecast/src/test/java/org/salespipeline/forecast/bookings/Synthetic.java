package org.salespipeline.forecast.bookings;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * A seeded synthetic company for the bookings tests: deals created through 2016 and 2017 with a win
 * chance, a cycle of a few weeks and a pull towards the end of each quarter.
 */
final class Synthetic {
  static final LocalDate START = LocalDate.of(2016, 1, 1);

  private Synthetic() {}

  static Ledger history(long seed, int deals) {
    return history(seed, deals, 1);
  }

  static Ledger history(long seed, int deals, long scale) {
    SplittableRandom r = new SplittableRandom(seed);
    Ledger l = new Ledger();
    for (int i = 0; i < deals; i++) {
      LocalDate created = START.plusDays(r.nextInt(560));
      long amount = (100 + r.nextInt(5000)) * scale;
      int cycle = 3 + r.nextInt(80);
      LocalDate close = created.plusDays(cycle);
      int monthOfQuarter = (close.getMonthValue() - 1) % 3;
      if (monthOfQuarter < 2 && r.nextInt(3) == 0) {
        close = close.withDayOfMonth(1).plusMonths(2 - monthOfQuarter).plusDays(r.nextInt(28));
      }
      boolean closed = r.nextInt(10) > 0;
      boolean won = r.nextInt(100) < 40;
      l.deal(created, amount, closed ? close : null, won);
    }
    return l;
  }
}
