package org.salespipeline.core.rule;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.salespipeline.core.CloseReason;
import org.salespipeline.core.Deal;
import org.salespipeline.core.UserId;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;

/**
 * A proposed change of stage, as rules see it. The deal is as it stands before the move.
 *
 * @param deal the deal before the move
 * @param pipeline its pipeline
 * @param from the current stage
 * @param to the target stage
 * @param kind why it moves
 * @param closeReason the reason given when closing, if any
 * @param actor who asks for the move
 * @param at when
 */
public record Transition(
    Deal deal,
    PipelineDefinition pipeline,
    Stage from,
    Stage to,
    TransitionKind kind,
    Optional<CloseReason> closeReason,
    UserId actor,
    Instant at) {

  public Transition {
    Objects.requireNonNull(deal, "deal");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(closeReason, "closeReason");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
  }

  /** Position of the source stage in the pipeline. */
  public int fromIndex() {
    return pipeline.indexOf(from.key());
  }

  /** Position of the target stage in the pipeline. */
  public int toIndex() {
    return pipeline.indexOf(to.key());
  }

  /** Whether this is a move between open stages towards the end of the pipeline. */
  public boolean isForwardMove() {
    return kind == TransitionKind.MOVE && toIndex() > fromIndex();
  }

  /** Whether this is a move between open stages towards the start of the pipeline. */
  public boolean isBackwardMove() {
    return kind == TransitionKind.MOVE && toIndex() < fromIndex();
  }

  /** How many open stages a move jumps over (0 for a move to the next open stage). */
  public int openStagesSkipped() {
    int from = pipeline.openIndexOf(this.from.key());
    int to = pipeline.openIndexOf(this.to.key());
    if (from < 0 || to < 0) {
      return 0;
    }
    return Math.max(0, Math.abs(to - from) - 1);
  }

  /** Whether the deal advances: a forward move or closing won. */
  public boolean advances() {
    return kind == TransitionKind.WIN || isForwardMove();
  }

  /** Whether the deal leaves the given stage (for any reason, the stage being different). */
  public boolean leaves(String stageKey) {
    return from.key().equals(stageKey) && !to.key().equals(stageKey);
  }

  /** Whether the deal enters the given stage. */
  public boolean enters(String stageKey) {
    return to.key().equals(stageKey) && !from.key().equals(stageKey);
  }
}
