package org.salespipeline.examples.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.CustomerRetention;
import org.salespipeline.core.RetentionStatus;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.store.RetentionQuery;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;
import org.salespipeline.examples.insight.PipelineHistory;
import org.salespipeline.examples.progress.Progress;
import org.salespipeline.forecast.insight.CustomerWork;
import org.salespipeline.forecast.insight.ReasonCode;
import org.salespipeline.forecast.insight.RetentionInsight;

/**
 * Issue 17 follow-up on the demo's generated company: the demo's insight reads every pipeline's
 * events, so an account whose renewal deal was won in the renewals pipeline is seen as renewed and
 * is never flagged "renewal date passed".
 */
class DemoCompanyRetentionTest {
  @Test
  void noRenewedAccountIsFlaggedAsPastItsRenewalDate() {
    GeneratorOptions options =
        new GeneratorOptions(1_500, 7, Instant.parse("2026-06-15T17:00:00Z"), 730);
    MutableClock clock = new MutableClock(options.start());
    SalesPipeline pipeline =
        DemoCompany.engine(
                new InMemoryPipelineStore(), clock, options.seed(), LocalDate.of(2023, 1, 1))
            .build();
    PipelineGenerator.generate(pipeline, clock, options, Progress.NONE);
    PipelineHistory history = PipelineHistory.read(pipeline);
    LocalDate today = history.today();
    List<CustomerRetention> records;
    try (Stream<CustomerRetention> all =
        pipeline.streamRetention(RetentionQuery.builder().build())) {
      records = all.toList();
    }
    assertThat(records)
        .as("the generated company has renewed accounts")
        .anyMatch(r -> r.status() == RetentionStatus.RENEWED);

    RetentionInsight retention = history.insight().retention();

    for (CustomerWork work : retention.signals()) {
      CustomerRetention record = pipeline.retention(work.account()).orElseThrow();
      assertThat(work.status()).as("status of " + work.account()).isEqualTo(record.status());
      assertThat(work.renewalDate())
          .as("renewal date of " + work.account())
          .isEqualTo(record.renewalDate());
      if (work.reasons().stream().anyMatch(r -> r.code() == ReasonCode.RENEWAL_DATE_PASSED)) {
        assertThat(record.status())
            .as(work.account() + " renewed")
            .isNotEqualTo(RetentionStatus.RENEWED);
        assertThat(record.renewalDate()).as(work.account() + " renewal date").isPresent();
        assertThat(record.renewalDate().get()).isBefore(today);
      }
    }
    long renewedFlagged =
        records.stream()
            .filter(r -> r.status() == RetentionStatus.RENEWED)
            .filter(
                r ->
                    retention.signals().stream()
                        .anyMatch(
                            w ->
                                w.account().equals(r.account())
                                    && w.reasons().stream()
                                        .anyMatch(x -> x.code() == ReasonCode.RENEWAL_DATE_PASSED)))
            .count();
    assertThat(renewedFlagged).as("renewed accounts flagged as past their renewal date").isZero();
  }
}
