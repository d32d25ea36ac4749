package org.salespipeline.benchmarks.workload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import org.salespipeline.core.ActivityId;
import org.salespipeline.core.ActivityType;
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

/**
 * The synthetic workspace history the forecast and insight benchmarks share: {@code deals} deals
 * owned by 200 reps, each with exactly 10 events (created in the first open stage, then activities,
 * forward stage moves, close-date and amount changes and at most one win or loss), drawn from a
 * fixed seed so that every run sees the same events. Amounts are in USD.
 *
 * <p>The knobs are the ones in which the benchmarks' workspaces differ; with the same knobs the
 * events are the same, event for event.
 */
public final class SyntheticHistory {
  /** Events every deal gets, its creation included. */
  public static final int EVENTS_PER_DEAL = 10;

  private static final long DAY = 86_400;

  private final String[] open;
  private final Instant start;
  private final int createdWithinDays;
  private final int closeSpreadDays;
  private final int stepDays;
  private final boolean skips;

  /**
   * Describes a history.
   *
   * @param open the pipeline's open stage keys in order; the first is where deals are created, and
   *     closing moves go from the current one to {@code "won"} or {@code "lost"}
   * @param start the earliest creation time
   * @param createdWithinDays deals are created uniformly within this many days after {@code start}
   * @param closeSpreadDays the first expected close date lies 30 plus up to this many days after
   *     creation
   * @param stepDays each later event follows the one before by up to this many days
   * @param skips whether a stage move skips a stage one time in eight (never past the last one)
   */
  public SyntheticHistory(
      String[] open,
      Instant start,
      int createdWithinDays,
      int closeSpreadDays,
      int stepDays,
      boolean skips) {
    this.open = open.clone();
    this.start = start;
    this.createdWithinDays = createdWithinDays;
    this.closeSpreadDays = closeSpreadDays;
    this.stepDays = stepDays;
    this.skips = skips;
  }

  /**
   * Generates the events, deal by deal, each deal's in sequence order.
   *
   * @param pipeline the pipeline every deal is in; it must have the {@code open} stages, {@code
   *     "won"} and {@code "lost"}
   * @param deals how many deals
   * @return a new mutable list of {@code deals * EVENTS_PER_DEAL} events
   */
  public List<DealEvent> generate(PipelineDefinition pipeline, int deals) {
    SplittableRandom rnd = new SplittableRandom(42);
    UserId[] owners = new UserId[200];
    for (int i = 0; i < owners.length; i++) {
      owners[i] = UserId.of("rep" + i);
    }
    WorkspaceId ws = WorkspaceId.of("bench");
    ActivityId activity = ActivityId.of(new UUID(7, 7).toString());
    List<DealEvent> out = new ArrayList<>(deals * EVENTS_PER_DEAL);
    for (int n = 0; n < deals; n++) {
      DealId id = new DealId(new UUID(1, n));
      UserId owner = owners[rnd.nextInt(owners.length)];
      long at = start.getEpochSecond() + rnd.nextLong(createdWithinDays * DAY);
      Money amount = amount(rnd);
      LocalDate close = LocalDate.ofEpochDay(at / DAY + 30 + rnd.nextInt(closeSpreadDays));
      Deal deal =
          Deal.builder()
              .id(id)
              .workspace(ws)
              .pipeline(pipeline.id())
              .stage(open[0])
              .status(DealStatus.OPEN)
              .name("Deal")
              .owner(owner)
              .amount(amount)
              .expectedCloseDate(close)
              .forecastCategory(ForecastCategory.PIPELINE)
              .createdAt(Instant.ofEpochSecond(at))
              .stageEnteredAt(Instant.ofEpochSecond(at))
              .version(1)
              .lastEventSequence(1)
              .build();
      long seq = 1;
      out.add(event(id, seq++, at, owner, new Change.Created(deal)));
      int pos = 0;
      int pushes = 0;
      boolean closed = false;
      while (seq <= EVENTS_PER_DEAL) {
        at += rnd.nextLong(stepDays * DAY);
        int what = rnd.nextInt(10);
        Change change;
        if (closed || what < 4) {
          change =
              new Change.ActivityLogged(
                  activity,
                  ActivityType.CALL,
                  Optional.of(Instant.ofEpochSecond(at)),
                  Optional.empty());
        } else if (what < 7 && pos < open.length - 1) {
          int to = pos + 1;
          if (skips && rnd.nextInt(8) == 0) {
            to = Math.min(pos + 2, open.length - 1);
          }
          change = new Change.StageChanged(open[pos], open[to]);
          pos = to;
        } else if (what == 7) {
          LocalDate next = close.plusDays(rnd.nextInt(30) - 5);
          pushes += next.isAfter(close) ? 1 : 0;
          change = new Change.CloseDateChanged(close, next, pushes);
          close = next;
        } else if (what == 8) {
          Money next = amount(rnd);
          change = new Change.AmountChanged(amount, next);
          amount = next;
        } else if (seq <= EVENTS_PER_DEAL - 1) {
          boolean win = rnd.nextInt(3) == 0;
          String to = win ? "won" : "lost";
          out.add(event(id, seq++, at, owner, new Change.StageChanged(open[pos], to)));
          CloseReason reason =
              new CloseReason(win ? DealStatus.WON : DealStatus.LOST, "r", Optional.empty());
          change = win ? new Change.Won(reason) : new Change.Lost(reason);
          closed = true;
        } else {
          change =
              new Change.ActivityLogged(
                  activity,
                  ActivityType.FOLLOW_UP,
                  Optional.empty(),
                  Optional.of(Instant.ofEpochSecond(at + DAY)));
        }
        out.add(event(id, seq++, at, owner, change));
      }
    }
    return out;
  }

  private static Money amount(SplittableRandom rnd) {
    return Money.ofMinor(100_00L + rnd.nextLong(5_000_000), Money.currency("USD"));
  }

  private static DealEvent event(DealId id, long seq, long at, UserId actor, Change change) {
    return new DealEvent(id, seq, seq, Instant.ofEpochSecond(at), actor, Optional.empty(), change);
  }
}
