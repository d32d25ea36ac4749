package org.salespipeline.forecast.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.forecast.insight.Histories.day;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Money;
import org.salespipeline.core.UserId;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.forecast.insight.Histories.Deal1;

/**
 * Issue 14, item 14: every reason the report gives carries a code and structured values, its
 * English text states exactly those values (money with its currency, never bare minor units), and
 * the values are true of the report's own figures.
 */
class InsightReasonsTest {
  static final UserId ANN = UserId.of("ann");
  static final UserId BOB = UserId.of("bob");
  static final LocalDate JAN_10 = LocalDate.of(2026, 1, 10);

  /** Ten idle and stuck deals of ann (lead idles after 7 days), one fresh deal of bob. */
  static InsightReport overloadedAnn() {
    List<DealEvent> events = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      events.addAll(new Deal1(100 + i, "ann", "lead", 100, day(0), JAN_10).events);
    }
    events.addAll(new Deal1(200, "bob", "lead", 100, day(29), JAN_10).events);
    return InsightExamplesTest.builder(events).build().analyze();
  }

  @Test
  void aSuggestedMoveCountsADealBothIdleAndStuckOnce() {
    List<SuggestedMove> moves = overloadedAnn().suggestedMoves();

    assertThat(moves).hasSizeGreaterThan(1);
    for (SuggestedMove m : moves) {
      Reason load = m.reasons().get(0);
      assertThat(load.code()).isEqualTo(ReasonCode.OWNER_OVERLOADED);
      // all ten deals are both idle and stuck: ten deals, not twenty; and every suggestion states
      // the report's figures, not those left after the suggestions before it
      assertThat(load.values())
          .containsEntry("owner", ANN)
          .containsEntry("openDeals", 10L)
          .containsEntry("mean", 5.5)
          .containsEntry("idleOrStuck", 10L);
      assertThat(load.text())
          .isEqualTo("ann holds 10 open deals against a mean of 5.5, 10 of them idle or stuck");
    }
  }

  @Test
  void aReceiverWithoutClosesIsNotSaidToWinNone() {
    SuggestedMove m = overloadedAnn().suggestedMoves().get(0);

    Reason receiver = m.reasons().get(1);
    assertThat(receiver.code()).isEqualTo(ReasonCode.RECEIVER_HAS_ROOM_NO_CLOSES);
    assertThat(receiver.values()).containsEntry("owner", BOB).containsEntry("openDeals", 1L);
    assertThat(m.reasons().get(2).code()).isEqualTo(ReasonCode.IDLE);
    assertThat(m.reason())
        .isEqualTo(
            "ann holds 10 open deals against a mean of 5.5, 10 of them idle or stuck; bob holds"
                + " 1 open deal and has no won or lost deals yet; no activity or stage move for"
                + " 30.0 days (idle threshold 7.0 days).");
  }

  /**
   * Five deals stayed 30 days in lead (its p90 is 30 days); one has been in lead for 20 days: it is
   * stuck because lead's idle threshold is 7 days, not because of the p90.
   */
  @Test
  void aDealStuckByTheIdleThresholdIsNotSaidToBeBeyondTheP90() {
    List<DealEvent> events = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      events.addAll(
          new Deal1(300 + i, "bob", "lead", 100, day(0), JAN_10).move("qualified", day(30)).events);
    }
    Deal1 young = new Deal1(400, "ann", "lead", 1000, day(50), LocalDate.of(2026, 4, 30));
    young.activity(day(69));
    events.addAll(young.events);
    InsightReport r = InsightPropertiesTest.analyze(events, 0);

    assertThat(r.openDeal(young.id).orElseThrow().stageP90()).isEqualTo(Duration.ofDays(30));
    WorkItem item = r.workList(ANN).get(0);
    Reason stuck = item.reasons().get(0);
    assertThat(stuck.code()).isEqualTo(ReasonCode.STUCK_BEYOND_IDLE_THRESHOLD);
    assertThat(stuck.values())
        .containsEntry("stage", "lead")
        .containsEntry("timeInStage", Duration.ofDays(20))
        .containsEntry("threshold", Duration.ofDays(7));
    assertThat(stuck.text())
        .isEqualTo("in lead for 20.0 days, beyond the stage's idle threshold of 7.0 days");
    Bottleneck lead =
        r.bottlenecks().stream().filter(b -> b.stage().equals("lead")).findFirst().orElseThrow();
    assertThat(lead.reasons())
        .extracting(Reason::code)
        .contains(ReasonCode.STUCK_DEALS_BEYOND_IDLE_THRESHOLD);
  }

  @Test
  void amountsAreMoneyWithTheirCurrencyNotMinorUnits() {
    Deal1 big = new Deal1(500, "ann", "proposal", 198_789, day(0), LocalDate.of(2026, 1, 20));
    Deal1 won = new Deal1(501, "bob", "proposal", 1_000, day(0), JAN_10);
    won.won(day(2));
    Deal1 lost = new Deal1(502, "bob", "proposal", 1_000, day(0), JAN_10);
    lost.lost(day(3));
    List<DealEvent> events = new ArrayList<>(big.events);
    events.addAll(won.events);
    events.addAll(lost.events);
    InsightReport r = InsightExamplesTest.builder(events).build().analyze();

    WorkItem item = r.workList(ANN).get(0);
    Reason ev = item.reasons().get(item.reasons().size() - 1);
    assertThat(ev.code()).isEqualTo(ReasonCode.EXPECTED_VALUE);
    Money expected = Money.ofMinor(Math.round(item.expectedValue()), r.currency());
    assertThat(ev.values())
        .containsEntry("expectedValue", expected)
        .containsEntry("amount", Money.of(198_789, "USD"));
    assertThat(ev.text())
        .isEqualTo(
            "expected value "
                + Reason.money(expected)
                + " ("
                + Math.round(100 * ev.value("winRate", Double.class))
                + "% of USD 198,789.00)")
        .matches(
            "expected value USD [0-9]{1,3},[0-9]{3}\\.[0-9]{2} \\([0-9]+% of USD 198,789\\.00\\)")
        .doesNotContain("19878900");
  }

  @Test
  void reasonsAreValuesWithStableCodes() {
    Reason a = Reason.of(ReasonCode.CLOSES_SOON, "days", 1L);
    assertThat(a.text()).isEqualTo("closes in 1 day");
    assertThat(a).isEqualTo(Reason.of(ReasonCode.CLOSES_SOON, "days", 1L));
    assertThat(a.toString()).isEqualTo(a.text());
    assertThat(a.value("days", Long.class)).isEqualTo(1L);
    assertThat(Reason.of(ReasonCode.CLOSE_DATE_PUSHED, "pushes", 3L).text())
        .isEqualTo("close date pushed 3 times");
    assertThat(
            Reason.of(
                    ReasonCode.OWNERS_BELOW_PEERS,
                    "owners",
                    List.of(ANN, BOB, UserId.of("cy")),
                    "stage",
                    "lead",
                    "overallRate",
                    0.456)
                .text())
        .isEqualTo(
            "ann, bob and cy convert more than 10 points below their peers in lead (46% overall)");
    assertThat(Reason.money(Money.ofMinor(7_857_568, Currency.getInstance("EUR"))))
        .isEqualTo("EUR 78,575.68");
    assertThat(Reason.money(Money.ofMinor(1_234_567, Currency.getInstance("JPY"))))
        .isEqualTo("JPY 1,234,567");
    for (ReasonCode code : ReasonCode.values()) {
      assertThat(ReasonCode.ofCode(code.code())).contains(code);
      assertThat(code.code()).matches("[a-z0-9_]+");
    }
  }

  /** Every reason of every section, over random histories, states its values truthfully. */
  @Property(tries = 60)
  void everyReasonStatesItsValuesAndTheyAreTrue(@ForAll long seed) {
    InsightReport r = InsightPropertiesTest.analyze(skewed(seed, 60), 0);

    r.workLists().values().forEach(items -> items.forEach(item -> checkWorkItem(r, item)));
    r.bottlenecks().forEach(b -> checkBottleneck(r, b));
    r.suggestedMoves().forEach(m -> checkMove(r, m));
  }

  /** The property above is not vacuous: its histories give every section reasons to check. */
  @Test
  void theRandomHistoriesGiveReasonsInEverySection() {
    long moves = 0;
    long bottlenecks = 0;
    java.util.Set<ReasonCode> seen = java.util.EnumSet.noneOf(ReasonCode.class);
    for (long seed = 1; seed <= 20; seed++) {
      InsightReport r = InsightPropertiesTest.analyze(skewed(seed, 60), 0);
      moves += r.suggestedMoves().size();
      bottlenecks += r.bottlenecks().size();
      r.suggestedMoves().forEach(m -> checkMove(r, m));
      r.bottlenecks().forEach(b -> checkBottleneck(r, b));
      r.workLists().values().forEach(items -> items.forEach(item -> checkWorkItem(r, item)));
      r.suggestedMoves().forEach(m -> m.reasons().forEach(x -> seen.add(x.code())));
      r.bottlenecks().forEach(b -> b.reasons().forEach(x -> seen.add(x.code())));
      r.workLists()
          .values()
          .forEach(l -> l.forEach(i -> i.reasons().forEach(x -> seen.add(x.code()))));
    }
    assertThat(moves).isPositive();
    assertThat(bottlenecks).isPositive();
    assertThat(seen)
        .contains(
            ReasonCode.OWNER_OVERLOADED,
            ReasonCode.IDLE,
            ReasonCode.EXPECTED_VALUE,
            ReasonCode.CLOSE_DATE_PASSED,
            ReasonCode.CLOSE_DATE_PUSHED,
            ReasonCode.DROPPED_THIS_PERIOD);
  }

  /** Histories where ann holds most deals, so that moves are suggested. */
  static List<DealEvent> skewed(long seed, int deals) {
    Random rnd = new Random(seed);
    InsightPropertiesTest.Random1 counter = new InsightPropertiesTest.Random1();
    List<DealEvent> events = new ArrayList<>();
    for (int n = 1; n <= deals; n++) {
      String owner = rnd.nextInt(10) < 6 ? "ann" : InsightPropertiesTest.OWNERS[rnd.nextInt(3)];
      events.addAll(InsightPropertiesTest.deal(rnd, n, owner, counter).events);
    }
    return events;
  }

  static void checkWorkItem(InsightReport r, WorkItem item) {
    OpenDealStatus status = r.openDeal(item.deal()).orElseThrow();
    assertThat(item.reasons()).isNotEmpty();
    for (Reason reason : item.reasons()) {
      checkText(reason, r.currency());
      switch (reason.code()) {
        case EXPECTED_VALUE -> {
          assertThat(reason.values())
              .containsEntry("amount", Money.ofMinor(item.amount(), r.currency()))
              .containsEntry(
                  "expectedValue", Money.ofMinor(Math.round(item.expectedValue()), r.currency()));
          double rate = reason.value("winRate", Double.class);
          assertThat(item.expectedValue()).isCloseTo(rate * item.amount(), within(1e-6));
        }
        case STUCK_BEYOND_P90, STUCK_BEYOND_IDLE_THRESHOLD -> checkStuck(status, reason);
        case IDLE -> {
          assertThat(status.idle()).isTrue();
          assertThat(reason.values()).containsEntry("idleFor", status.idleFor());
          assertThat(reason.value("idleFor", Duration.class))
              .isGreaterThan(reason.value("threshold", Duration.class));
        }
        case CLOSE_DATE_PUSHED ->
            assertThat(reason.values()).containsEntry("pushes", (long) status.closeDatePushes());
        case NEVER_QUALIFIED, QUALIFICATION_NOT_PASSED -> assertThat(status.qualified()).isFalse();
        case FOLLOW_UP_OVERDUE -> assertThat(status.overdueFollowUp()).isTrue();
        case CLOSE_DATE_PASSED, CLOSES_TODAY, CLOSES_SOON -> {}
        default -> throw new AssertionError("not a work-item reason: " + reason);
      }
    }
  }

  static void checkStuck(OpenDealStatus status, Reason reason) {
    assertThat(status.stuck()).isTrue();
    Duration threshold = reason.value("threshold", Duration.class);
    assertThat(reason.values())
        .containsEntry("stage", status.stage())
        .containsEntry("timeInStage", status.ageInStage());
    assertThat(status.ageInStage()).isGreaterThan(threshold);
    if (reason.code() == ReasonCode.STUCK_BEYOND_P90) {
      assertThat(threshold).isEqualTo(status.stageP90());
      status.idleThreshold().ifPresent(idle -> assertThat(idle).isGreaterThanOrEqualTo(threshold));
    } else {
      assertThat(status.idleThreshold()).contains(threshold);
    }
  }

  static void checkBottleneck(InsightReport r, Bottleneck b) {
    assertThat(b.reasons()).isNotEmpty();
    for (Reason reason : b.reasons()) {
      checkText(reason, r.currency());
      assertThat(reason.values()).containsEntry("stage", b.stage());
      switch (reason.code()) {
        case STUCK_DEALS_BEYOND_P90, STUCK_DEALS_BEYOND_IDLE_THRESHOLD -> {
          assertThat(reason.values())
              .containsEntry("deals", b.stuckDeals())
              .containsEntry("value", Money.ofMinor(b.stuckValue(), r.currency()));
          Duration threshold = reason.value("threshold", Duration.class);
          r.stuckDeals().stream()
              .filter(d -> d.stage().equals(b.stage()))
              .forEach(d -> assertThat(d.ageInStage()).isGreaterThan(threshold));
        }
        case DROPPED_THIS_PERIOD ->
            assertThat(reason.values())
                .containsEntry("value", Money.ofMinor(b.droppedValue(), r.currency()));
        case CONVERSION_FELL ->
            assertThat(reason.values())
                .containsEntry("rate", b.conversionRate())
                .containsEntry("previousRate", b.previousConversionRate().getAsDouble())
                .containsEntry("departures", b.exits());
        case OWNERS_BELOW_PEERS ->
            assertThat(reason.values())
                .containsEntry("owners", b.lowOwners())
                .containsEntry("overallRate", b.overallConversionRate());
        default -> throw new AssertionError("not a bottleneck reason: " + reason);
      }
    }
  }

  static void checkMove(InsightReport r, SuggestedMove m) {
    assertThat(m.reasons()).hasSize(3);
    m.reasons().forEach(reason -> checkText(reason, r.currency()));
    Map<UserId, OwnerLoad> loads = new java.util.HashMap<>();
    r.loads().forEach(l -> loads.put(l.owner(), l));
    Reason from = m.reasons().get(0);
    long idleOrStuck =
        r.openDeals().filter(d -> d.owner().equals(m.from()) && (d.idle() || d.stuck())).count();
    assertThat(from.values())
        .containsEntry("owner", m.from())
        .containsEntry("openDeals", loads.get(m.from()).openDeals())
        .containsEntry("idleOrStuck", idleOrStuck);
    assertThat(idleOrStuck).isLessThanOrEqualTo(loads.get(m.from()).openDeals());
    Reason to = m.reasons().get(1);
    OwnerLoad toLoad = loads.get(m.to());
    assertThat(to.values())
        .containsEntry("owner", m.to())
        .containsEntry("openDeals", toLoad == null ? 0L : toLoad.openDeals());
    OpenDealStatus deal = r.openDeal(m.deal()).orElseThrow();
    Reason state = m.reasons().get(2);
    if (state.code() == ReasonCode.IDLE) {
      assertThat(deal.idle()).isTrue();
      assertThat(state.values()).containsEntry("idleFor", deal.idleFor());
    } else {
      checkStuck(deal, state);
    }
  }

  private static final Pattern MONEY = Pattern.compile("\\b([A-Z]{3}) (-?[0-9,]+(\\.[0-9]+)?)");
  private static final Pattern NUMBER = Pattern.compile("(?<![\\w.,])-?[0-9][0-9,]*(\\.[0-9]+)?");

  /**
   * The text states every value and no other number: each amount as its currency and the amount,
   * each duration in days, each count, each rate in percent; the numbers of the template itself
   * (such as "10 points") aside.
   */
  static void checkText(Reason reason, Currency currency) {
    String text = reason.text();
    assertThat(reason.values().keySet()).containsExactlyElementsOf(reason.code().valueNames());
    List<String> expected = new ArrayList<>();
    for (Map.Entry<String, Object> e : reason.values().entrySet()) {
      Object v = e.getValue();
      if (v instanceof Money money) {
        assertThat(money.currency()).isEqualTo(currency);
        String shown =
            money.currency().getCurrencyCode()
                + " "
                + String.format(
                    Locale.ROOT, "%,." + currency.getDefaultFractionDigits() + "f", money.amount());
        assertThat(text).contains(shown);
        expected.add(shown.substring(4));
      } else if (v instanceof Duration d) {
        String shown = String.format(Locale.ROOT, "%.1f days", d.getSeconds() / 86_400.0);
        assertThat(text).contains(shown);
        expected.add(shown.substring(0, shown.length() - 5));
      } else if (v instanceof Long n) {
        String shown = String.format(Locale.ROOT, "%,d", n);
        assertThat(text).containsPattern("(?<![\\w.,])" + Pattern.quote(shown) + "(?![\\w.,%])");
        expected.add(shown);
      } else if (v instanceof Double d) {
        String shown =
            e.getKey().endsWith("Rate") || e.getKey().equals("rate")
                ? String.format(Locale.ROOT, "%.0f", 100 * d) + "%"
                : String.format(Locale.ROOT, "%.1f", d);
        assertThat(text).contains(shown);
        expected.add(shown.replace("%", ""));
      }
    }
    // no bare minor units or other stray numbers: the numbers in the text are the values'
    String template = literalPart(reason);
    List<String> stated = numbers(text.replaceAll(MONEY.pattern(), "$2"));
    List<String> fixed = numbers(template);
    List<String> all = new ArrayList<>(expected);
    all.addAll(fixed);
    assertThat(stated).containsExactlyInAnyOrderElementsOf(all);
  }

  private static String literalPart(Reason reason) {
    String english = reason.code().english();
    return english.replaceAll("\\{[^}]*\\}", "");
  }

  private static List<String> numbers(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
