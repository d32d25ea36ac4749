package org.salespipeline.forecast;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.forecast.model.SurvivalModel;

/**
 * Collects the stage visits of {@link DealSnapshots#survival}: one streaming pass with per-deal
 * state; histories arrive whole, in sequence order. Not thread-safe.
 */
final class SpellCollector extends LifecycleVisitor implements Consumer<DealEvent> {
  private final SurvivalModel.Builder b;
  private final Set<String> open;
  private final PipelineDefinition pipeline;
  private final Instant until;
  private Object deal;
  private boolean inPipeline;
  private boolean dealOpen;
  private String stage;
  private int push;
  private Instant at;
  // the visit in progress: stage (null when none), start, push count at entry, push times
  private String visit;
  private Instant visitStart;

  /** When the deal was reopened and its new visit has not started yet, else null. */
  private Instant reopenedAt;

  private int visitPush;
  private final List<Instant> pushes = new ArrayList<>();

  SpellCollector(
      SurvivalModel.Builder b, Set<String> open, PipelineDefinition pipeline, Instant until) {
    this.b = b;
    this.open = open;
    this.pipeline = pipeline;
    this.until = until;
  }

  @Override
  public void accept(DealEvent e) {
    if (!e.dealId().equals(deal)) {
      finish();
      deal = e.dealId();
      inPipeline = false;
    }
    if (e.at().isAfter(until)) {
      return;
    }
    at = e.at();
    e.change().accept(this);
  }

  /**
   * A reopen without the stage move the engine records after it: the deal went back to the stage it
   * closed from. Called first by every kind but the stage move.
   */
  private void settleReopen() {
    if (reopenedAt != null) {
      startReopened();
    }
  }

  @Override
  void other() {
    settleReopen();
  }

  @Override
  public Void visit(Change.Created cr) {
    settleReopen();
    inPipeline = cr.deal().pipeline().equals(pipeline.id());
    push = 0;
    stage = cr.deal().stage();
    dealOpen = cr.deal().isOpen();
    if (inPipeline && dealOpen) {
      start(stage, at);
    }
    return null;
  }

  @Override
  public Void visit(Change.StageChanged moved) {
    if (!inPipeline) {
      return null;
    }
    if (reopenedAt != null) {
      // the engine follows Reopened with the move out of the closed stage: the new visit
      // starts in the stage reopened into, with no visit of the old stage in between
      if (open.contains(moved.to())) {
        stage = moved.to();
      }
      startReopened();
      return null;
    }
    if (open.contains(moved.to()) && !moved.to().equals(visit)) {
      stage = moved.to();
      if (visit != null) {
        end(at, SurvivalModel.Outcome.MOVED, moved.to());
      }
      if (dealOpen) {
        start(stage, at);
      }
    }
    return null;
  }

  @Override
  public Void visit(Change.CloseDateChanged d) {
    settleReopen();
    if (inPipeline) {
      int now = Math.max(0, d.pushCount());
      // only the first pushes matter for the strata (0, 1, 2 or more)
      for (int k = push; k < Math.min(now, push + 2); k++) {
        pushes.add(at);
      }
      push = Math.max(push, now);
    }
    return null;
  }

  @Override
  public Void visit(Change.Won change) {
    settleReopen();
    if (inPipeline) {
      end(at, SurvivalModel.Outcome.WON, null);
      dealOpen = false;
    }
    return null;
  }

  @Override
  public Void visit(Change.Lost change) {
    return lost();
  }

  @Override
  public Void visit(Change.Disqualified change) {
    return lost();
  }

  private Void lost() {
    settleReopen();
    if (inPipeline) {
      end(at, SurvivalModel.Outcome.LOST, null);
      dealOpen = false;
    }
    return null;
  }

  @Override
  public Void visit(Change.Reopened change) {
    settleReopen();
    if (inPipeline && !dealOpen) {
      dealOpen = true;
      reopenedAt = at;
    }
    return null;
  }

  private void startReopened() {
    start(stage, reopenedAt);
    reopenedAt = null;
  }

  private void start(String s, Instant when) {
    pushes.clear();
    if (open.contains(s)) {
      visit = s;
      visitStart = when;
      visitPush = push;
    } else {
      visit = null;
    }
  }

  private void end(Instant when, SurvivalModel.Outcome outcome, String to) {
    if (visit != null) {
      int days = DealSnapshots.days(visitStart, when);
      int[] pushDays = new int[pushes.size()];
      for (int k = 0; k < pushDays.length; k++) {
        pushDays[k] = Math.min(days, DealSnapshots.days(visitStart, pushes.get(k)));
      }
      b.visit(visit, days, outcome, to, visitPush, pushDays);
    }
    visit = null;
    pushes.clear();
  }

  void finish() {
    if (reopenedAt != null) {
      startReopened();
    }
    end(until, SurvivalModel.Outcome.CENSORED, null);
  }
}
