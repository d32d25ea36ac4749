package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.core.Fixtures.ALICE;
import static org.salespipeline.core.Fixtures.TODAY;
import static org.salespipeline.core.Fixtures.openDeal;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.salespipeline.core.command.ChangesDeal;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.DealCommand;
import org.salespipeline.core.command.DealImport;
import org.salespipeline.core.command.LogActivity;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.RecordQualification;
import org.salespipeline.core.command.ReopenDeal;
import org.salespipeline.core.command.ScheduleFollowUp;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.stage.StandardPipelines;

/**
 * Issue 14, item 15: for every command, each required or invalid field is reported under the name
 * the command's builder gives it, and no problem names a field the builder does not have (such as
 * {@code user} for {@code owner}, or an import row's opening fields outside its {@code deal}).
 */
class CommandFieldNamesTest {
  static final String LONG = "x".repeat(201);
  SalesPipeline pipeline;
  Deal deal;
  Deal lost;

  @BeforeEach
  void setUp() {
    pipeline = Fixtures.lenientEngine(Fixtures.clock());
    deal = pipeline.openDeal(openDeal().build()).deal();
    lost = pipeline.openDeal(openDeal().build()).deal();
    pipeline.lose(CloseDeal.builder().deal(lost.id()).actor(ALICE).reason("price").build());
  }

  record Case(Class<?> command, String field, Consumer<CommandFieldNamesTest> run) {
    @Override
    public String toString() {
      return command.getSimpleName() + "." + field;
    }
  }

  static Case on(Class<?> command, String field, Consumer<CommandFieldNamesTest> run) {
    return new Case(command, field, run);
  }

  static UpdateDeal.Builder update(CommandFieldNamesTest t) {
    return UpdateDeal.builder().deal(t.deal.id()).actor(ALICE);
  }

  static MoveDeal.Builder move(CommandFieldNamesTest t) {
    return MoveDeal.builder()
        .deal(t.deal.id())
        .actor(ALICE)
        .toStage(StandardPipelines.QUALIFICATION);
  }

  static CloseDeal.Builder close(CommandFieldNamesTest t) {
    return CloseDeal.builder().deal(t.deal.id()).actor(ALICE).reason("price");
  }

  static ReopenDeal.Builder reopen(CommandFieldNamesTest t) {
    return ReopenDeal.builder()
        .deal(t.lost.id())
        .actor(ALICE)
        .toStage(StandardPipelines.QUALIFICATION)
        .reason("came back");
  }

  static LogActivity.Builder log(CommandFieldNamesTest t) {
    return LogActivity.builder()
        .deal(t.deal.id())
        .actor(ALICE)
        .type(ActivityType.CALL)
        .subject("intro");
  }

  static ScheduleFollowUp.Builder followUp(CommandFieldNamesTest t) {
    return ScheduleFollowUp.builder()
        .deal(t.deal.id())
        .actor(ALICE)
        .subject("call back")
        .dueAt(Fixtures.clock().instant().plus(Duration.ofDays(2)));
  }

  static void importOne(CommandFieldNamesTest t, DealImport row) {
    t.pipeline.importDeals(List.of(row), ProgressListener.NONE);
  }

  static Stream<Arguments> invalidFields() {
    AccountId noAccount = new AccountId(new UUID(7, 7));
    ContactId noContact = new ContactId(new UUID(7, 8));
    DealId noDeal = new DealId(new UUID(7, 9));
    return Stream.of(
            // open
            on(OpenDeal.class, "name", t -> t.pipeline.openDeal(openDeal().name(" ").build())),
            on(OpenDeal.class, "name", t -> t.pipeline.openDeal(openDeal().name(LONG).build())),
            on(
                OpenDeal.class,
                "amount",
                t -> t.pipeline.openDeal(openDeal().amount(Money.of(-1, "USD")).build())),
            on(
                OpenDeal.class,
                "expectedCloseDate",
                t ->
                    t.pipeline.openDeal(openDeal().expectedCloseDate(TODAY.plusYears(11)).build())),
            on(
                OpenDeal.class,
                "nextStep",
                t -> t.pipeline.openDeal(openDeal().nextStep("").build())),
            on(
                OpenDeal.class,
                "probabilityOverride",
                t -> t.pipeline.openDeal(openDeal().probabilityOverride(1.5).build())),
            on(
                OpenDeal.class,
                "pipeline",
                t -> t.pipeline.openDeal(openDeal().pipeline(PipelineId.of("nope")).build())),
            on(
                OpenDeal.class,
                "linkedDeal",
                t -> t.pipeline.openDeal(openDeal().kind(DealKind.UPSELL).build())),
            on(
                OpenDeal.class,
                "linkedDeal",
                t -> t.pipeline.openDeal(openDeal().linkedDeal(noDeal).build())),
            on(
                OpenDeal.class,
                "account",
                t -> t.pipeline.openDeal(openDeal().account(noAccount).build())),
            on(
                OpenDeal.class,
                "primaryContact",
                t -> t.pipeline.openDeal(openDeal().primaryContact(noContact).build())),
            on(
                OpenDeal.class,
                "attributes",
                t ->
                    t.pipeline.openDeal(
                        openDeal().putAttributes("bad key", AttributeValue.text("x")).build())),
            on(
                OpenDeal.class,
                "idempotencyKey",
                t -> t.pipeline.openDeal(openDeal().idempotencyKey(" ").build())),
            on(
                OpenDeal.class,
                "owner",
                t -> openDeal().owner(UserId.parse("owner", "no such user"))),
            on(OpenDeal.class, "owner", t -> openDeal().owner(UserId.parse("owner", null))),
            on(OpenDeal.class, "actor", t -> openDeal().actor(UserId.parse("actor", ""))),
            // update
            on(UpdateDeal.class, "name", t -> t.pipeline.update(update(t).name(LONG).build())),
            on(
                UpdateDeal.class,
                "amount",
                t -> t.pipeline.update(update(t).amount(Money.of(-5, "USD")).build())),
            on(
                UpdateDeal.class,
                "expectedCloseDate",
                t -> t.pipeline.update(update(t).expectedCloseDate(TODAY.minusYears(11)).build())),
            on(
                UpdateDeal.class,
                "probabilityOverride",
                t -> t.pipeline.update(update(t).probabilityOverride(-0.1).build())),
            on(
                UpdateDeal.class,
                "clearProbabilityOverride",
                t ->
                    t.pipeline.update(
                        update(t).probabilityOverride(0.5).clearProbabilityOverride(true).build())),
            on(
                UpdateDeal.class,
                "account",
                t -> t.pipeline.update(update(t).account(noAccount).build())),
            on(
                UpdateDeal.class,
                "primaryContact",
                t -> t.pipeline.update(update(t).primaryContact(noContact).build())),
            on(
                UpdateDeal.class,
                "negotiation.discountPercent",
                t ->
                    t.pipeline.update(
                        update(t)
                            .negotiation(
                                new Negotiation(
                                    BigDecimal.valueOf(120), List.of(), java.util.Optional.empty()))
                            .build())),
            on(
                UpdateDeal.class,
                "removeAttributes",
                t -> t.pipeline.update(update(t).addRemoveAttributes("bad key").build())),
            on(UpdateDeal.class, "owner", t -> update(t).owner(UserId.parse("owner", "a b"))),

            // move
            on(MoveDeal.class, "toStage", t -> t.pipeline.move(move(t).toStage("nope").build())),
            on(MoveDeal.class, "toStage", t -> t.pipeline.move(move(t).toStage("").build())),
            on(MoveDeal.class, "override", t -> t.pipeline.move(move(t).override(" ").build())),

            // close
            on(CloseDeal.class, "reason", t -> t.pipeline.lose(close(t).reason(LONG).build())),
            on(CloseDeal.class, "detail", t -> t.pipeline.lose(close(t).detail(" ").build())),
            on(CloseDeal.class, "override", t -> t.pipeline.lose(close(t).override("").build())),

            // reopen
            on(ReopenDeal.class, "toStage", t -> t.pipeline.reopen(reopen(t).toStage("x").build())),
            on(
                ReopenDeal.class,
                "toStage",
                t -> t.pipeline.reopen(reopen(t).toStage(StandardPipelines.CLOSED_WON).build())),
            on(ReopenDeal.class, "reason", t -> t.pipeline.reopen(reopen(t).reason(" ").build())),
            on(
                ReopenDeal.class,
                "deal",
                t -> t.pipeline.reopen(reopen(t).deal(t.deal.id()).build())),

            // qualification
            on(
                RecordQualification.class,
                "assessment.frameworkKey",
                t ->
                    t.pipeline.recordQualification(
                        RecordQualification.builder()
                            .deal(t.deal.id())
                            .actor(ALICE)
                            .assessment(
                                (org.salespipeline.core.qualification.QualificationAssessment)
                                    () -> "nope")
                            .build())),

            // activities
            on(
                LogActivity.class,
                "subject",
                t -> t.pipeline.logActivity(log(t).subject(" ").build())),
            on(
                LogActivity.class,
                "outcome",
                t -> t.pipeline.logActivity(log(t).outcome("").build())),
            on(
                LogActivity.class,
                "occurredAt",
                t ->
                    t.pipeline.logActivity(
                        log(t).occurredAt(Fixtures.clock().instant().plusSeconds(60)).build())),
            on(
                LogActivity.class,
                "deal",
                t ->
                    t.pipeline.logActivity(
                        LogActivity.builder()
                            .actor(ALICE)
                            .type(ActivityType.CALL)
                            .subject("intro")
                            .build())),
            on(
                LogActivity.class,
                "account",
                t -> t.pipeline.logActivity(log(t).account(noAccount).build())),
            on(LogActivity.class, "owner", t -> log(t).owner(UserId.parse("owner", "a b"))),
            on(
                ScheduleFollowUp.class,
                "dueAt",
                t ->
                    t.pipeline.scheduleFollowUp(
                        followUp(t).dueAt(Fixtures.clock().instant().minusSeconds(60)).build())),
            on(
                ScheduleFollowUp.class,
                "subject",
                t -> t.pipeline.scheduleFollowUp(followUp(t).subject(LONG).build())),
            on(ScheduleFollowUp.class, "owner", t -> followUp(t).owner(UserId.parse("owner", ""))),
            // import: the row's fields, and the opening's under the row's deal
            on(
                DealImport.class,
                "imports[0].stage",
                t ->
                    importOne(
                        t, DealImport.builder().deal(openDeal().build()).stage("nope").build())),
            on(
                DealImport.class,
                "imports[0].openedAt",
                t ->
                    importOne(
                        t,
                        DealImport.builder()
                            .deal(openDeal().build())
                            .openedAt(Fixtures.clock().instant().plusSeconds(60))
                            .build())),
            on(
                DealImport.class,
                "imports[0].closeReason",
                t ->
                    importOne(
                        t, DealImport.builder().deal(openDeal().build()).closeReason(" ").build())),
            on(
                DealImport.class,
                "imports[0].deal.amount",
                t ->
                    importOne(
                        t,
                        DealImport.builder()
                            .deal(openDeal().amount(Money.of(-1, "USD")).build())
                            .build())),
            on(
                DealImport.class,
                "imports[0].deal.name",
                t -> importOne(t, DealImport.builder().deal(openDeal().name("").build()).build())))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFields")
  void eachInvalidFieldIsReportedUnderTheBuildersOwnName(Case c) {
    assertThatThrownBy(() -> c.run().accept(this))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.concerns(c.field())).as("problems %s", e.problems()).isTrue();
              e.problems().forEach(p -> assertThat(p.field()).satisfies(f -> isNamed(c, f)));
            });
  }

  /** The missing-field cases of {@link RequiredFieldsTest} name only fields of their builders. */
  @Test
  void theRequiredFieldsAreNamedAsTheirBuildersNameThem() {
    assertThat(names(OpenDeal.class))
        .contains("owner", "actor", "name", "amount", "expectedCloseDate", "kind", "source");
    assertThat(names(UpdateDeal.class)).contains("deal", "actor");
    assertThat(names(MoveDeal.class)).contains("deal", "toStage", "actor");
    assertThat(names(CloseDeal.class)).contains("deal", "reason", "actor");
    assertThat(names(ReopenDeal.class)).contains("deal", "toStage", "reason", "actor");
    assertThat(names(RecordQualification.class)).contains("deal", "assessment", "actor");
    assertThat(names(LogActivity.class)).contains("type", "subject", "deal", "account", "owner");
    assertThat(names(ScheduleFollowUp.class)).contains("type", "subject", "dueAt", "owner");
    assertThat(names(DealImport.class)).contains("deal", "stage", "openedAt", "movedAt");
  }

  @Test
  void aUserIdParsedForAFieldIsReportedOnThatFieldAndEqualsTheConstructedOne() {
    assertThat(UserId.parse("owner", "bob")).isEqualTo(UserId.of("bob"));
    assertThatThrownBy(() -> UserId.parse("owner", "no such user"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(FieldProblem::field, FieldProblem::value)
                    .containsExactly(
                        org.assertj.core.api.Assertions.tuple("owner", "no such user")));
    assertThatThrownBy(() -> UserId.of("no such user"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("user")).isTrue());
  }

  private static void isNamed(Case c, String field) {
    String rest = field;
    Class<?> type = c.command();
    if (type == DealImport.class) {
      assertThat(rest).startsWith("imports[0].");
      rest = rest.substring("imports[0].".length());
      if (rest.startsWith("deal.")) {
        type = OpenDeal.class;
        rest = rest.substring("deal.".length());
      }
    }
    String root = rest.split("[.\\[]", 2)[0];
    assertThat(names(type)).as("fields of %s", type.getSimpleName()).contains(root);
  }

  /** The names a command's builder sets: the command's accessors. */
  static Set<String> names(Class<?> command) {
    return Stream.of(command, DealCommand.class, ChangesDeal.class)
        .filter(k -> k.isAssignableFrom(command))
        .flatMap(k -> Arrays.stream(k.getDeclaredMethods()))
        .filter(m -> m.getParameterCount() == 0)
        .filter(m -> !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic())
        .map(Method::getName)
        .collect(Collectors.toSet());
  }
}
