package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.core.Fixtures.ALICE;
import static org.salespipeline.core.Fixtures.BOB;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.LogActivity;
import org.salespipeline.core.command.MoveDeal;
import org.salespipeline.core.command.RecordQualification;
import org.salespipeline.core.command.ReopenDeal;
import org.salespipeline.core.command.ScheduleFollowUp;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.StandardPipelines;

/**
 * Properties of the engine over random command sequences under the standard rules: a refused or
 * invalid command changes nothing, and replaying a deal's history always rebuilds the stored deal.
 */
class EnginePropertiesTest {
  static final List<String> OPEN_STAGES =
      StandardPipelines.newBusiness().openStages().stream()
          .map(org.salespipeline.core.stage.Stage::key)
          .toList();

  /** One random command: a kind and a few parameters it may use. */
  record Step(int kind, int stage, int amount, int days, boolean override) {}

  @Provide
  Arbitrary<Step> steps() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 10),
            Arbitraries.integers().between(0, OPEN_STAGES.size() - 1),
            Arbitraries.integers().between(-5, 2_000_000),
            Arbitraries.integers().between(-40, 400),
            Arbitraries.of(true, false))
        .as(Step::new);
  }

  @Property(tries = 300)
  void refusedCommandsChangeNothingAndHistoryAlwaysReplays(
      @ForAll @Size(max = 25) List<@net.jqwik.api.From("steps") Step> steps) {
    TestClock clock = Fixtures.clock();
    SalesPipeline pipeline = Fixtures.engine(clock);
    DealId id = pipeline.openDeal(Fixtures.openDeal().build()).deal().id();
    for (Step step : steps) {
      clock.advance(Duration.ofHours(1 + Math.abs(step.days())));
      Deal before = pipeline.requireDeal(id);
      List<DealEvent> historyBefore = pipeline.history(id);
      try {
        apply(pipeline, id, step, clock);
      } catch (PipelineException refused) {
        assertThat(pipeline.requireDeal(id)).as("deal after refused %s", step).isEqualTo(before);
        assertThat(pipeline.history(id)).isEqualTo(historyBefore);
      }
      Deal stored = pipeline.requireDeal(id);
      List<DealEvent> history = pipeline.history(id);
      assertThat(DealHistory.replay(history)).isEqualTo(stored);
      // a command's changes are applied in one rebuild; applied one event at a time they agree
      Deal oneByOne = ((Change.Created) history.get(0).change()).deal();
      for (DealEvent event : history.subList(1, history.size())) {
        oneByOne = DealHistory.apply(oneByOne, event);
      }
      assertThat(oneByOne).as("history applied event by event").isEqualTo(stored);
      assertThat(stored.version()).isEqualTo(history.get(history.size() - 1).dealVersion());
      assertThat(history).extracting(DealEvent::sequence).isSorted().doesNotHaveDuplicates();
    }
  }

  private static void apply(SalesPipeline pipeline, DealId id, Step step, TestClock clock) {
    switch (step.kind()) {
      case 0, 1, 2 ->
          pipeline.move(
              MoveDeal.builder()
                  .deal(id)
                  .actor(ALICE)
                  .toStage(OPEN_STAGES.get(step.stage()))
                  .override(
                      step.override()
                          ? java.util.Optional.of("manager approval")
                          : java.util.Optional.empty())
                  .build());
      case 3 ->
          pipeline.update(
              UpdateDeal.builder()
                  .deal(id)
                  .actor(BOB)
                  .amount(Money.of(step.amount(), "USD"))
                  .expectedCloseDate(Fixtures.TODAY.plusDays(step.days()))
                  .build());
      case 4 ->
          pipeline.recordQualification(
              RecordQualification.builder()
                  .deal(id)
                  .actor(ALICE)
                  .assessment(step.override() ? Fixtures.qualifiedLead() : Fixtures.weakLead())
                  .build());
      case 5 -> Fixtures.satisfyStandardRules(pipeline, id);
      case 6 -> pipeline.win(CloseDeal.builder().deal(id).actor(ALICE).build());
      case 7 ->
          pipeline.lose(
              CloseDeal.builder()
                  .deal(id)
                  .actor(ALICE)
                  .reason(step.override() ? "price" : "")
                  .build());
      case 8 ->
          pipeline.reopen(
              ReopenDeal.builder()
                  .deal(id)
                  .actor(ALICE)
                  .toStage(OPEN_STAGES.get(step.stage()))
                  .reason("came back")
                  .build());
      case 9 ->
          pipeline.logActivity(
              LogActivity.builder()
                  .deal(id)
                  .actor(ALICE)
                  .type(ActivityType.CALL)
                  .subject("call")
                  .build());
      default ->
          pipeline.scheduleFollowUp(
              ScheduleFollowUp.builder()
                  .deal(id)
                  .actor(ALICE)
                  .subject("follow up")
                  .dueAt(clock.instant().plus(Duration.ofDays(Math.abs(step.days()) + 1)))
                  .build());
    }
  }

  @Property(tries = 200)
  void aRepSetCategoryIsNeverOverwrittenByAnOpenStageMove(
      @ForAll("categories") ForecastCategory category,
      @ForAll @Size(min = 1, max = 8)
          List<@net.jqwik.api.constraints.IntRange(min = 0, max = 5) Integer> moves) {
    TestClock clock = Fixtures.clock();
    SalesPipeline pipeline = Fixtures.lenientEngine(clock);
    DealId id =
        pipeline.openDeal(Fixtures.openDeal().forecastCategory(category).build()).deal().id();
    for (int stage : moves) {
      try {
        pipeline.move(id, OPEN_STAGES.get(stage), ALICE);
      } catch (ValidationException sameStage) {
        // moving to the current stage is refused; nothing to check
      }
      assertThat(pipeline.requireDeal(id).forecastCategory()).isEqualTo(category);
    }
  }

  @Provide
  Arbitrary<ForecastCategory> categories() {
    return Arbitraries.of(
        ForecastCategory.PIPELINE,
        ForecastCategory.BEST_CASE,
        ForecastCategory.MOST_LIKELY,
        ForecastCategory.COMMIT);
  }
}
