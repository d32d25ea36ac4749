package org.salespipeline.forecast.insight;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.salespipeline.core.ActivityId;
import org.salespipeline.core.ActivityType;
import org.salespipeline.core.CloseReason;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealSource;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.qualification.QualificationResult;
import org.salespipeline.core.qualification.Verdict;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;
import org.salespipeline.core.stage.StageOutcome;

/** Hand-built deal histories for tests: one builder per deal, events in sequence order. */
final class Histories {
  static final PipelineId PIPELINE = PipelineId.of("sales");
  static final WorkspaceId WORKSPACE = WorkspaceId.of("ws");
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final List<String> OPEN = List.of("lead", "qualified", "proposal");

  /** lead -> qualified -> proposal -> won / lost / disqualified; lead idles after 7 days. */
  static PipelineDefinition pipeline() {
    return PipelineDefinition.builder()
        .id(PIPELINE)
        .name("Sales")
        .addStages(
            Stage.open("lead", "Lead", 0.1, ForecastCategory.PIPELINE, Duration.ofDays(7)),
            Stage.open("qualified", "Qualified", 0.3, ForecastCategory.PIPELINE, null),
            Stage.open("proposal", "Proposal", 0.6, ForecastCategory.BEST_CASE, null),
            Stage.closed("won", "Won", StageOutcome.WON),
            Stage.closed("lost", "Lost", StageOutcome.LOST),
            Stage.closed("disqualified", "Disqualified", StageOutcome.DISQUALIFIED))
        .build();
  }

  static Instant day(double days) {
    return T0.plusSeconds((long) (days * 86_400));
  }

  static DealId id(long n) {
    return new DealId(new UUID(0, n));
  }

  /** One deal's history under construction. */
  static final class Deal1 {
    final DealId id;
    final List<DealEvent> events = new ArrayList<>();
    String stage;
    Money amount;
    LocalDate close;
    int pushes;
    UserId owner;

    Deal1(long n, String owner, String stage, long amount, Instant at, LocalDate close) {
      this(n, owner, stage, amount, at, close, DealSource.OTHER);
    }

    Deal1(
        long n,
        String owner,
        String stage,
        long amount,
        Instant at,
        LocalDate close,
        DealSource source) {
      this.id = id(n);
      this.stage = stage;
      this.amount = Money.of(amount, "USD");
      this.close = close;
      this.owner = UserId.of(owner);
      Deal deal =
          Deal.builder()
              .id(id)
              .workspace(WORKSPACE)
              .pipeline(PIPELINE)
              .stage(stage)
              .status(DealStatus.OPEN)
              .name("Deal " + n)
              .owner(this.owner)
              .amount(this.amount)
              .expectedCloseDate(close)
              .forecastCategory(ForecastCategory.PIPELINE)
              .source(source)
              .createdAt(at)
              .stageEnteredAt(at)
              .version(1)
              .lastEventSequence(1)
              .build();
      add(at, new Change.Created(deal));
    }

    private Deal1 add(Instant at, Change change) {
      events.add(
          new DealEvent(
              id, events.size() + 1, events.size() + 1, at, owner, Optional.empty(), change));
      return this;
    }

    Deal1 move(String to, Instant at) {
      Change c = new Change.StageChanged(stage, to);
      stage = to;
      return add(at, c);
    }

    Deal1 won(Instant at) {
      move("won", at);
      return add(at, new Change.Won(new CloseReason(DealStatus.WON, "signed", Optional.empty())));
    }

    Deal1 lost(Instant at) {
      move("lost", at);
      return add(at, new Change.Lost(new CloseReason(DealStatus.LOST, "price", Optional.empty())));
    }

    Deal1 disqualified(Instant at) {
      move("disqualified", at);
      return add(
          at,
          new Change.Disqualified(
              new CloseReason(DealStatus.DISQUALIFIED, "no fit", Optional.empty())));
    }

    Deal1 amount(long to, Instant at) {
      Money next = Money.of(to, "USD");
      Change c = new Change.AmountChanged(amount, next);
      amount = next;
      return add(at, c);
    }

    Deal1 closeDate(LocalDate to, Instant at) {
      if (to.isAfter(close)) {
        pushes++;
      }
      Change c = new Change.CloseDateChanged(close, to, pushes);
      close = to;
      return add(at, c);
    }

    Deal1 owner(String to, Instant at) {
      UserId next = UserId.of(to);
      Change c = new Change.OwnerChanged(owner, next);
      owner = next;
      return add(at, c);
    }

    Deal1 activity(Instant at) {
      return add(
          at,
          new Change.ActivityLogged(
              ActivityId.of(new UUID(1, events.size()).toString()),
              ActivityType.CALL,
              Optional.of(at),
              Optional.empty()));
    }

    Deal1 followUp(Instant due, Instant at) {
      return add(
          at,
          new Change.ActivityLogged(
              ActivityId.of(new UUID(2, events.size()).toString()),
              ActivityType.FOLLOW_UP,
              Optional.empty(),
              Optional.of(due)));
    }

    Deal1 qualified(boolean passed, Instant at) {
      return add(
          at,
          new Change.QualificationRecorded(
              QualificationResult.builder()
                  .frameworkKey("bant")
                  .score(passed ? 80 : 20)
                  .verdict(passed ? Verdict.QUALIFIED : Verdict.NURTURE)
                  .build()));
    }
  }

  static List<DealEvent> all(Deal1... deals) {
    List<DealEvent> out = new ArrayList<>();
    for (Deal1 d : deals) {
      out.addAll(d.events);
    }
    return out;
  }

  private Histories() {}
}
