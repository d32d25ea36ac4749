package org.salespipeline.forecast.bookings;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.forecast.ForecastPeriod;

class DebugCrmTest {
  @Test
  void debug() throws Exception {
    CrmHistory h = CrmHistory.load();
    DealColumns c =
        new HistoryReader(
                CrmHistory.pipeline(),
                Currency.getInstance("USD"),
                CurrencyConverter.sameCurrencyOnly(),
                ZoneId.of("UTC"))
            .read(h.events, ProgressListener.NONE);
    ForecastEngine e = new ForecastEngine(c, Currency.getInstance("USD"), ProgressListener.NONE);
    for (LocalDate d = LocalDate.of(2017, 4, 1);
        !d.isAfter(LocalDate.of(2017, 12, 1));
        d = d.plusMonths(1)) {
      ForecastPeriod p = ForecastPeriod.of(d, d.plusMonths(1));
      int t = (int) d.toEpochDay();
      ForecastEngine.Point pt = e.point(p, t);
      long nbActual = c.bookings(p.startDay(), p.endDay(), Integer.MAX_VALUE, t);
      long all = c.bookings(p.startDay(), p.endDay(), Integer.MAX_VALUE, Integer.MIN_VALUE);
      InPeriodModel m = e.fit(t);
      System.out.printf(
          "%s open %d vs %d  nb %d vs %d  cal %.2f %.2f %.2f%n",
          d,
          pt.open(),
          all - nbActual,
          pt.newBusiness(),
          nbActual,
          m.calendarFactor(0),
          m.calendarFactor(1),
          m.calendarFactor(2));
    }
  }
}
