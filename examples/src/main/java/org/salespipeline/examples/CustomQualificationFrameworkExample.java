package org.salespipeline.examples;

import java.time.LocalDate;
import java.util.List;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.RecordQualification;
import org.salespipeline.core.qualification.CriterionResult;
import org.salespipeline.core.qualification.QualificationAssessment;
import org.salespipeline.core.qualification.QualificationFramework;
import org.salespipeline.core.qualification.QualificationResult;
import org.salespipeline.core.qualification.Verdict;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;

/**
 * A custom qualification framework: a three-question checklist ("pain, champion, compelling
 * event"), registered on the engine and used by the standard {@code QualifiedRule} exactly like
 * BANT.
 */
public final class CustomQualificationFrameworkExample {
  private CustomQualificationFrameworkExample() {}

  /**
   * The checklist's facts.
   *
   * @param pain the prospect named a pain
   * @param champion someone inside sells for us
   * @param compellingEvent a date forces a decision
   */
  public record Checklist(boolean pain, boolean champion, boolean compellingEvent)
      implements QualificationAssessment {
    @Override
    public String frameworkKey() {
      return "checklist";
    }
  }

  /** Qualified with all three, nurture with two, disqualified otherwise. */
  public static final class ChecklistFramework implements QualificationFramework<Checklist> {
    @Override
    public String key() {
      return "checklist";
    }

    @Override
    public Class<Checklist> assessmentType() {
      return Checklist.class;
    }

    @Override
    public QualificationResult evaluate(Checklist facts, LocalDate today) {
      List<CriterionResult> criteria =
          List.of(
              criterion("pain", facts.pain(), "a pain was named", "no pain named"),
              criterion("champion", facts.champion(), "a champion sells for us", "no champion"),
              criterion(
                  "compelling-event",
                  facts.compellingEvent(),
                  "a date forces a decision",
                  "no deadline"));
      int met = (int) criteria.stream().filter(CriterionResult::met).count();
      Verdict verdict =
          met == 3 ? Verdict.QUALIFIED : met == 2 ? Verdict.NURTURE : Verdict.DISQUALIFIED;
      return QualificationResult.builder()
          .frameworkKey(key())
          .score(Math.round(met * 100f / 3))
          .verdict(verdict)
          .criteria(criteria)
          .build();
    }

    private static CriterionResult criterion(String key, boolean met, String yes, String no) {
      return new CriterionResult(key, met, met ? 1 : 0, met ? yes : no);
    }
  }

  /** Runs the example; returns the recorded result. */
  public static QualificationResult run() {
    SalesPipeline pipeline =
        SalesPipeline.builder()
            .store(new InMemoryPipelineStore())
            .qualificationFramework(new ChecklistFramework())
            .build();
    UserId rep = UserId.of("alice");
    Deal deal =
        pipeline
            .openDeal(
                OpenDeal.builder()
                    .name("Initech upgrade")
                    .owner(rep)
                    .actor(rep)
                    .amount(Money.of(30_000, "EUR"))
                    .expectedCloseDate(LocalDate.now().plusMonths(1))
                    .build())
            .deal();
    pipeline.move(deal.id(), StandardPipelines.QUALIFICATION, rep);
    Deal qualified =
        pipeline
            .recordQualification(
                RecordQualification.builder()
                    .deal(deal.id())
                    .actor(rep)
                    .assessment(new Checklist(true, true, true))
                    .build())
            .deal();
    pipeline.move(deal.id(), StandardPipelines.NEEDS_ANALYSIS, rep);
    QualificationResult result = qualified.qualification().orElseThrow();
    System.out.println("checklist " + result.verdict() + " (score " + result.score() + ")");
    return result;
  }

  /** Entry point. */
  public static void main(String[] args) {
    run();
  }
}
