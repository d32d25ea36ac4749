package org.salespipeline.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;

/**
 * What a deal's history tells: the deal rebuilt from its events, the deal as it stood at a past
 * instant, and its stays in each stage. Stateless and thread-safe.
 */
public final class DealHistory {
  private DealHistory() {}

  /**
   * Rebuilds a deal by replaying its events in sequence order.
   *
   * @param events the deal's complete history, starting with its {@link Change.Created} event
   * @throws IllegalArgumentException if the history is empty, does not start with creation, or
   *     mixes deals or sequences
   */
  public static Deal replay(List<DealEvent> events) {
    return replayUntil(events, Instant.MAX)
        .orElseThrow(() -> new IllegalArgumentException("a history needs at least one event"));
  }

  /**
   * The deal as it stood at {@code instant}: its events up to and including that instant replayed.
   * Empty when the deal did not exist yet.
   */
  public static Optional<Deal> asOf(List<DealEvent> events, Instant instant) {
    return replayUntil(events, instant);
  }

  private static Optional<Deal> replayUntil(List<DealEvent> events, Instant until) {
    Deal created = null;
    DealChanges changes = null;
    long expectedSequence = 1;
    for (DealEvent event : events) {
      if (event.at().isAfter(until)) {
        break;
      }
      if (event.sequence() != expectedSequence) {
        throw new IllegalArgumentException(
            "history of "
                + event.dealId()
                + " expected sequence "
                + expectedSequence
                + " but found "
                + event.sequence());
      }
      expectedSequence++;
      if (created == null) {
        if (!(event.change() instanceof Change.Created first)) {
          throw new IllegalArgumentException(
              "history of " + event.dealId() + " must start with Created");
        }
        created = first.deal();
        continue;
      }
      if (!created.id().equals(event.dealId())) {
        throw new IllegalArgumentException(
            "history mixes deals " + created.id() + " and " + event.dealId());
      }
      if (changes == null) {
        changes = new DealChanges(created);
      }
      changes.apply(event);
    }
    // why: one rebuild for the whole history rather than one per event (see DealChanges)
    return Optional.ofNullable(changes == null ? created : changes.build());
  }

  /** The deal after one event. */
  static Deal apply(Deal deal, DealEvent event) {
    return new DealChanges(deal).apply(event).build();
  }

  /** The deal's stays in stages, in order; the last is still going on when the deal is open. */
  public static List<StageVisit> stageVisits(List<DealEvent> events) {
    StageVisits visits = new StageVisits();
    for (DealEvent event : events) {
      visits.at = event.at();
      event.change().accept(visits);
    }
    return visits.finish();
  }

  /**
   * Total time spent in each stage up to {@code now}, in order of first entry. A stage visited
   * twice (after a backward move) adds both stays.
   */
  public static Map<String, Duration> timeInStage(List<DealEvent> events, Instant now) {
    Map<String, Duration> totals = new LinkedHashMap<>();
    for (StageVisit visit : stageVisits(events)) {
      totals.merge(visit.stage(), visit.duration(now), Duration::plus);
    }
    return totals;
  }

  /** Follows the stage through a history: creation starts the first stay, each move ends one. */
  private static final class StageVisits implements Change.Visitor<Void> {
    private final List<StageVisit> visits = new ArrayList<>();
    private String stage;
    private Instant entered;
    private Instant at;

    List<StageVisit> finish() {
      if (stage != null) {
        visits.add(new StageVisit(stage, entered, Optional.empty()));
      }
      return visits;
    }

    @Override
    public Void visit(Change.Created change) {
      stage = change.deal().stage();
      entered = at;
      return null;
    }

    @Override
    public Void visit(Change.StageChanged change) {
      if (stage != null) {
        visits.add(new StageVisit(stage, entered, Optional.of(at)));
        stage = change.to();
        entered = at;
      }
      return null;
    }

    @Override
    public Void visit(Change.AmountChanged change) {
      return null;
    }

    @Override
    public Void visit(Change.CloseDateChanged change) {
      return null;
    }

    @Override
    public Void visit(Change.OwnerChanged change) {
      return null;
    }

    @Override
    public Void visit(Change.CategoryChanged change) {
      return null;
    }

    @Override
    public Void visit(Change.ProbabilityOverrideChanged change) {
      return null;
    }

    @Override
    public Void visit(Change.DetailsChanged change) {
      return null;
    }

    @Override
    public Void visit(Change.QualificationRecorded change) {
      return null;
    }

    @Override
    public Void visit(Change.ActivityLogged change) {
      return null;
    }

    @Override
    public Void visit(Change.Won change) {
      return null;
    }

    @Override
    public Void visit(Change.Lost change) {
      return null;
    }

    @Override
    public Void visit(Change.Disqualified change) {
      return null;
    }

    @Override
    public Void visit(Change.Reopened change) {
      return null;
    }

    @Override
    public Void visit(Change.RuleOverridden change) {
      return null;
    }

    @Override
    public Void visit(Change.RetentionChanged change) {
      return null;
    }

    @Override
    public Void visit(Change.RecurringRevenueChanged change) {
      return null;
    }

    @Override
    public Void visit(Change.HealthChecked change) {
      return null;
    }

    @Override
    public Void visit(Change.RenewalTermsSet change) {
      return null;
    }
  }
}
