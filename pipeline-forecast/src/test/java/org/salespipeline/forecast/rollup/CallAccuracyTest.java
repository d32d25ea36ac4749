package org.salespipeline.forecast.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.forecast.rollup.RollupFixture.*;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Money;
import org.salespipeline.core.UserId;
import org.salespipeline.core.call.CallCategory;
import org.salespipeline.core.call.CallHistory;
import org.salespipeline.core.call.CallSource;
import org.salespipeline.core.call.ForecastCall;
import org.salespipeline.core.org.OrgNode;

/** Issue 18: calls scored by week against the actual, beside the model. */
class CallAccuracyTest {

  static ForecastCall call(OrgNode node, Instant at, long commit) {
    Money m = Money.ofMinor(commit, java.util.Currency.getInstance("USD"));
    return ForecastCall.builder()
        .id(UUID.randomUUID())
        .workspace(WS)
        .node(node)
        .period(CALL_Q2)
        .forecastType("revenue")
        .commit(m)
        .mostLikely(m)
        .bestCase(m)
        .submittedBy(UserId.of("x"))
        .submittedAt(at)
        .source(CallSource.MANUAL)
        .build();
  }

  @Test
  void weeksTileThePeriodAndTheLastIsCapped() {
    List<Instant> ends = CallAccuracy.weekEnds(Q2, ZoneOffset.UTC);
    assertThat(ends).hasSize(13);
    assertThat(ends.get(0)).isEqualTo(Instant.parse("2026-04-08T00:00:00Z"));
    assertThat(ends.get(12)).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
  }

  @Test
  void aSandbaggerCallsBelowWhatClosesAndTheModelIsComparedAtTheSameInstants() {
    Instant start = Q2.start().atStartOfDay(ZoneOffset.UTC).toInstant();
    CallHistory calls =
        CallHistory.of(
            List.of(
                call(ALICE, start.plusSeconds(86_400 * 3), 600),
                call(ALICE, start.plusSeconds(86_400 * 40), 800)));
    OwnerCallAccuracy a =
        CallAccuracy.score(
            ALICE, calls, CallCategory.COMMIT, Q2, ZoneOffset.UTC, 1000, (n, at) -> 950);

    assertThat(a.weeks()).hasSize(13);
    assertThat(a.calledWeeks()).isEqualTo(13);
    // weeks 0-4 end before day 40 and see the first call only: never a later one
    assertThat(a.weeks().get(4).call()).hasValue(600);
    assertThat(a.weeks().get(5).call()).hasValue(800);
    assertThat(a.tendency()).isEqualTo(OwnerCallAccuracy.Tendency.SANDBAGGING);
    assertThat(a.callBias()).isNegative();
    assertThat(a.modelMeanAbsoluteError()).isEqualTo(50.0);
    assertThat(a.callsBeatModel()).isFalse();
  }

  @Test
  void anOptimistOverCallsAndWeeksBeforeTheFirstCallAreNotScored() {
    Instant start = Q2.start().atStartOfDay(ZoneOffset.UTC).toInstant();
    ForecastCall late = call(BOB, start.plusSeconds(86_400 * 20), 1500);
    List<OwnerCallAccuracy> all =
        CallAccuracy.scoreAll(
            List.of(late), CallCategory.COMMIT, Q2, ZoneOffset.UTC, n -> 1000, (n, at) -> 2000);
    assertThat(all).hasSize(1);
    OwnerCallAccuracy b = all.get(0);
    assertThat(b.weeks().get(0).call()).isEmpty();
    assertThat(b.calledWeeks()).isEqualTo(11);
    assertThat(b.tendency()).isEqualTo(OwnerCallAccuracy.Tendency.OVER_CALLING);
    assertThat(b.relativeCallBias()).hasValue(0.5);
    assertThat(b.callsBeatModel()).isTrue();
  }
}
