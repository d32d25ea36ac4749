package org.salespipeline.forecast.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;

/**
 * Counts of stage exits learned from history: for each open stage, how many deals moved to each
 * other open stage, how many were won from it and how many lost (or disqualified) from it. The
 * input of the learned conversion and Markov models; fitting reads events once and only counts.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class StageTransitions {
  private final List<String> stages;
  private final long[][] counts;

  private StageTransitions(List<String> stages, long[][] counts) {
    this.stages = stages;
    this.counts = counts;
  }

  /**
   * A builder over the open stages in funnel order.
   *
   * @param openStages distinct names, not empty
   * @throws ValidationException if empty, repeated or null
   */
  public static Builder builder(List<String> openStages) {
    return new Builder(openStages);
  }

  /** The open stages in funnel order. */
  public List<String> stages() {
    return stages;
  }

  /** The index of a stage, or -1. */
  public int indexOf(String stage) {
    return stages.indexOf(stage);
  }

  /** Deals that moved from open stage {@code from} to open stage {@code to}. */
  public long moved(int from, int to) {
    return counts[from][to];
  }

  /** Deals won directly from the stage. */
  public long won(int from) {
    return counts[from][stages.size()];
  }

  /** Deals lost or disqualified directly from the stage. */
  public long lost(int from) {
    return counts[from][stages.size() + 1];
  }

  /** Deals that left the stage, to anywhere. */
  public long exits(int from) {
    long s = 0;
    for (long c : counts[from]) {
      s += c;
    }
    return s;
  }

  /** Deals that left the stage forward: to a later open stage or won. */
  public long advanced(int from) {
    long s = 0;
    for (int to = from + 1; to <= stages.size(); to++) {
      s += counts[from][to];
    }
    return s;
  }

  /** Collects counts. Not thread-safe. */
  public static final class Builder {
    private final List<String> stages;
    private final Map<String, Integer> index = new HashMap<>();
    private final long[][] counts;

    private Builder(List<String> openStages) {
      if (openStages == null || openStages.isEmpty()) {
        throw new ValidationException(
            FieldProblem.of("openStages", openStages, "must not be empty"));
      }
      this.stages = List.copyOf(openStages);
      for (int i = 0; i < stages.size(); i++) {
        if (index.put(stages.get(i), i) != null) {
          throw new ValidationException(
              FieldProblem.of("openStages", stages.get(i), "appears twice"));
        }
      }
      counts = new long[stages.size()][stages.size() + 2];
    }

    private int idx(String stage) {
      Integer i = index.get(stage);
      if (i == null) {
        throw new ValidationException(FieldProblem.of("stage", stage, "is not an open stage"));
      }
      return i;
    }

    /** One deal moved between open stages (by name). */
    public Builder moved(String from, String to) {
      return moved(idx(from), idx(to));
    }

    /** One deal moved between open stages (by index); a move to the same stage is ignored. */
    public Builder moved(int from, int to) {
      if (from != to) {
        counts[from][to]++;
      }
      return this;
    }

    /** One deal won from the stage. */
    public Builder won(String from) {
      counts[idx(from)][stages.size()]++;
      return this;
    }

    /** One deal won from the stage (by index). */
    public Builder won(int from) {
      counts[from][stages.size()]++;
      return this;
    }

    /** One deal lost or disqualified from the stage. */
    public Builder lost(String from) {
      counts[idx(from)][stages.size() + 1]++;
      return this;
    }

    /** One deal lost or disqualified from the stage (by index). */
    public Builder lost(int from) {
      counts[from][stages.size() + 1]++;
      return this;
    }

    /** The counts. */
    public StageTransitions build() {
      long[][] copy = new long[counts.length][];
      for (int i = 0; i < counts.length; i++) {
        copy[i] = counts[i].clone();
      }
      return new StageTransitions(stages, copy);
    }
  }
}
