package org.salespipeline.core.stage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.internal.Texts;

/**
 * A pipeline: an ordered list of stages. Open stages come in the order deals move through them;
 * closing stages (won, lost, disqualified) may stand anywhere but are conventionally last.
 *
 * <p>Valid definitions have unique stage keys, at least one open stage (the first stage is open),
 * exactly one won stage, exactly one lost stage and at most one disqualified stage. Hosts may run
 * several definitions at once (new business, renewals) and change them with the {@code with*}
 * methods, each of which returns a new validated definition.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
public abstract class PipelineDefinition {
  /** Longest name accepted. */
  public static final int MAX_NAME = 100;

  /** A new builder; {@code id}, {@code name} and the stages are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The pipeline's id. */
  public abstract PipelineId id();

  /** The pipeline's name, for example {@code New business}. */
  public abstract String name();

  /** Stages in order. */
  public abstract List<Stage> stages();

  /** The stage with the key, or empty. */
  public Optional<Stage> stage(String key) {
    return Optional.ofNullable(stageOrNull(key));
  }

  // why: every command looks its stages up; an index loop allocates no iterator and no Optional
  private Stage stageOrNull(String key) {
    List<Stage> stages = stages();
    for (int i = 0; i < stages.size(); i++) {
      Stage stage = stages.get(i);
      if (stage.key().equals(key)) {
        return stage;
      }
    }
    return null;
  }

  /**
   * The stage with the key.
   *
   * @throws ValidationException naming the key when the pipeline has no such stage
   */
  public Stage requireStage(String key) {
    return requireStage(key, "stage");
  }

  /**
   * The stage with the key, reporting a missing one on the caller's field.
   *
   * @param field the input field the key came from, for example {@code toStage}
   * @throws ValidationException on {@code field} if no stage has the key
   */
  public Stage requireStage(String key, String field) {
    Stage stage = stageOrNull(key);
    if (stage == null) {
      throw new ValidationException(
          FieldProblem.of(field, key, "is not a stage of pipeline " + id()));
    }
    return stage;
  }

  /** Position of the stage in {@link #stages()}, or -1. */
  public int indexOf(String key) {
    List<Stage> stages = stages();
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).key().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /** The open stages, in order. */
  @Value.Derived
  @Value.Auxiliary
  public List<Stage> openStages() {
    return stages().stream().filter(Stage::isOpen).toList();
  }

  /**
   * Position of the stage among the open stages, or -1 for a closing stage. This is the stage index
   * forecasting uses.
   */
  public int openIndexOf(String key) {
    List<Stage> open = openStages();
    for (int i = 0; i < open.size(); i++) {
      if (open.get(i).key().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /** Where new deals start: the first stage. */
  public Stage firstStage() {
    return stages().get(0);
  }

  /** The stage with the given outcome, if the pipeline has one. */
  public Optional<Stage> stageWithOutcome(StageOutcome outcome) {
    return stages().stream().filter(s -> s.outcome() == outcome).findFirst();
  }

  /** Returns a copy with the stage inserted at the position (0 = first). */
  public PipelineDefinition withStageAdded(int position, Stage stage) {
    List<Stage> stages = new ArrayList<>(stages());
    if (position < 0 || position > stages.size()) {
      throw new ValidationException(
          FieldProblem.of("position", position, "must be within [0, " + stages.size() + "]"));
    }
    stages.add(position, stage);
    return builder().from(this).stages(stages).build();
  }

  /** Returns a copy in which the stage has another display name; its key stays. */
  public PipelineDefinition withStageRenamed(String key, String displayName) {
    Stage renamed = requireStage(key).withDisplayName(displayName);
    List<Stage> stages = new ArrayList<>(stages());
    stages.set(indexOf(key), renamed);
    return builder().from(this).stages(stages).build();
  }

  /** Returns a copy without the stage. Deals still in it must be moved first by the host. */
  public PipelineDefinition withoutStage(String key) {
    requireStage(key);
    List<Stage> stages = new ArrayList<>(stages());
    stages.remove(indexOf(key));
    return builder().from(this).stages(stages).build();
  }

  /**
   * Returns a copy with the stages in the given order.
   *
   * @param keys every stage key exactly once
   */
  public PipelineDefinition withStagesReordered(List<String> keys) {
    if (keys.size() != stages().size() || !new HashSet<>(keys).equals(keySet())) {
      throw new ValidationException(
          FieldProblem.of("keys", keys, "must list every stage key of " + id() + " exactly once"));
    }
    List<Stage> stages = new ArrayList<>();
    for (String key : keys) {
      stages.add(requireStage(key));
    }
    return builder().from(this).stages(stages).build();
  }

  private Set<String> keySet() {
    Set<String> keys = new HashSet<>();
    stages().forEach(s -> keys.add(s.key()));
    return keys;
  }

  @Value.Check
  void check() {
    List<FieldProblem> problems = new ArrayList<>();
    if (name().isBlank()
        || name().length() > MAX_NAME
        || Texts.hasControlCharacter(name(), false)) {
      problems.add(
          FieldProblem.of(
              "name", name(), "must be 1-" + MAX_NAME + " characters without control characters"));
    }
    List<Stage> stages = stages();
    if (stages.isEmpty()) {
      problems.add(FieldProblem.of("stages", "[]", "must not be empty"));
      throw new ValidationException(problems);
    }
    Set<String> seen = new HashSet<>();
    int won = 0;
    int lost = 0;
    int disqualified = 0;
    for (int i = 0; i < stages.size(); i++) {
      Stage stage = stages.get(i);
      if (!seen.add(stage.key())) {
        problems.add(FieldProblem.of("stages[" + i + "].key", stage.key(), "is used twice"));
      }
      switch (stage.outcome()) {
        case WON -> won++;
        case LOST -> lost++;
        case DISQUALIFIED -> disqualified++;
        default -> {}
      }
    }
    if (!stages.get(0).isOpen()) {
      problems.add(FieldProblem.of("stages[0]", stages.get(0).key(), "must be an open stage"));
    }
    if (won != 1) {
      problems.add(
          FieldProblem.of("stages", won + " won stages", "must have exactly one won stage"));
    }
    if (lost != 1) {
      problems.add(
          FieldProblem.of("stages", lost + " lost stages", "must have exactly one lost stage"));
    }
    if (disqualified > 1) {
      problems.add(
          FieldProblem.of(
              "stages",
              disqualified + " disqualified stages",
              "must have at most one disqualified stage"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /** Builds pipeline definitions; not thread-safe. */
  public static class Builder extends ImmutablePipelineDefinition.Builder {}
}
