package org.salespipeline.forecast.insight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;
import org.salespipeline.core.stage.StageOutcome;

/**
 * Every stage of every pipeline under one dense "global" index, so that counters are flat arrays.
 */
final class Layout {
  final List<PipelineDefinition> pipelines;
  final Map<PipelineId, Integer> pipelineIndex = new HashMap<>();
  final List<Map<String, Integer>> stageIndex = new ArrayList<>();
  final int stageCount;
  final int[] pipelineOf;

  /** Position among the pipeline's open stages; open-count for won; -1 for lost/disqualified. */
  final int[] position;

  final StageOutcome[] outcome;
  final String[] key;
  final long[] idleSeconds;
  final double[] defaultProbability;
  final int[] openCount;

  /** Index of a stage within its pipeline. */
  final int[] local;

  /** Global index of each pipeline's first stage, and its number of stages. */
  final int[] first;

  final int[] size;

  /** The most stages any pipeline has. */
  final int maxStages;

  Layout(List<PipelineDefinition> pipelines) {
    if (pipelines.isEmpty()) {
      throw new ValidationException(FieldProblem.of("pipelines", "[]", "must not be empty"));
    }
    this.pipelines = List.copyOf(pipelines);
    int total = 0;
    for (PipelineDefinition p : this.pipelines) {
      total += p.stages().size();
    }
    stageCount = total;
    pipelineOf = new int[total];
    position = new int[total];
    outcome = new StageOutcome[total];
    key = new String[total];
    idleSeconds = new long[total];
    defaultProbability = new double[total];
    openCount = new int[this.pipelines.size()];
    local = new int[total];
    first = new int[this.pipelines.size()];
    size = new int[this.pipelines.size()];
    int widest = 0;
    int g = 0;
    for (int p = 0; p < this.pipelines.size(); p++) {
      PipelineDefinition def = this.pipelines.get(p);
      if (pipelineIndex.put(def.id(), p) != null) {
        throw new ValidationException(FieldProblem.of("pipelines", def.id(), "is given twice"));
      }
      int open = def.openStages().size();
      openCount[p] = open;
      first[p] = g;
      size[p] = def.stages().size();
      widest = Math.max(widest, size[p]);
      Map<String, Integer> keys = new HashMap<>();
      for (Stage s : def.stages()) {
        keys.put(s.key(), g);
        pipelineOf[g] = p;
        local[g] = g - first[p];
        outcome[g] = s.outcome();
        key[g] = s.key();
        position[g] =
            s.isOpen() ? def.openIndexOf(s.key()) : s.outcome() == StageOutcome.WON ? open : -1;
        idleSeconds[g] = s.idleThreshold().map(d -> d.getSeconds()).orElse(-1L);
        defaultProbability[g] = s.defaultProbability();
        g++;
      }
      stageIndex.add(keys);
    }
    maxStages = widest;
  }

  int pipeline(PipelineId id) {
    Integer p = pipelineIndex.get(id);
    if (p == null) {
      throw new ValidationException(
          FieldProblem.of("pipeline", id, "is not among the pipelines given to PipelineInsight"));
    }
    return p;
  }

  int stage(int pipeline, String stageKey) {
    Integer g = stageIndex.get(pipeline).get(stageKey);
    if (g == null) {
      throw new ValidationException(
          FieldProblem.of(
              "stage", stageKey, "is not a stage of pipeline " + pipelines.get(pipeline).id()));
    }
    return g;
  }

  boolean isOpen(int g) {
    return outcome[g] == StageOutcome.OPEN;
  }

  PipelineId pipelineId(int g) {
    return pipelines.get(pipelineOf[g]).id();
  }
}
