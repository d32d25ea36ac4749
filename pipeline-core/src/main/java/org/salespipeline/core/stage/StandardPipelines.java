package org.salespipeline.core.stage;

import java.time.Duration;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.PipelineId;

/**
 * Ready-made pipeline definitions. Hosts may use them as they are or change them with {@link
 * PipelineDefinition}'s {@code with*} methods.
 */
public final class StandardPipelines {
  /** Id of {@link #newBusiness()}. */
  public static final PipelineId NEW_BUSINESS = PipelineId.of("new_business");

  /** Id of {@link #renewals()}. */
  public static final PipelineId RENEWALS = PipelineId.of("renewals");

  /** Stage keys of {@link #newBusiness()}. */
  public static final String PROSPECTING = "prospecting";

  public static final String QUALIFICATION = "qualification";
  public static final String NEEDS_ANALYSIS = "needs_analysis";
  public static final String PROPOSAL = "proposal";
  public static final String NEGOTIATION = "negotiation";
  public static final String CLOSING = "closing";
  public static final String CLOSED_WON = "closed_won";
  public static final String CLOSED_LOST = "closed_lost";
  public static final String DISQUALIFIED = "disqualified";

  private StandardPipelines() {}

  /**
   * The seven-stage sales pipeline: Prospecting (10%), Qualification (20%), Needs Analysis (35%),
   * Proposal/Presentation (50%), Negotiation (70%), Closing (85%), then Closed Won, Closed Lost and
   * Disqualified. Post-Sale/Retention follows a won deal on its account.
   */
  public static PipelineDefinition newBusiness() {
    return PipelineDefinition.builder()
        .id(NEW_BUSINESS)
        .name("New business")
        .addStages(
            Stage.open(
                PROSPECTING, "Prospecting", 0.10, ForecastCategory.PIPELINE, Duration.ofDays(14)),
            Stage.open(
                QUALIFICATION,
                "Qualification",
                0.20,
                ForecastCategory.PIPELINE,
                Duration.ofDays(14)),
            Stage.open(
                NEEDS_ANALYSIS,
                "Needs Analysis",
                0.35,
                ForecastCategory.BEST_CASE,
                Duration.ofDays(21)),
            Stage.open(
                PROPOSAL,
                "Proposal/Presentation",
                0.50,
                ForecastCategory.BEST_CASE,
                Duration.ofDays(14)),
            Stage.open(
                NEGOTIATION,
                "Negotiation",
                0.70,
                ForecastCategory.MOST_LIKELY,
                Duration.ofDays(10)),
            Stage.open(CLOSING, "Closing", 0.85, ForecastCategory.COMMIT, Duration.ofDays(7)),
            Stage.closed(CLOSED_WON, "Closed Won", StageOutcome.WON),
            Stage.closed(CLOSED_LOST, "Closed Lost", StageOutcome.LOST),
            Stage.closed(DISQUALIFIED, "Disqualified", StageOutcome.DISQUALIFIED))
        .build();
  }

  /**
   * A renewals pipeline for the Post-Sale/Retention part: Renewal Due (60%), Negotiation (75%),
   * Closing (90%), then Renewed (won) and Churned (lost).
   */
  public static PipelineDefinition renewals() {
    return PipelineDefinition.builder()
        .id(RENEWALS)
        .name("Renewals")
        .addStages(
            Stage.open(
                "renewal_due",
                "Renewal Due",
                0.60,
                ForecastCategory.BEST_CASE,
                Duration.ofDays(21)),
            Stage.open(
                NEGOTIATION,
                "Negotiation",
                0.75,
                ForecastCategory.MOST_LIKELY,
                Duration.ofDays(10)),
            Stage.open(CLOSING, "Closing", 0.90, ForecastCategory.COMMIT, Duration.ofDays(7)),
            Stage.closed("renewed", "Renewed", StageOutcome.WON),
            Stage.closed("churned", "Churned", StageOutcome.LOST))
        .build();
  }
}
