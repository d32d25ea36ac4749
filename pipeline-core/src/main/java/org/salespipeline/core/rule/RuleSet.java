package org.salespipeline.core.rule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.salespipeline.core.ConfigurationException;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.stage.StandardPipelines;

/**
 * The stage rules of every pipeline: rules attached to a whole pipeline run on each of its
 * transitions; rules attached to a stage run on transitions that enter or leave that stage.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class RuleSet {
  private final Map<PipelineId, List<StageRule>> pipelineRules;
  private final Map<PipelineId, Map<String, List<StageRule>>> stageRules;

  private RuleSet(Builder builder) {
    Map<PipelineId, List<StageRule>> pipelines = new HashMap<>();
    builder.pipelineRules.forEach((k, v) -> pipelines.put(k, List.copyOf(v)));
    Map<PipelineId, Map<String, List<StageRule>>> stages = new HashMap<>();
    builder.stageRules.forEach(
        (k, v) -> {
          Map<String, List<StageRule>> copy = new HashMap<>();
          v.forEach((stage, rules) -> copy.put(stage, List.copyOf(rules)));
          stages.put(k, copy);
        });
    this.pipelineRules = pipelines;
    this.stageRules = stages;
  }

  /** A builder with no rules. */
  public static Builder builder() {
    return new Builder();
  }

  /** No rules at all. */
  public static RuleSet none() {
    return builder().build();
  }

  /**
   * The standard rules for {@link StandardPipelines#newBusiness()}: no skipping of open stages,
   * BANT (or another framework) qualified to leave Qualification, needs analysis recorded to leave
   * Needs Analysis, proposal sent to enter Negotiation, acceptance recorded to close won, and a
   * reason to close lost or disqualify. Backward moves are allowed; add {@link NoBackwardMovesRule}
   * to forbid them.
   */
  public static RuleSet standard() {
    return builder().addStandardRules(StandardPipelines.NEW_BUSINESS).build();
  }

  /** The rules that apply to a transition, pipeline rules first, each rule once. */
  public List<StageRule> rulesFor(Transition transition) {
    PipelineId pipeline = transition.pipeline().id();
    List<StageRule> rules = new ArrayList<>(pipelineRules.getOrDefault(pipeline, List.of()));
    Map<String, List<StageRule>> byStage = stageRules.getOrDefault(pipeline, Map.of());
    for (StageRule rule : byStage.getOrDefault(transition.from().key(), List.of())) {
      if (!rules.contains(rule)) {
        rules.add(rule);
      }
    }
    for (StageRule rule : byStage.getOrDefault(transition.to().key(), List.of())) {
      if (!rules.contains(rule)) {
        rules.add(rule);
      }
    }
    return rules;
  }

  /**
   * Every violation of the transition by the rules that apply to it, in {@link #rulesFor} order; an
   * unmodifiable empty list when no rule objects.
   *
   * @throws IllegalStateException if a rule returns null instead of a list
   */
  public List<RuleViolation> check(Transition transition) {
    PipelineId pipeline = transition.pipeline().id();
    List<StageRule> rules = pipelineRules.getOrDefault(pipeline, List.of());
    Map<String, List<StageRule>> byStage = stageRules.get(pipeline);
    if (byStage != null && !byStage.isEmpty()) {
      rules = rulesFor(transition);
    }
    // why: a move through the engine calls this every time; most transitions break no rule, so
    // the result list is made only when a rule has something to say.
    List<RuleViolation> violations = List.of();
    for (StageRule rule : rules) {
      List<RuleViolation> found = rule.check(transition);
      if (found == null) {
        throw new IllegalStateException("stage rule " + rule.key() + " returned null");
      }
      if (!found.isEmpty()) {
        if (violations.isEmpty()) {
          violations = new ArrayList<>();
        }
        violations.addAll(found);
      }
    }
    return violations;
  }

  /**
   * Collects rules; not thread-safe. Every mistake is a {@link ConfigurationException} naming the
   * setting and the value: a null pipeline, stage or rule, or a rule whose key is already attached
   * at the same place (the message names both rules).
   */
  public static final class Builder {
    private final Map<PipelineId, List<StageRule>> pipelineRules = new HashMap<>();
    private final Map<PipelineId, Map<String, List<StageRule>>> stageRules = new HashMap<>();

    private Builder() {}

    /**
     * Attaches rules to every transition of a pipeline.
     *
     * @throws ConfigurationException if an argument is null or a rule with the same key is already
     *     attached to the pipeline
     */
    public Builder pipelineRule(PipelineId pipeline, StageRule... rules) {
      required("pipelineRule pipeline", pipeline);
      List<StageRule> list = pipelineRules.computeIfAbsent(pipeline, k -> new ArrayList<>());
      attach(list, "pipelineRule of pipeline " + pipeline, rules);
      return this;
    }

    /**
     * Attaches rules to transitions entering or leaving one stage of a pipeline.
     *
     * @throws ConfigurationException if an argument is null or a rule with the same key is already
     *     attached to the stage
     */
    public Builder stageRule(PipelineId pipeline, String stage, StageRule... rules) {
      required("stageRule pipeline", pipeline);
      required("stageRule stage", stage);
      List<StageRule> list =
          stageRules
              .computeIfAbsent(pipeline, k -> new HashMap<>())
              .computeIfAbsent(stage, k -> new ArrayList<>());
      attach(list, "stageRule of pipeline " + pipeline + " stage " + stage, rules);
      return this;
    }

    private static void attach(List<StageRule> list, String where, StageRule... rules) {
      required(where + " rules", rules);
      for (StageRule rule : rules) {
        required(where, rule);
        for (StageRule present : list) {
          if (present.key().equals(rule.key())) {
            throw new ConfigurationException(
                where
                    + " '"
                    + rule.key()
                    + "' was already set to "
                    + present
                    + "; refusing to set it again to "
                    + rule);
          }
        }
        list.add(rule);
      }
    }

    private static void required(String name, Object value) {
      if (value == null) {
        throw new ConfigurationException(name + " must not be null");
      }
    }

    /**
     * Attaches the standard rules (see {@link RuleSet#standard()}) to a pipeline that uses the
     * standard stage keys.
     *
     * @throws ConfigurationException if one of them is already attached
     */
    public Builder addStandardRules(PipelineId pipeline) {
      pipelineRule(
          pipeline, new NoSkippingRule(0), new CloseReasonRule(), new ClosedWonAcceptanceRule());
      stageRule(
          pipeline,
          StandardPipelines.QUALIFICATION,
          new QualifiedRule(StandardPipelines.QUALIFICATION));
      stageRule(
          pipeline,
          StandardPipelines.NEEDS_ANALYSIS,
          new NeedsAnalysisRule(StandardPipelines.NEEDS_ANALYSIS));
      stageRule(
          pipeline,
          StandardPipelines.NEGOTIATION,
          new ProposalSentRule(StandardPipelines.NEGOTIATION));
      return this;
    }

    /** The rule set. */
    public RuleSet build() {
      return new RuleSet(this);
    }
  }
}
