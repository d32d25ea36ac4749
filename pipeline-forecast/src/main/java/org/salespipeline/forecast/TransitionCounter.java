package org.salespipeline.forecast;

import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.forecast.model.StageTransitions;

/**
 * Counts stage transitions for {@link DealSnapshots#transitions}: one streaming pass with per-deal
 * state; histories arrive whole, in sequence order. Not thread-safe.
 */
final class TransitionCounter extends LifecycleVisitor implements Consumer<DealEvent> {
  private final StageTransitions.Builder b;
  private final Map<String, Integer> index;
  private final PipelineDefinition pipeline;
  private final Instant until;
  private Object deal;
  private int current = -1;
  private boolean counting;
  private Instant at;

  TransitionCounter(
      StageTransitions.Builder b,
      Map<String, Integer> index,
      PipelineDefinition pipeline,
      Instant until) {
    this.b = b;
    this.index = index;
    this.pipeline = pipeline;
    this.until = until;
  }

  @Override
  public void accept(DealEvent e) {
    if (!e.dealId().equals(deal)) {
      deal = e.dealId();
      counting = false;
      current = -1;
    }
    at = e.at();
    e.change().accept(this);
  }

  /** Whether the event counts: the deal is counted and the event is not after {@code until}. */
  private boolean live() {
    if (!counting) {
      return false;
    }
    if (at.isAfter(until)) {
      counting = false;
      return false;
    }
    return true;
  }

  @Override
  void other() {
    live();
  }

  @Override
  public Void visit(Change.Created created) {
    counting = created.deal().pipeline().equals(pipeline.id()) && !at.isAfter(until);
    current = index.getOrDefault(created.deal().stage(), -1);
    return null;
  }

  @Override
  public Void visit(Change.StageChanged moved) {
    if (live()) {
      int to = index.getOrDefault(moved.to(), -1);
      if (to >= 0) {
        if (current >= 0) {
          b.moved(current, to);
        }
        current = to;
      }
    }
    return null;
  }

  @Override
  public Void visit(Change.CloseDateChanged change) {
    live();
    return null;
  }

  @Override
  public Void visit(Change.Won change) {
    if (live() && current >= 0) {
      b.won(current);
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
    if (live() && current >= 0) {
      b.lost(current);
    }
    return null;
  }

  @Override
  public Void visit(Change.Reopened change) {
    live();
    return null;
  }
}
