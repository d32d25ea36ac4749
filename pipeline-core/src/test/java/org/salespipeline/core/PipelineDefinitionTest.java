package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;
import org.salespipeline.core.stage.StageOutcome;
import org.salespipeline.core.stage.StandardPipelines;

class PipelineDefinitionTest {
  @Test
  void theStandardTemplateHasTheSevenStagesOfTheMission() {
    PipelineDefinition standard = StandardPipelines.newBusiness();
    assertThat(standard.openStages())
        .extracting(Stage::displayName)
        .containsExactly(
            "Prospecting",
            "Qualification",
            "Needs Analysis",
            "Proposal/Presentation",
            "Negotiation",
            "Closing");
    assertThat(standard.stageWithOutcome(StageOutcome.WON)).map(Stage::key).contains("closed_won");
    assertThat(standard.stageWithOutcome(StageOutcome.DISQUALIFIED)).isPresent();
    assertThat(standard.openStages()).extracting(Stage::defaultProbability).isSorted();
    assertThat(standard.openIndexOf("negotiation")).isEqualTo(4);
    assertThat(standard.openIndexOf("closed_won")).isEqualTo(-1);
  }

  @Test
  void hostsAddRenameReorderAndRemoveStages() {
    PipelineDefinition standard = StandardPipelines.newBusiness();
    Stage demo = Stage.open("demo", "Demo", 0.4, ForecastCategory.BEST_CASE, Duration.ofDays(10));

    PipelineDefinition changed =
        standard
            .withStageAdded(3, demo)
            .withStageRenamed("proposal", "Proposal")
            .withoutStage("disqualified");

    assertThat(changed.stages())
        .extracting(Stage::key)
        .containsExactly(
            "prospecting",
            "qualification",
            "needs_analysis",
            "demo",
            "proposal",
            "negotiation",
            "closing",
            "closed_won",
            "closed_lost");
    assertThat(changed.requireStage("proposal").displayName()).isEqualTo("Proposal");
    assertThat(standard.stages()).hasSize(9);

    List<String> reversedOpen =
        List.of(
            "qualification",
            "prospecting",
            "needs_analysis",
            "proposal",
            "negotiation",
            "closing",
            "closed_won",
            "closed_lost",
            "disqualified");
    assertThat(standard.withStagesReordered(reversedOpen).firstStage().key())
        .isEqualTo("qualification");
  }

  @Test
  void invalidDefinitionsNameEveryProblem() {
    Stage open = Stage.open("a", "A", 0.5, ForecastCategory.PIPELINE, null);
    assertThatThrownBy(
            () ->
                PipelineDefinition.builder()
                    .id(PipelineId.of("p"))
                    .name("P")
                    .addStages(
                        open,
                        open,
                        Stage.closed("won1", "W", StageOutcome.WON),
                        Stage.closed("won2", "W", StageOutcome.WON))
                    .build())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(FieldProblem::message)
                    .contains(
                        "is used twice",
                        "must have exactly one won stage",
                        "must have exactly one lost stage"));
    assertThatThrownBy(() -> Stage.open("x", "X", Double.NaN, ForecastCategory.PIPELINE, null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("defaultProbability")).isTrue());
    assertThatThrownBy(() -> Stage.open("x y", "X", 0.3, ForecastCategory.PIPELINE, Duration.ZERO))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(FieldProblem::field)
                    .containsExactlyInAnyOrder("key", "idleThreshold"));
    assertThatThrownBy(
            () -> StandardPipelines.newBusiness().withStagesReordered(List.of("prospecting")))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                PipelineDefinition.builder()
                    .id(PipelineId.of("p"))
                    .name("P")
                    .addStages(
                        Stage.closed("won", "W", StageOutcome.WON),
                        open,
                        Stage.closed("lost", "L", StageOutcome.LOST))
                    .build())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.concerns("stages[0]")).isTrue());
  }
}
