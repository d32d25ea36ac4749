package org.salespipeline.forecast.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.forecast.insight.Histories.day;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.data.Offset;
import org.salespipeline.core.DealSource;
import org.salespipeline.core.UserId;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.insight.Histories.Deal1;

/** Invariants of the insight math over random histories. */
class InsightPropertiesTest {
  static final String[] OWNERS = {"ann", "bob", "cy"};
  static final double AS_OF_DAY = 70;

  /** Random histories; also counts the adjacent moves it made, the only true conversions. */
  static final class Random1 {
    final List<DealEvent> events = new ArrayList<>();
    long adjacentMoves;
  }

  static Random1 histories(long seed, int deals) {
    Random rnd = new Random(seed);
    Random1 out = new Random1();
    for (int n = 1; n <= deals; n++) {
      out.events.addAll(deal(rnd, n, OWNERS[rnd.nextInt(OWNERS.length)], out).events);
    }
    return out;
  }

  static Deal1 deal(Random rnd, long n, String owner, Random1 counter) {
    double t = rnd.nextInt(50);
    int pos = rnd.nextInt(2);
    Deal1 d =
        new Deal1(
            n,
            owner,
            Histories.OPEN.get(pos),
            1 + rnd.nextInt(5000),
            day(t),
            LocalDate.of(2026, 1, 1).plusDays(rnd.nextInt(90)));
    int steps = rnd.nextInt(8);
    for (int s = 0; s < steps; s++) {
      t += rnd.nextDouble() * 5;
      int what = rnd.nextInt(10);
      if (what < 4) {
        int to = rnd.nextInt(3);
        if (to != pos) {
          // why: the analysis runs as of day 70 and ignores later events
          if (to == pos + 1 && t <= AS_OF_DAY) {
            counter.adjacentMoves++;
          }
          d.move(Histories.OPEN.get(to), day(t));
          pos = to;
        }
      } else if (what == 4) {
        d.amount(1 + rnd.nextInt(5000), day(t));
      } else if (what == 5) {
        d.closeDate(d.close.plusDays(rnd.nextInt(60) - 20), day(t));
      } else if (what == 6) {
        d.activity(day(t));
      } else if (what == 7) {
        if (pos == 2 && t <= AS_OF_DAY) {
          counter.adjacentMoves++;
        }
        d.won(day(t));
        break;
      } else if (what == 8) {
        d.lost(day(t));
        break;
      } else {
        d.disqualified(day(t));
        break;
      }
    }
    return d;
  }

  static InsightReport analyze(List<DealEvent> events, double fromDay) {
    return builder(fromDay).events(events).build().analyze();
  }

  static PipelineInsight.Builder builder(double fromDay) {
    return builder(fromDay, ForecastPeriod.months(YearMonth.of(2026, 1), 3));
  }

  static PipelineInsight.Builder builder(double fromDay, List<ForecastPeriod> periods) {
    return PipelineInsight.builder()
        .addPipeline(Histories.pipeline())
        .reportingCurrency("USD")
        .asOf(day(AS_OF_DAY))
        .periods(periods)
        .waterfall(day(fromDay), day(65), ForecastPeriod.month(YearMonth.of(2026, 2)));
  }

  @Property(tries = 200)
  void ratesLieWithinZeroAndOne(@ForAll long seed, @ForAll @IntRange(min = 0, max = 40) int deals) {
    InsightReport r = analyze(histories(seed, deals).events, 10);
    List<Double> rates = new ArrayList<>();
    r.funnel().overall().forEach(c -> rates.add(c.conversionRate()));
    r.funnel().byOwner().values().forEach(l -> l.forEach(c -> rates.add(c.conversionRate())));
    r.funnel().byCohort().values().forEach(l -> l.forEach(c -> rates.add(c.conversionRate())));
    rates.add(r.outcomes().overall().winRate());
    r.outcomes().byOwner().values().forEach(o -> rates.add(o.winRate()));
    r.outcomes().bySource().values().forEach(o -> rates.add(o.winRateCountingDisqualified()));
    r.velocity().byStage().forEach(s -> rates.add(s.velocity().winRate()));
    r.velocity().trend().forEach(s -> rates.add(s.velocity().winRate()));
    rates.add(r.health().idleShare());
    rates.add(r.health().stuckShare());
    r.bottlenecks().forEach(b -> rates.add(b.conversionRate()));
    assertThat(rates).allSatisfy(x -> assertThat(x).isBetween(0.0, 1.0));
    r.workLists()
        .values()
        .forEach(
            l ->
                l.forEach(
                    i -> {
                      assertThat(i.score()).isBetween(0.0, 100.0);
                      assertThat(i.urgency()).isBetween(0.0, 1.0);
                      assertThat(i.risk()).isBetween(0.0, 1.0);
                    }));
  }

  @Property(tries = 200)
  void waterfallBalancesExactly(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 40) int deals,
      @ForAll @IntRange(min = 0, max = 65) int fromDay) {
    Waterfall w = analyze(histories(seed, deals).events, fromDay).waterfall();
    long end = w.bar(WaterfallStep.END).amount();
    long flows =
        w.bar(WaterfallStep.START).amount()
            + w.bar(WaterfallStep.NEW).amount()
            + w.bar(WaterfallStep.PULLED_IN).amount()
            + w.bar(WaterfallStep.AMOUNT_UP).amount()
            - w.bar(WaterfallStep.PUSHED_OUT).amount()
            - w.bar(WaterfallStep.AMOUNT_DOWN).amount()
            - w.bar(WaterfallStep.WON).amount()
            - w.bar(WaterfallStep.LOST).amount();
    assertThat(flows).isEqualTo(end);
    assertThat(w.balance()).isEqualTo(end);
  }

  @Property(tries = 200)
  void onlyAdjacentMovesCountAsConversions(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 40) int deals) {
    Random1 h = histories(seed, deals);
    InsightReport r = analyze(h.events, 10);
    long direct = r.funnel().overall().stream().mapToLong(StageConversion::direct).sum();
    assertThat(direct).isEqualTo(h.adjacentMoves);
  }

  @Property(tries = 150)
  void addingADealOfOneOwnerLeavesOtherOwnersAlone(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 30) int deals,
      @ForAll @IntRange(min = 0, max = 2) int ownerIndex) {
    Random1 h = histories(seed, deals);
    InsightReport before = analyze(h.events, 10);
    List<DealEvent> more = new ArrayList<>(h.events);
    more.addAll(deal(new Random(seed + 1), 10_000, OWNERS[ownerIndex], new Random1()).events);
    InsightReport after = analyze(more, 10);
    for (String o : OWNERS) {
      if (o.equals(OWNERS[ownerIndex])) {
        continue;
      }
      UserId other = UserId.of(o);
      assertThat(after.funnel().byOwner().get(other))
          .isEqualTo(before.funnel().byOwner().get(other));
      assertThat(after.outcomes().byOwner().get(other))
          .isEqualTo(before.outcomes().byOwner().get(other));
      assertThat(after.velocity().byOwner().get(other))
          .isEqualTo(before.velocity().byOwner().get(other));
    }
  }

  /**
   * The report does not depend on how the history is handed over: a random-access list is read in
   * place in batches, other iterables and streams event by event (histories of up to 120 deals
   * cross several batch boundaries).
   */
  @Property(tries = 60)
  void everyKindOfEventSourceGivesTheSameReport(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 120) int deals) {
    List<DealEvent> events = histories(seed, deals).events;
    InsightReport fromList = analyze(events, 10);
    Iterable<DealEvent> plainIterable = events::iterator;
    List<InsightReport> others =
        List.of(
            builder(10).events(new LinkedList<>(events)).build().analyze(),
            builder(10).events(plainIterable).build().analyze(),
            builder(10).events(List.copyOf(events)).build().analyze(),
            builder(10).eventStreams(events::stream).build().analyze());
    for (InsightReport other : others) {
      assertThat(other).usingRecursiveComparison().ignoringFields("source").isEqualTo(fromList);
      assertThat(other.openDeals()).containsExactlyElementsOf(fromList.openDeals().toList());
    }
  }

  /** The report's fast number formatting writes exactly what String.format writes. */
  @Property(tries = 2000)
  void fixedFormatsLikeTheFormatter(
      @ForAll double v, @ForAll @IntRange(min = 0, max = 3) int decimals) {
    assertThat(Assembly.fixed(v, decimals))
        .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", v));
  }

  @Property(tries = 2000)
  void fixedFormatsLikeTheFormatterForEverydayValues(
      @ForAll @IntRange(min = 0, max = 20_000_000) int hundredths,
      @ForAll @IntRange(min = 0, max = 2) int decimals) {
    // values such as 12.25 or 0.5 sit exactly on a rounding boundary
    double v = hundredths / 100.0;
    assertThat(Assembly.fixed(v, decimals))
        .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", v));
    double days = hundredths * 37.0 / 86_400.0;
    assertThat(Assembly.fixed(days, 1)).isEqualTo(String.format(Locale.ROOT, "%.1f", days));
  }

  /**
   * The funnel against a plain replay of every deal's moves: per owner and open stage, the deals
   * that entered it and those that left it directly, skipping, backwards or out, with the value
   * dropped.
   */
  @Property(tries = 200)
  void funnelMatchesAReplayOfTheMoves(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 60) int deals) {
    List<DealEvent> events = histories(seed, deals).events;
    InsightReport r = analyze(events, 10);
    List<String> positions = List.of("lead", "qualified", "proposal", "won");
    Map<String, long[]> expected = new HashMap<>();
    String stage = null;
    long amount = 0;
    boolean ignored = false;
    for (DealEvent e : events) {
      if (e.sequence() == 1) {
        ignored = false;
      }
      if (ignored || e.at().isAfter(day(AS_OF_DAY))) {
        // the analysis runs as of day 70: a deal's later events are not replayed
        ignored = true;
        continue;
      }
      String owner = e.actor().value();
      if (e.change() instanceof Change.Created c) {
        stage = c.deal().stage();
        amount = c.deal().amount().toMinorUnits();
        expected.computeIfAbsent(owner + "/" + stage, k -> new long[6])[0]++;
      } else if (e.change() instanceof Change.AmountChanged a) {
        amount = a.to().toMinorUnits();
      } else if (e.change() instanceof Change.StageChanged m) {
        int from = positions.indexOf(stage);
        int to = positions.indexOf(m.to());
        if (from >= 0 && from < 3) {
          long[] cells = expected.computeIfAbsent(owner + "/" + stage, k -> new long[6]);
          if (to == from + 1) {
            cells[1]++;
          } else if (to > from) {
            cells[2]++;
          } else if (to >= 0) {
            cells[3]++;
          } else {
            cells[4]++;
            cells[5] += amount;
          }
        }
        if (to >= 0 && to < 3) {
          expected.computeIfAbsent(owner + "/" + m.to(), k -> new long[6])[0]++;
        }
        stage = m.to();
      }
    }
    for (String o : OWNERS) {
      List<StageConversion> funnel = r.funnel().byOwner().get(UserId.of(o));
      for (String open : Histories.OPEN) {
        long[] cells = expected.getOrDefault(o + "/" + open, new long[6]);
        StageConversion got =
            funnel == null
                ? null
                : funnel.stream().filter(c -> c.stage().equals(open)).findFirst().orElse(null);
        long[] actual =
            got == null
                ? new long[6]
                : new long[] {
                  got.entered(),
                  got.direct(),
                  got.skipped(),
                  got.backward(),
                  got.dropped(),
                  got.droppedValue()
                };
        assertThat(actual).as("%s in %s", o, open).containsExactly(cells);
      }
    }
  }

  @Property(tries = 200)
  void outcomesMatchAReplayOfTheDeals(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 60) int deals) {
    List<DealEvent> events = histories(seed, deals).events;
    // reporting periods from February: deals created in January belong to no cohort
    List<ForecastPeriod> months = ForecastPeriod.months(YearMonth.of(2026, 2), 2);
    InsightReport r = builder(10, months).events(events).build().analyze();
    // per owner, per cohort and overall: created, won, lost, disqualified, won value, cycle seconds
    Map<Object, long[]> expected = new HashMap<>();
    String owner = null;
    ForecastPeriod cohort = null;
    long amount = 0;
    long createdAt = 0;
    long closedAt = 0;
    int status = 0;
    boolean ignored = false;
    for (int i = 0; i <= events.size(); i++) {
      DealEvent e = i < events.size() ? events.get(i) : null;
      if ((e == null || e.sequence() == 1) && owner != null) {
        // the previous deal is complete: count it by its state as of day 70
        for (Object key : new Object[] {owner, cohort, "overall"}) {
          if (key == null) {
            continue;
          }
          long[] cells = expected.computeIfAbsent(key, k -> new long[6]);
          cells[0]++;
          if (status > 0) {
            cells[status]++;
          }
          if (status == 1) {
            cells[4] += amount;
            cells[5] += Math.max(0, closedAt - createdAt);
          }
        }
        owner = null;
      }
      if (e == null) {
        break;
      }
      if (e.sequence() == 1) {
        ignored = false;
      }
      if (ignored || e.at().isAfter(day(AS_OF_DAY))) {
        ignored = true;
        continue;
      }
      if (e.change() instanceof Change.Created c) {
        owner = c.deal().owner().value();
        LocalDate created = LocalDate.ofInstant(e.at(), java.time.ZoneOffset.UTC);
        cohort = months.stream().filter(p -> p.contains(created)).findFirst().orElse(null);
        amount = c.deal().amount().toMinorUnits();
        createdAt = e.at().getEpochSecond();
        status = 0;
      } else if (e.change() instanceof Change.AmountChanged a) {
        amount = a.to().toMinorUnits();
      } else if (e.change() instanceof Change.Won) {
        status = 1;
        closedAt = e.at().getEpochSecond();
      } else if (e.change() instanceof Change.Lost) {
        status = 2;
      } else if (e.change() instanceof Change.Disqualified) {
        status = 3;
      }
    }
    Map<Object, Outcomes> actual = new HashMap<>();
    r.outcomes().byOwner().forEach((o, v) -> actual.put(o.value(), v));
    actual.putAll(r.outcomes().byCohort());
    actual.put("overall", r.outcomes().overall());
    for (Map.Entry<Object, Outcomes> e : actual.entrySet()) {
      Outcomes got = e.getValue();
      long[] want = expected.getOrDefault(e.getKey(), new long[6]);
      assertThat(
              new long[] {got.created(), got.won(), got.lost(), got.disqualified(), got.wonValue()})
          .as("%s", e.getKey())
          .containsExactly(Arrays.copyOf(want, 5));
      assertThat(got.averageCycleDays())
          .as("%s", e.getKey())
          .isCloseTo(want[1] == 0 ? 0 : want[5] / 86_400.0 / want[1], Offset.offset(1e-9));
    }
    // every row the replay expects is reported (rows with nothing in them may be left out)
    assertThat(actual.keySet()).containsAll(expected.keySet());
    // one pipeline and one source: their rows are the overall row
    for (Outcomes one :
        List.of(
            r.outcomes().byPipeline().values().iterator().next(),
            r.outcomes().bySource().get(DealSource.OTHER))) {
      assertThat(one).isEqualTo(r.outcomes().overall());
    }
  }

  @Property(tries = 300)
  void mostPushedIsTheOpenDealsSortedByPushesThenHistoryOrder(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 60) int deals,
      @ForAll @IntRange(min = 1, max = 8) int limit) {
    List<DealEvent> events = histories(seed, deals).events;
    InsightReport r = builder(10).listLimit(limit).events(events).build().analyze();
    // replay: each deal still open as of day 70 with its last push count, in history order
    List<long[]> open = new ArrayList<>();
    long deal = -1;
    int pushes = 0;
    boolean isOpen = false;
    for (int i = 0; i <= events.size(); i++) {
      DealEvent e = i < events.size() ? events.get(i) : null;
      if ((e == null || e.sequence() == 1) && isOpen && pushes > 0) {
        open.add(new long[] {deal, pushes});
      }
      if (e == null) {
        break;
      }
      if (e.sequence() == 1) {
        deal = e.dealId().value().getLeastSignificantBits();
        pushes = 0;
        isOpen = false;
      }
      if (e.at().isAfter(day(AS_OF_DAY))) {
        continue;
      }
      if (e.change() instanceof Change.Created) {
        isOpen = true;
      } else if (e.change() instanceof Change.CloseDateChanged c) {
        pushes = c.pushCount();
      } else if (e.change() instanceof Change.Won
          || e.change() instanceof Change.Lost
          || e.change() instanceof Change.Disqualified) {
        isOpen = false;
      }
    }
    // a stable sort keeps history order among equal push counts
    open.sort((a, b) -> Long.compare(b[1], a[1]));
    List<String> expected =
        open.stream().limit(limit).map(d -> d[0] + ":" + d[1]).collect(Collectors.toList());
    List<String> actual =
        r.mostPushed().stream()
            .map(s -> s.deal().value().getLeastSignificantBits() + ":" + s.closeDatePushes())
            .collect(Collectors.toList());
    assertThat(actual).isEqualTo(expected);
  }
}
