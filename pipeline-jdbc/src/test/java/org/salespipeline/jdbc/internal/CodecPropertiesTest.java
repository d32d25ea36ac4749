package org.salespipeline.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.salespipeline.core.Account;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.Activity;
import org.salespipeline.core.ActivityId;
import org.salespipeline.core.ActivityType;
import org.salespipeline.core.AttributeValue;
import org.salespipeline.core.CloseReason;
import org.salespipeline.core.ContactId;
import org.salespipeline.core.CustomerRetention;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealKind;
import org.salespipeline.core.DealSource;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.NeedsAnalysis;
import org.salespipeline.core.Negotiation;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.Proposal;
import org.salespipeline.core.Quota;
import org.salespipeline.core.RetentionStatus;
import org.salespipeline.core.Team;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.qualification.CriterionResult;
import org.salespipeline.core.qualification.QualificationResult;
import org.salespipeline.core.qualification.Verdict;
import org.salespipeline.core.rule.RuleViolation;

/** Every value the codec stores decodes to an equal value. */
class CodecPropertiesTest {
  private static final String[] CURRENCIES = {"EUR", "USD", "JPY", "KWD", "CLF", "NOK", "XAU"};

  @Property(tries = 500)
  void dealsRoundTrip(@ForAll("deals") Deal deal) {
    assertThat(Codec.decodeDeal(Codec.encodeDeal(deal))).isEqualTo(deal);
  }

  @Property(tries = 1000)
  void changesRoundTrip(@ForAll("changes") Change change) {
    String text = Codec.encodeChange(change);
    assertThat(Codec.decodeChange(Codec.changeType(change), text)).isEqualTo(change);
    Instant at = instant(new Random(text.hashCode()));
    Codec.EventPayload payload =
        Codec.decodeEventPayload(Codec.changeType(change), Codec.encodeEventPayload(at, text));
    assertThat(payload.at()).isEqualTo(at);
    assertThat(payload.change()).isEqualTo(change);
  }

  @Property(tries = 300)
  void referenceDataRoundTrips(@ForAll("seeds") long seed) {
    Random r = new Random(seed);
    WorkspaceId ws = WorkspaceId.of("ws" + r.nextInt(100));
    Account account =
        Account.builder()
            .id(new AccountId(UUID.randomUUID()))
            .workspace(ws)
            .name(text(r))
            .industry(opt(r, text(r)))
            .website(opt(r, text(r)))
            .owner(opt(r, UserId.of("u" + r.nextInt(9))))
            .createdAt(instant(r))
            .build();
    assertThat(Codec.decodeAccount(Codec.encodeAccount(account))).isEqualTo(account);
    Team team =
        Team.builder()
            .id(TeamId.of("t" + r.nextInt(9)))
            .workspace(ws)
            .name(text(r))
            .manager(UserId.of("m"))
            .addMembers(UserId.of("b"), UserId.of("a"))
            .parent(opt(r, TeamId.of("parent")))
            .build();
    assertThat(Codec.decodeTeam(Codec.encodeTeam(team))).isEqualTo(team);
    boolean byOwner = r.nextBoolean();
    Money amount = money(r);
    Quota quota =
        Quota.builder()
            .workspace(ws)
            .owner(byOwner ? Optional.of(UserId.of("o")) : Optional.empty())
            .team(byOwner ? Optional.empty() : Optional.of(TeamId.of("t")))
            .periodStart(LocalDate.of(2026, 1, 1))
            .periodEnd(LocalDate.of(2026, 3, 31))
            .amount(amount.isNegative() ? amount.times(BigDecimal.valueOf(-1)) : amount)
            .build();
    assertThat(Codec.decodeQuota(Codec.encodeQuota(quota))).isEqualTo(quota);
    Activity activity = activity(r);
    assertThat(Codec.decodeActivity(Codec.encodeActivity(activity))).isEqualTo(activity);
    CustomerRetention retention = retention(r);
    assertThat(Codec.decodeRetention(Codec.encodeRetention(retention))).isEqualTo(retention);
    org.salespipeline.core.Contact contact =
        org.salespipeline.core.Contact.builder()
            .id(new ContactId(UUID.randomUUID()))
            .workspace(ws)
            .account(opt(r, new AccountId(UUID.randomUUID())))
            .name(text(r))
            .email(opt(r, text(r)))
            .phone(opt(r, text(r)))
            .title(opt(r, text(r)))
            .build();
    assertThat(Codec.decodeContact(Codec.encodeContact(contact))).isEqualTo(contact);
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  @Provide
  Arbitrary<Deal> deals() {
    return Arbitraries.randomValue(CodecPropertiesTest::deal);
  }

  @Provide
  Arbitrary<Change> changes() {
    return Arbitraries.randomValue(CodecPropertiesTest::change);
  }

  static String text(Random r) {
    int length = r.nextInt(12);
    StringBuilder b = new StringBuilder();
    String specials = "\"\\'{}[],:;\n\r\t\u0000\u0007\u007f\u00e9\u4e2d${prefix}";
    for (int i = 0; i < length; i++) {
      switch (r.nextInt(4)) {
        case 0 -> b.append(specials.charAt(r.nextInt(specials.length())));
        case 1 -> b.append("\ud83d\ude00");
        case 2 -> b.append((char) r.nextInt(0x10000));
        default -> b.append((char) ('a' + r.nextInt(26)));
      }
    }
    return b.toString();
  }

  static <T> Optional<T> opt(Random r, T value) {
    return r.nextBoolean() ? Optional.of(value) : Optional.empty();
  }

  static Instant instant(Random r) {
    long seconds = -62_135_596_800L + (long) (r.nextDouble() * 315_537_897_599L);
    return Instant.ofEpochSecond(seconds, r.nextBoolean() ? r.nextInt(1_000_000_000) : 0);
  }

  static BigDecimal decimal(Random r) {
    return new BigDecimal(new BigInteger(r.nextInt(70) + 1, r), r.nextInt(20) - 5);
  }

  static Money money(Random r) {
    Currency c = Currency.getInstance(CURRENCIES[r.nextInt(CURRENCIES.length)]);
    int digits = Math.max(c.getDefaultFractionDigits(), 0);
    return new Money(
        new BigDecimal(new BigInteger(r.nextInt(60) + 1, r), digits)
            .multiply(BigDecimal.valueOf(r.nextBoolean() ? 1 : -1)),
        c);
  }

  static double probability(Random r) {
    double[] specials = {0.0, -0.0, 1.0, Double.MIN_VALUE, 0.1, 1.0 / 3};
    return r.nextBoolean() ? specials[r.nextInt(specials.length)] : r.nextDouble();
  }

  static QualificationResult qualification(Random r) {
    QualificationResult.Builder b =
        QualificationResult.builder()
            .frameworkKey("bant")
            .score(r.nextInt(101))
            .verdict(Verdict.values()[r.nextInt(3)]);
    for (int i = 0; i < r.nextInt(5); i++) {
      b.addCriteria(new CriterionResult("c" + i, r.nextBoolean(), r.nextDouble() * 30, text(r)));
    }
    return b.build();
  }

  static CloseReason closeReason(Random r, DealStatus status) {
    return new CloseReason(status, text(r), opt(r, text(r)));
  }

  static Deal deal(Random r) {
    DealStatus status = DealStatus.values()[r.nextInt(4)];
    Deal.Builder b =
        Deal.builder()
            .id(new DealId(new UUID(r.nextLong(), r.nextLong())))
            .workspace(WorkspaceId.of("w" + r.nextInt(1000)))
            .pipeline(PipelineId.of("p" + r.nextInt(3)))
            .stage("s_" + r.nextInt(9))
            .status(status)
            .name(text(r))
            .kind(DealKind.values()[r.nextInt(4)])
            .linkedDeal(opt(r, new DealId(UUID.randomUUID())))
            .account(opt(r, new AccountId(UUID.randomUUID())))
            .primaryContact(opt(r, new ContactId(UUID.randomUUID())))
            .owner(UserId.of("owner-" + r.nextInt(50)))
            .amount(money(r))
            .expectedCloseDate(LocalDate.ofEpochDay(r.nextInt(2_000_000) - 700_000))
            .closeDatePushCount(r.nextInt(Integer.MAX_VALUE))
            .source(DealSource.values()[r.nextInt(DealSource.values().length)])
            .forecastCategory(ForecastCategory.values()[r.nextInt(6)])
            .categorySetByRep(r.nextBoolean())
            .probabilityOverride(
                r.nextBoolean() ? OptionalDouble.of(probability(r)) : OptionalDouble.empty())
            .nextStep(opt(r, text(r)))
            .needsAnalysis(opt(r, new NeedsAnalysis(List.of(text(r), text(r)), List.of(text(r)))))
            .proposal(
                opt(r, new Proposal(instant(r), money(r), LocalDate.ofEpochDay(r.nextInt(99999)))))
            .negotiation(opt(r, new Negotiation(decimal(r), List.of(text(r)), opt(r, instant(r)))))
            .qualification(opt(r, qualification(r)))
            .closeReason(status.isClosed() ? Optional.of(closeReason(r, status)) : Optional.empty())
            .createdAt(instant(r))
            .stageEnteredAt(instant(r))
            .lastActivityAt(opt(r, instant(r)))
            .followUpDueAt(opt(r, instant(r)))
            .closedAt(opt(r, instant(r)))
            .version(1 + r.nextInt(Integer.MAX_VALUE))
            .lastEventSequence(r.nextLong() & Long.MAX_VALUE);
    for (int i = 0; i < r.nextInt(5); i++) {
      String key = "attr" + r.nextInt(100);
      AttributeValue value =
          switch (r.nextInt(4)) {
            case 0 -> AttributeValue.text(text(r));
            case 1 -> AttributeValue.number(decimal(r));
            case 2 -> AttributeValue.flag(r.nextBoolean());
            default -> AttributeValue.date(LocalDate.ofEpochDay(r.nextInt(99999)));
          };
      b.putAttributes(key, value);
    }
    return b.build();
  }

  static Change change(Random r) {
    return switch (r.nextInt(15)) {
      case 0 -> new Change.Created(deal(r));
      case 1 -> new Change.StageChanged(text(r), text(r));
      case 2 -> new Change.AmountChanged(money(r), money(r));
      case 3 ->
          new Change.CloseDateChanged(
              LocalDate.ofEpochDay(r.nextInt(99999)),
              LocalDate.ofEpochDay(r.nextInt(99999)),
              r.nextInt());
      case 4 -> new Change.OwnerChanged(UserId.of("a" + r.nextInt(9)), UserId.of("b"));
      case 5 ->
          new Change.CategoryChanged(
              ForecastCategory.values()[r.nextInt(6)],
              ForecastCategory.values()[r.nextInt(6)],
              r.nextBoolean());
      case 6 ->
          new Change.ProbabilityOverrideChanged(
              r.nextBoolean() ? OptionalDouble.of(probability(r)) : OptionalDouble.empty(),
              r.nextBoolean() ? OptionalDouble.of(probability(r)) : OptionalDouble.empty());
      case 7 -> new Change.DetailsChanged(Set.of("name", text(r)), deal(r));
      case 8 -> new Change.QualificationRecorded(qualification(r));
      case 9 ->
          new Change.ActivityLogged(
              new ActivityId(UUID.randomUUID()),
              ActivityType.values()[r.nextInt(ActivityType.values().length)],
              opt(r, instant(r)),
              opt(r, instant(r)));
      case 10 -> new Change.Won(closeReason(r, DealStatus.WON));
      case 11 -> new Change.Lost(closeReason(r, DealStatus.LOST));
      case 12 -> new Change.Disqualified(closeReason(r, DealStatus.DISQUALIFIED));
      case 13 -> new Change.Reopened(DealStatus.values()[1 + r.nextInt(3)], text(r));
      default -> {
        List<RuleViolation> violations = new ArrayList<>();
        for (int i = 0; i < r.nextInt(4); i++) {
          violations.add(new RuleViolation(text(r), text(r), text(r)));
        }
        yield new Change.RuleOverridden(text(r), text(r), violations, text(r));
      }
    };
  }

  static Activity activity(Random r) {
    return Activity.builder()
        .id(new ActivityId(UUID.randomUUID()))
        .workspace(WorkspaceId.of("w"))
        .deal(new DealId(UUID.randomUUID()))
        .account(opt(r, new AccountId(UUID.randomUUID())))
        .type(ActivityType.values()[r.nextInt(ActivityType.values().length)])
        .owner(UserId.of("o"))
        .subject(text(r))
        .occurredAt(instant(r))
        .dueAt(opt(r, instant(r)))
        .outcome(opt(r, text(r)))
        .recordedAt(instant(r))
        .build();
  }

  static CustomerRetention retention(Random r) {
    return CustomerRetention.builder()
        .account(new AccountId(UUID.randomUUID()))
        .workspace(WorkspaceId.of("w"))
        .status(RetentionStatus.values()[r.nextInt(RetentionStatus.values().length)])
        .wonDeal(new DealId(UUID.randomUUID()))
        .since(instant(r))
        .renewalDate(opt(r, LocalDate.ofEpochDay(r.nextInt(99999))))
        .version(1 + r.nextInt(1000))
        .build();
  }
}
