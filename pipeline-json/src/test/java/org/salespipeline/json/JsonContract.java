package org.salespipeline.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.salespipeline.core.AttributeValue;
import org.salespipeline.core.Board;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.command.DealCommand;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.forecast.insight.InsightReport;
import org.salespipeline.forecast.insight.Reason;
import org.salespipeline.forecast.insight.ReasonCode;
import org.salespipeline.forecast.insight.WorkItem;

/**
 * What every Jackson adapter of the rules must do: round-trip every readable type, write the exact
 * JSON the README shows, and report bad input with its path. Each adapter runs it through an empty
 * subclass that says how to write and read with its mapper.
 */
public abstract class JsonContract {

  /** The JSON of a value, written by a mapper that found the module by discovery. */
  protected abstract String write(Object value) throws Exception;

  /**
   * A value read by a mapper that found the module by discovery.
   *
   * @param failOnUnknownFields the mapper's {@code FAIL_ON_UNKNOWN_PROPERTIES}
   */
  protected abstract <T> T read(String json, Class<T> type, boolean failOnUnknownFields)
      throws Exception;

  /** The problems an adapter's exception carries; fails if it is not the adapter's exception. */
  protected abstract List<JsonProblem> problemsOf(Throwable thrown);

  /** One value and the type it is read back as. */
  public record Sample(Class<?> type, Object value) {
    @Override
    public String toString() {
      return type.getSimpleName() + " " + value;
    }
  }

  // --- round trips -----------------------------------------------------------------------------

  @Provide
  Arbitrary<Sample> anyReadableValue() {
    return Arbitraries.of(ReadableTypes.all())
        .flatMap(type -> ValueArbitraries.of(type).map(value -> new Sample(type, value)));
  }

  @Property(tries = 400)
  void everyReadableValueRoundTrips(@ForAll("anyReadableValue") Sample sample) throws Exception {
    assertRoundTrip(sample.type(), sample.value());
  }

  @Example
  void everyReadableTypeRoundTripsItsOwnSamples() throws Exception {
    for (Class<?> type : ReadableTypes.all()) {
      for (Object value : ValueArbitraries.of(type).sampleStream().limit(5).toList()) {
        assertRoundTrip(type, value);
      }
    }
  }

  @Property(tries = 200)
  void anyCommandReadsBackAsADealCommand(@ForAll("commands") DealCommand command) throws Exception {
    assertThat(read(write(command), DealCommand.class, true)).isEqualTo(command);
  }

  @Provide
  Arbitrary<DealCommand> commands() {
    return ValueArbitraries.of(DealCommand.class);
  }

  @Property(tries = 200)
  void anyEventReadsBackWithItsChange(@ForAll("events") DealEvent event) throws Exception {
    String json = write(event);
    assertThat(json).contains("\"@type\":\"" + event.change().typeName() + "\"");
    assertThat(read(json, DealEvent.class, true)).isEqualTo(event);
  }

  @Provide
  Arbitrary<DealEvent> events() {
    return ValueArbitraries.of(DealEvent.class);
  }

  @Property(tries = 300)
  void moneyKeepsEveryDigitAsAString(@ForAll("money") Money money) throws Exception {
    String json = write(money);
    assertThat(json)
        .isEqualTo(
            "{\"amount\":\""
                + money.amount().toPlainString()
                + "\",\"currency\":\""
                + money.currency().getCurrencyCode()
                + "\"}");
    assertThat(read(json, Money.class, true)).isEqualTo(money);
  }

  @Provide
  Arbitrary<Money> money() {
    return ValueArbitraries.of(Money.class);
  }

  private void assertRoundTrip(Class<?> type, Object value) throws Exception {
    String json = write(value);
    Object back = read(json, type, true);
    assertThat(write(back)).as("JSON of %s read back", type.getSimpleName()).isEqualTo(json);
    if (!type.isRecord() || !hasArrayComponent(type)) {
      assertThat(back).as("%s read back from %s", type.getSimpleName(), json).isEqualTo(value);
    }
  }

  private static boolean hasArrayComponent(Class<?> record) {
    for (var c : record.getRecordComponents()) {
      if (c.getType().isArray()) {
        return true;
      }
    }
    return false;
  }

  // --- the JSON the README shows -------------------------------------------------------------

  /** A deal with fixed values, as the README's example shows it. */
  public static Deal exampleDeal() {
    return Deal.builder()
        .id(DealId.of("019cadc6-9a80-7000-8e29-3adefb838f2e"))
        .workspace(WorkspaceId.of("acme"))
        .pipeline(PipelineId.of("new_business"))
        .stage("qualification")
        .status(DealStatus.OPEN)
        .name("Acme platform")
        .owner(UserId.of("alice"))
        .amount(Money.of("48000", "EUR"))
        .expectedCloseDate(LocalDate.parse("2026-05-01"))
        .forecastCategory(ForecastCategory.PIPELINE)
        .probabilityOverride(0.3)
        .putAttributes("region", AttributeValue.text("EMEA"))
        .createdAt(Instant.parse("2026-03-02T09:00:00Z"))
        .stageEnteredAt(Instant.parse("2026-03-04T10:15:00Z"))
        .version(2)
        .lastEventSequence(2)
        .build();
  }

  /** The README's JSON of {@link #exampleDeal()}. */
  public static final String EXAMPLE_DEAL_JSON =
      "{\"id\":\"019cadc6-9a80-7000-8e29-3adefb838f2e\",\"workspace\":\"acme\","
          + "\"pipeline\":\"new_business\",\"stage\":\"qualification\",\"status\":\"OPEN\","
          + "\"name\":\"Acme platform\",\"kind\":\"NEW_BUSINESS\",\"owner\":\"alice\","
          + "\"amount\":{\"amount\":\"48000.00\",\"currency\":\"EUR\"},"
          + "\"expectedCloseDate\":\"2026-05-01\",\"closeDatePushCount\":0,\"source\":\"OTHER\","
          + "\"forecastCategory\":\"PIPELINE\",\"categorySetByRep\":false,"
          + "\"probabilityOverride\":0.3,"
          + "\"attributes\":{\"region\":{\"@type\":\"Text\",\"value\":\"EMEA\"}},"
          + "\"createdAt\":\"2026-03-02T09:00:00Z\",\"stageEnteredAt\":\"2026-03-04T10:15:00Z\","
          + "\"version\":2,\"lastEventSequence\":2}";

  @Example
  void aDealIsWrittenFieldByFieldLeavingEmptyOptionalsOut() throws Exception {
    assertThat(write(exampleDeal())).isEqualTo(EXAMPLE_DEAL_JSON);
    assertThat(read(EXAMPLE_DEAL_JSON, Deal.class, true)).isEqualTo(exampleDeal());
  }

  @Example
  void moneyIsAnExactStringAndItsCurrencyCode() throws Exception {
    assertThat(write(Money.of("123.45", "EUR")))
        .isEqualTo("{\"amount\":\"123.45\",\"currency\":\"EUR\"}");
    assertThat(write(Money.of(5000, "JPY")))
        .isEqualTo("{\"amount\":\"5000\",\"currency\":\"JPY\"}");
    assertThat(read("{\"amount\":\"0.1\",\"currency\":\"BHD\"}", Money.class, true))
        .isEqualTo(Money.of("0.100", "BHD"));
    assertThat(read("{\"amount\":123.45,\"currency\":\"EUR\"}", Money.class, true))
        .isEqualTo(Money.of("123.45", "EUR"));
  }

  @Example
  void aMoveDealIsACommandWithItsTypeAndPlainIds() throws Exception {
    MoveDeal move =
        MoveDeal.builder()
            .deal(DealId.of("019cadc6-9a80-7000-8e29-3adefb838f2e"))
            .actor(UserId.of("alice"))
            .toStage("needs_analysis")
            .expectedVersion(3)
            .build();
    String json =
        "{\"@type\":\"MoveDeal\",\"actor\":\"alice\",\"deal\":\"019cadc6-9a80-7000-8e29-3adefb838f2e\","
            + "\"expectedVersion\":3,\"toStage\":\"needs_analysis\"}";
    assertThat(write(move)).isEqualTo(json);
    assertThat(read(json, MoveDeal.class, true)).isEqualTo(move);
    assertThat(read(json, DealCommand.class, true)).isEqualTo(move);
    String withoutType =
        "{\"deal\":\"019cadc6-9a80-7000-8e29-3adefb838f2e\",\"actor\":\"alice\","
            + "\"toStage\":\"needs_analysis\",\"expectedVersion\":3}";
    assertThat(read(withoutType, MoveDeal.class, true)).isEqualTo(move);
  }

  @Example
  void aChangeCarriesItsStableTypeName() throws Exception {
    Change change = new Change.StageChanged("qualification", "needs_analysis");
    String json =
        "{\"@type\":\"StageChanged\",\"from\":\"qualification\",\"to\":\"needs_analysis\"}";
    assertThat(write(change)).isEqualTo(json);
    assertThat(read(json, Change.class, true)).isEqualTo(change);
    assertThat(
            write(
                new Change.ProbabilityOverrideChanged(
                    OptionalDouble.empty(), OptionalDouble.of(0.5))))
        .isEqualTo("{\"@type\":\"ProbabilityOverrideChanged\",\"to\":0.5}");
  }

  @Example
  void everyChangeTypeNameIsAJsonTypeName() throws Exception {
    for (String name : Change.TYPE_NAMES) {
      String json = "{\"@type\":\"" + name + "\"}";
      try {
        assertThat(read(json, Change.class, true).typeName()).isEqualTo(name);
      } catch (Exception e) {
        assertThat(problemsOf(e)).as(name).allMatch(p -> p.rule().equals("is required"));
      }
    }
  }

  // --- bad input -------------------------------------------------------------------------------

  @Example
  void aBadCurrencyIsReportedAtItsPath() {
    String json = "{\"deal\":{\"name\":\"x\",\"amount\":{\"amount\":\"10\",\"currency\":\"EUX\"}}}";
    assertThatThrownBy(() -> read(json.substring(8, json.length() - 1), OpenDeal.class, true))
        .satisfies(
            e ->
                assertThat(problemsOf(e))
                    .contains(
                        new JsonProblem("$.amount.currency", "is not an ISO 4217 currency code")));
  }

  @Example
  void theLibrarysOwnValidationSurfacesWithThePath() {
    assertThatThrownBy(
            () ->
                read(
                    "{\"from\":{\"amount\":\"1.234\",\"currency\":\"EUR\"},"
                        + "\"to\":{\"amount\":\"1\",\"currency\":\"EUR\"}}",
                    Change.AmountChanged.class,
                    true))
        .satisfies(
            e ->
                assertThat(problemsOf(e))
                    .containsExactly(
                        new JsonProblem(
                            "$.from.amount", "has more than 2 fraction digits for EUR")));
    assertThatThrownBy(() -> read("{\"deal\":\"not-a-uuid\"}", MoveDeal.class, false))
        .satisfies(
            e -> assertThat(problemsOf(e)).contains(new JsonProblem("$.deal", "is not a UUID")));
  }

  @Example
  void everyMissingRequiredFieldIsNamedAndNothingIsBuilt() {
    assertThatThrownBy(() -> read("{\"toStage\":\"proposal\"}", MoveDeal.class, true))
        .satisfies(
            e ->
                assertThat(problemsOf(e))
                    .containsExactlyInAnyOrder(
                        new JsonProblem("$.actor", "is required"),
                        new JsonProblem("$.deal", "is required")));
  }

  @Example
  void wrongTypesAndUnknownKindsNameTheRule() {
    assertThatThrownBy(
            () ->
                read(
                    "{\"dealId\":\"019cadc6-9a80-7000-8e29-3adefb838f2e\",\"sequence\":\"one\","
                        + "\"dealVersion\":1.5,\"at\":\"yesterday\",\"actor\":\"a\","
                        + "\"change\":{\"@type\":\"Teleported\"}}",
                    DealEvent.class,
                    true))
        .satisfies(
            e ->
                assertThat(problemsOf(e))
                    .extracting(JsonProblem::path)
                    .containsExactly("$.sequence", "$.dealVersion", "$.at", "$.change.@type"));
    assertThatThrownBy(() -> read("[1]", Deal.class, true))
        .satisfies(
            e ->
                assertThat(problemsOf(e))
                    .containsExactly(new JsonProblem("$", "must be an object")));
  }

  /** A host's own request type holding pipeline values. */
  public record HostRequest(String note, Money total, List<MoveDeal> moves) {}

  @Example
  void pathsStartAtTheRootOfTheHostsDocument() {
    String json =
        "{\"note\":\"n\",\"total\":{\"amount\":\"1\",\"currency\":\"EUR\"},\"moves\":["
            + "{\"deal\":\"019cadc6-9a80-7000-8e29-3adefb838f2e\",\"actor\":\"a\",\"toStage\":\"x\"},"
            + "{\"deal\":\"019cadc6-9a80-7000-8e29-3adefb838f2e\",\"actor\":\"a\",\"toStage\":7}]}";
    assertThatThrownBy(() -> read(json, HostRequest.class, true))
        .satisfies(
            e ->
                assertThat(problemsOf(e))
                    .containsExactly(new JsonProblem("$.moves[1].toStage", "must be a string")));
    assertThatThrownBy(() -> read("[{\"amount\":\"1\",\"currency\":\"EUX\"}]", Money[].class, true))
        .satisfies(
            e ->
                assertThat(problemsOf(e))
                    .containsExactly(
                        new JsonProblem("$[0].currency", "is not an ISO 4217 currency code")));
  }

  /** A host's own response keyed by ids. */
  public record HostIndex(java.util.Map<DealId, Money> amounts) {}

  @Example
  void idsAreKeysOfTheHostsMaps() throws Exception {
    DealId id = DealId.of("019cadc6-9a80-7000-8e29-3adefb838f2e");
    HostIndex index = new HostIndex(java.util.Map.of(id, Money.of(5, "EUR")));
    String json = write(index);
    assertThat(json)
        .isEqualTo(
            "{\"amounts\":{\"019cadc6-9a80-7000-8e29-3adefb838f2e\":"
                + "{\"amount\":\"5.00\",\"currency\":\"EUR\"}}}");
    assertThat(read(json, HostIndex.class, true)).isEqualTo(index);
    assertThatThrownBy(() -> read("{\"amounts\":{\"nope\":null}}", HostIndex.class, true))
        .hasMessageContaining("is not a UUID");
  }

  @Example
  void hugeExponentsAreRefusedBeforeTheyCostAnything() {
    assertThatThrownBy(
            () -> read("{\"@type\":\"Number\",\"value\":1e999999999}", AttributeValue.class, true))
        .satisfies(
            e ->
                assertThat(problemsOf(e))
                    .containsExactly(
                        new JsonProblem(
                            "$.value", "must have at most 100 digits before and after the point")));
    assertThatThrownBy(
            () -> read("{\"amount\":\"1e999999999\",\"currency\":\"EUR\"}", Money.class, true))
        .satisfies(
            e ->
                assertThat(problemsOf(e))
                    .extracting(JsonProblem::path)
                    .containsExactly("$.amount"));
  }

  @Example
  void unknownFieldsFollowTheMappersSetting() throws Exception {
    String json =
        "{\"deal\":\"019cadc6-9a80-7000-8e29-3adefb838f2e\",\"actor\":\"alice\","
            + "\"toStage\":\"proposal\",\"colour\":\"blue\"}";
    assertThat(read(json, MoveDeal.class, false).toStage()).isEqualTo("proposal");
    assertThatThrownBy(() -> read(json, MoveDeal.class, true))
        .satisfies(
            e ->
                assertThat(problemsOf(e))
                    .containsExactly(new JsonProblem("$.colour", "is not a field of MoveDeal")));
  }

  @Example
  void resultsAreWrittenButNeverReadBack() throws Exception {
    SampleResults results = SampleResults.compute();
    String insight = write(results.insight());
    assertThat(insight).contains("\"funnel\":{").contains("\"health\":{");
    String forecast = write(results.bookings());
    assertThat(forecast).contains("\"expected\":{\"amount\":");
    assertThat(write(results.table())).contains("\"rows\":[");
    assertThat(write(results.distribution())).contains("\"p50\":");
    assertThat(write(results.board())).startsWith("{\"pipeline\":\"new_business\"");
    assertThat(read(write(results.board()), Board.class, true)).isEqualTo(results.board());
    assertThatThrownBy(() -> read(insight, InsightReport.class, true))
        .satisfies(
            e ->
                assertThat(problemsOf(e).get(0).rule())
                    .isEqualTo(
                        "is written only: InsightReport is a computed result, never read back"));
  }

  @Example
  void aDealWithoutKindOrSourceReadsTheBuildersDefaults() throws Exception {
    String json =
        EXAMPLE_DEAL_JSON
            .replace("\"kind\":\"NEW_BUSINESS\",", "")
            .replace("\"source\":\"OTHER\",", "");
    assertThat(json).doesNotContain("\"kind\"").doesNotContain("\"source\"");
    assertThat(read(json, Deal.class, true)).isEqualTo(exampleDeal());
  }

  // --- event feed ----------------------------------------------------------------------------

  @Example
  void aFeedEventCarriesItsRoutingFieldsBesideTheEvent() throws Exception {
    DealEvent event =
        new DealEvent(
            DealId.of("019cadc6-9a80-7000-8e29-3adefb838f2e"),
            3,
            3,
            Instant.parse("2026-03-04T10:15:00Z"),
            UserId.of("alice"),
            java.util.Optional.empty(),
            new Change.StageChanged("qualification", "proposal"));
    org.salespipeline.core.event.FeedEvent feed =
        org.salespipeline.core.event.FeedEvent.of(7, event);

    String json = write(feed);

    assertThat(json)
        .startsWith(
            "{\"position\":7,\"eventId\":\"019cadc6-9a80-7000-8e29-3adefb838f2e/3\","
                + "\"dealId\":\"019cadc6-9a80-7000-8e29-3adefb838f2e\",\"sequence\":3,"
                + "\"type\":\"StageChanged\",\"event\":{");
    assertThat(read(json, org.salespipeline.core.event.FeedEvent.class, true)).isEqualTo(feed);
    String noPosition = "{\"position\":0," + json.substring(json.indexOf("\"eventId\""));
    assertThatThrownBy(() -> read(noPosition, org.salespipeline.core.event.FeedEvent.class, true))
        .satisfies(
            e ->
                assertThat(problemsOf(e))
                    .containsExactly(new JsonProblem("$.position", "must be at least 1")));
  }

  // --- retention ---------------------------------------------------------------------------

  @Example
  void aRetentionReportIsWrittenWithEachCohortsFiguresPerPeriod() throws Exception {
    org.salespipeline.core.store.memory.InMemoryPipelineStore store =
        new org.salespipeline.core.store.memory.InMemoryPipelineStore();
    org.salespipeline.core.SalesPipeline pipeline =
        org.salespipeline.core.SalesPipeline.builder()
            .store(store)
            .clock(CLOCK)
            .rules(org.salespipeline.core.rule.RuleSet.none())
            .build();
    UserId alice = UserId.of("alice");
    org.salespipeline.core.Account account = pipeline.createAccount("Initech");
    Deal deal =
        pipeline
            .openDeal(
                OpenDeal.builder()
                    .name("Initech platform")
                    .owner(alice)
                    .actor(alice)
                    .account(account.id())
                    .amount(Money.of(10_000, "USD"))
                    .expectedCloseDate(LocalDate.parse("2026-03-20"))
                    .build())
            .deal();
    pipeline.win(
        org.salespipeline.core.command.CloseDeal.builder().deal(deal.id()).actor(alice).build());
    org.salespipeline.forecast.retention.RetentionReport report =
        org.salespipeline.forecast.retention.RetentionMetrics.of(
                List.of(
                    org.salespipeline.forecast.ForecastPeriod.month(
                        java.time.YearMonth.of(2026, 3)),
                    org.salespipeline.forecast.ForecastPeriod.month(
                        java.time.YearMonth.of(2026, 4))),
                java.util.Currency.getInstance("USD"))
            .read(pipeline.store());

    String json = write(report);

    assertThat(json)
        .contains("\"periods\":[{")
        .contains("\"cohorts\":[{\"index\":0,")
        .contains("\"accounts\":1,\"logos\":[1,1],\"revenueMinor\":[")
        .contains("\"logoRetention\":[")
        .contains("\"revenueRetention\":[");
    assertThatThrownBy(
            () -> read(json, org.salespipeline.forecast.retention.RetentionReport.class, true))
        .satisfies(e -> assertThat(problemsOf(e).get(0).rule()).startsWith("is written only"));
  }

  // --- insight reasons ----------------------------------------------------------------------

  @Example
  void aReasonIsItsCodeItsTypedValuesAndItsEnglishText() throws Exception {
    Reason reason =
        ReasonCodec.create(
            ReasonCode.EXPECTED_VALUE,
            reasonValues(
                "expectedValue",
                Money.of("3.50", "USD"),
                "winRate",
                0.5,
                "amount",
                Money.of("7", "USD")));
    String json = write(reason);
    assertThat(json)
        .isEqualTo(
            "{\"code\":\"expected_value\",\"values\":{"
                + "\"expectedValue\":{\"amount\":\"3.50\",\"currency\":\"USD\"},"
                + "\"winRate\":0.5,"
                + "\"amount\":{\"amount\":\"7.00\",\"currency\":\"USD\"}},"
                + "\"text\":\"expected value USD 3.50 (50% of USD 7.00)\"}");
    assertThat(read(json, Reason.class, true)).isEqualTo(reason);
    String withoutText = json.substring(0, json.indexOf(",\"text\"")) + "}";
    assertThat(read(withoutText, Reason.class, true)).isEqualTo(reason);
    Reason noValues = ReasonCodec.create(ReasonCode.CLOSES_TODAY, java.util.Map.of());
    assertThat(write(noValues))
        .isEqualTo("{\"code\":\"closes_today\",\"values\":{},\"text\":\"closes today\"}");
    assertThat(read("{\"code\":\"closes_today\"}", Reason.class, true)).isEqualTo(noValues);
  }

  @Example
  void theReasonsOfARealReportReadBackEqual() throws Exception {
    InsightReport report = SampleResults.compute().insight();
    List<Reason> reasons = new java.util.ArrayList<>();
    report.workLists().values().forEach(items -> items.forEach(i -> reasons.addAll(i.reasons())));
    report.bottlenecks().forEach(b -> reasons.addAll(b.reasons()));
    report.suggestedMoves().forEach(m -> reasons.addAll(m.reasons()));
    assertThat(reasons).isNotEmpty();
    for (Reason reason : reasons) {
      assertThat(read(write(reason), Reason.class, true)).isEqualTo(reason);
    }
    for (WorkItem item : report.workLists().values().iterator().next()) {
      assertThat(read(write(item), WorkItem.class, true)).isEqualTo(item);
    }
  }

  @Example
  void everyReasonValueHasItsTypeByName() {
    for (ReasonCode code : ReasonCode.values()) {
      for (String name : code.valueNames()) {
        assertThat(ReasonCodec.VALUE_TYPES).as(code + "." + name).containsKey(name);
      }
    }
  }

  @Example
  void badReasonsNameTheCodeOrTheValue() {
    assertThatThrownBy(() -> read("{\"code\":\"bored\"}", Reason.class, true))
        .satisfies(
            e -> assertThat(problemsOf(e)).extracting(JsonProblem::path).containsExactly("$.code"));
    assertThatThrownBy(
            () ->
                read(
                    "{\"code\":\"stuck_beyond_p90\",\"values\":{\"stage\":\"proposal\","
                        + "\"timeInStage\":12,\"mood\":\"calm\"}}",
                    Reason.class,
                    true))
        .satisfies(
            e ->
                assertThat(problemsOf(e))
                    .containsExactly(
                        new JsonProblem("$.values.mood", "is not a value of stuck_beyond_p90"),
                        new JsonProblem(
                            "$.values.timeInStage", "must be an ISO-8601 duration such as PT36H"),
                        new JsonProblem("$.values.threshold", "is required")));
  }

  private static java.util.Map<String, Object> reasonValues(Object... namesAndValues) {
    java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return values;
  }

  /** The clock the sample results are computed at. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
}
