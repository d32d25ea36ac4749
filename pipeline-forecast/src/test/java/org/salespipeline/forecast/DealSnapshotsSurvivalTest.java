package org.salespipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Example;
import org.salespipeline.core.CloseReason;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.forecast.model.SurvivalModel;

/** The spells {@link DealSnapshots#survival} builds: one per stage visit. */
class DealSnapshotsSurvivalTest {
  static final PipelineDefinition PIPE = StandardPipelines.newBusiness();
  static final List<String> OPEN = PIPE.openStages().stream().map(s -> s.key()).toList();
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final UserId ACTOR = UserId.of("system");

  /** Builds one deal's history; {@code change} adds an event on a day after creation. */
  static final class History {
    final List<DealEvent> events = new ArrayList<>();
    final DealId id;
    long seq = 1;

    History(int k) {
      id = new DealId(new UUID(42, k));
      Deal d =
          Deal.builder()
              .id(id)
              .workspace(WorkspaceId.of("w"))
              .pipeline(PIPE.id())
              .stage(OPEN.get(0))
              .status(DealStatus.OPEN)
              .name("deal " + k)
              .owner(UserId.of("rep"))
              .amount(Money.of(1000, "USD"))
              .expectedCloseDate(LocalDate.ofInstant(T0, ZoneOffset.UTC).plusDays(60))
              .forecastCategory(ForecastCategory.PIPELINE)
              .createdAt(T0)
              .stageEnteredAt(T0)
              .version(1)
              .lastEventSequence(1)
              .build();
      events.add(new DealEvent(id, 1, 1, T0, ACTOR, Optional.empty(), new Change.Created(d)));
    }

    History change(int day, Change c) {
      seq++;
      Instant at = T0.plusSeconds(86_400L * day);
      events.add(new DealEvent(id, seq, seq, at, ACTOR, Optional.empty(), c));
      return this;
    }

    History move(int day, int from, int to) {
      return change(day, new Change.StageChanged(OPEN.get(from), OPEN.get(to)));
    }

    History won(int day) {
      return change(day, new Change.Won(new CloseReason(DealStatus.WON, "x", Optional.empty())));
    }

    History lost(int day) {
      return change(day, new Change.Lost(new CloseReason(DealStatus.LOST, "x", Optional.empty())));
    }
  }

  @Example
  void aVisitEndsWhenTheDealLeavesTheStage() {
    List<DealEvent> events = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      // moved on after 10 days, won 10 days later in the next stage
      events.addAll(new History(k).move(10, 0, 1).won(20).events);
      // stayed in the first stage and lost after 30 days
      events.addAll(new History(100 + k).lost(30).events);
    }
    SurvivalModel m =
        DealSnapshots.survival(events.stream(), PIPE, T0.plusSeconds(86_400L * 100), 1, 10);
    // a deal still in the first stage after 15 days is like the deals that stayed: it will not win
    // (a life table by age from stage entry to close would say 1/2 here)
    assertThat(m.winProbability(0, 0, 15).getAsDouble()).isZero();
    // from entry: half move on and win on day 21 (10 in stage, a day for the move, 10 more)
    assertThat(m.withHorizon(22).winProbability(0, 0, 0).getAsDouble())
        .isCloseTo(0.5, within(1e-12));
    assertThat(m.withHorizon(21).winProbability(0, 0, 0).getAsDouble()).isZero();
    assertThat(m.winProbability(1, 0, 5).getAsDouble()).isCloseTo(1, within(1e-12));
    // nobody was in the third stage: every stage's visits pooled answer, and none of them
    // won within 10 days of entering a stage
    assertThat(m.winProbability(2, 0, 0).getAsDouble()).isZero();
    assertThat(m.withHorizon(30).winProbability(2, 0, 0).getAsDouble()).isPositive();
  }

  @Example
  void reopenedDealsStartANewVisitAndOpenDealsAreCensored() {
    List<DealEvent> events = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      events.addAll(
          new History(k)
              .lost(2)
              .change(5, new Change.Reopened(DealStatus.LOST, "came back"))
              .won(6)
              .events);
      events.addAll(new History(100 + k).events); // open at the end: censored on day 50
    }
    SurvivalModel m =
        DealSnapshots.survival(events.stream(), PIPE, T0.plusSeconds(86_400L * 50), 1, 10);
    // visits: five lost on day 2, five won on day 1 (after reopening), five censored on day 50
    assertThat(m.winProbability(0, 0, 0).getAsDouble()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(m.winProbability(0, 0, 3).getAsDouble()).isZero();
    assertThat(m.winProbability(0, 0, 50).getAsDouble()).isZero();
  }

  @Example
  void aReopenedDealStartsItsNewVisitInTheStageItWasReopenedInto() {
    // as the engine records it: a lost deal moves into the closed stage; reopening adds Reopened
    // and then the move out of the closed stage, at the same instant
    String lostKey =
        PIPE.stages().stream()
            .filter(st -> st.outcome() == org.salespipeline.core.stage.StageOutcome.LOST)
            .findFirst()
            .orElseThrow()
            .key();
    List<DealEvent> events = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      events.addAll(
          new History(k)
              .move(1, 0, 1)
              .change(2, new Change.StageChanged(OPEN.get(1), lostKey))
              .lost(2)
              .change(5, new Change.Reopened(DealStatus.LOST, "came back"))
              .change(5, new Change.StageChanged(lostKey, OPEN.get(0)))
              .won(6)
              .events);
    }
    SurvivalModel m =
        DealSnapshots.survival(events.stream(), PIPE, T0.plusSeconds(86_400L * 50), 1, 10);
    // the second stage saw five one-day visits, all lost: no visit of it starts at the reopen
    assertThat(m.winProbability(1, 0, 0).getAsDouble()).isZero();
    // the first stage: five visits moved on after a day (then lost), five won after a day
    assertThat(m.winProbability(0, 0, 0).getAsDouble()).isCloseTo(0.5, within(1e-12));
  }

  @Example
  void pushesDuringAVisitMoveItToTheNextPushStratum() {
    List<DealEvent> events = new ArrayList<>();
    LocalDate close = LocalDate.of(2026, 3, 1);
    for (int k = 0; k < 5; k++) {
      events.addAll(
          new History(k)
              .change(3, new Change.CloseDateChanged(close, close.plusDays(30), 1))
              .won(8)
              .events);
      events.addAll(new History(100 + k).lost(8).events);
    }
    SurvivalModel m =
        DealSnapshots.survival(events.stream(), PIPE, T0.plusSeconds(86_400L * 50), 1, 10);
    assertThat(m.winProbability(0, -1, 0).getAsDouble()).isCloseTo(0.5, within(1e-12));
    assertThat(m.winProbability(0, 1, 4).getAsDouble()).isCloseTo(1, within(1e-12));
    assertThat(m.winProbability(0, 0, 4).getAsDouble()).isZero();
  }
}
