package org.salespipeline.forecast.bookings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.salespipeline.core.CloseReason;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;
import org.salespipeline.core.stage.StageOutcome;

/** Hand-built deal histories for the bookings tests: one line per deal, events in sequence. */
final class Ledger {
  static final PipelineId PIPELINE = PipelineId.of("sales");
  static final WorkspaceId WORKSPACE = WorkspaceId.of("ws");
  static final UserId REP = UserId.of("rep");
  static final Currency USD = Currency.getInstance("USD");

  final List<DealEvent> events = new ArrayList<>();
  private long next = 1;

  static PipelineDefinition pipeline() {
    return PipelineDefinition.builder()
        .id(PIPELINE)
        .name("Sales")
        .addStages(
            Stage.open("lead", "Lead", 0.1, ForecastCategory.PIPELINE, null),
            Stage.open("proposal", "Proposal", 0.5, ForecastCategory.BEST_CASE, null),
            Stage.closed("won", "Won", StageOutcome.WON),
            Stage.closed("lost", "Lost", StageOutcome.LOST))
        .build();
  }

  /**
   * A forecaster over {@code events} in {@link #pipeline()}, reporting in USD, all else default.
   */
  static BookingsForecaster forecaster(List<DealEvent> events) {
    return BookingsForecaster.builder()
        .pipeline(pipeline())
        .reportingCurrency(USD)
        .events(events)
        .build();
  }

  static Instant at(LocalDate day, int hour) {
    return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
  }

  /** A deal created on {@code created}; won or lost on {@code closed} when not null. */
  Ledger deal(LocalDate created, String amount, String currency, LocalDate closed, boolean won) {
    LocalDate mid =
        closed == null
            ? null
            : created.plusDays(Math.max(0, closed.toEpochDay() - created.toEpochDay()) / 2);
    return deal(created, amount, currency, mid, closed, won);
  }

  /**
   * A deal created on {@code created} in "lead", moved to "proposal" on {@code moved} when not
   * null, won or lost on {@code closed} when not null.
   */
  Ledger deal(
      LocalDate created,
      String amount,
      String currency,
      LocalDate moved,
      LocalDate closed,
      boolean won) {
    DealId id = new DealId(new UUID(7, next++));
    Money money = Money.of(amount, currency);
    Deal deal =
        Deal.builder()
            .id(id)
            .workspace(WORKSPACE)
            .pipeline(PIPELINE)
            .stage("lead")
            .status(DealStatus.OPEN)
            .name("Deal " + next)
            .owner(REP)
            .amount(money)
            .expectedCloseDate(created.plusDays(30))
            .forecastCategory(ForecastCategory.PIPELINE)
            .createdAt(at(created, 9))
            .stageEnteredAt(at(created, 9))
            .version(1)
            .lastEventSequence(1)
            .build();
    List<Change> changes = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    changes.add(new Change.Created(deal));
    times.add(at(created, 9));
    String stage = "lead";
    if (moved != null) {
      changes.add(new Change.StageChanged("lead", "proposal"));
      times.add(at(moved, 10));
      stage = "proposal";
    }
    if (closed != null) {
      changes.add(new Change.StageChanged(stage, won ? "won" : "lost"));
      times.add(at(closed, 16));
      CloseReason reason =
          new CloseReason(won ? DealStatus.WON : DealStatus.LOST, "test", Optional.empty());
      changes.add(won ? new Change.Won(reason) : new Change.Lost(reason));
      times.add(at(closed, 16));
    }
    for (int i = 0; i < changes.size(); i++) {
      events.add(
          new DealEvent(id, i + 1, i + 1, times.get(i), REP, Optional.empty(), changes.get(i)));
    }
    return this;
  }

  Ledger deal(LocalDate created, long amount, LocalDate closed, boolean won) {
    return deal(created, Long.toString(amount), "USD", closed, won);
  }

  /** The events recorded before the start of {@code day} (UTC). */
  List<DealEvent> before(LocalDate day) {
    Instant cut = at(day, 0);
    List<DealEvent> out = new ArrayList<>();
    for (DealEvent e : events) {
      if (e.at().isBefore(cut)) {
        out.add(e);
      }
    }
    return out;
  }
}
