package org.salespipeline.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.salespipeline.core.Money;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.org.OrgNode;

/** Issue 18: a call as of an instant never sees a later submission. */
class CallHistoryProperties {
  static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");

  static ForecastCall call(int second, long amount) {
    Money m = Money.of(amount, "USD");
    return ForecastCall.builder()
        .id(UUID.randomUUID())
        .workspace(WorkspaceId.of("w"))
        .node(OrgNode.user(UserId.of("alice")))
        .period(CallPeriod.of(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 1)))
        .forecastType("revenue")
        .commit(m)
        .mostLikely(m)
        .bestCase(m)
        .submittedBy(UserId.of("alice"))
        .submittedAt(T0.plusSeconds(second))
        .source(CallSource.MANUAL)
        .build();
  }

  @Property
  void aCallAsOfAnInstantIsTheLatestSubmittedByThenAndNeverALaterOne(
      @ForAll @Size(max = 20) List<@IntRange(min = 0, max = 100) Integer> seconds,
      @ForAll @IntRange(min = -1, max = 101) int asOf) {
    List<ForecastCall> calls = new ArrayList<>();
    for (int i = 0; i < seconds.size(); i++) {
      calls.add(call(seconds.get(i), i));
    }
    Instant at = T0.plusSeconds(asOf);
    var found = CallHistory.of(calls).asOf(at);
    int latest = seconds.stream().filter(s -> s <= asOf).mapToInt(s -> s).max().orElse(-1);
    assertThat(found.isPresent()).isEqualTo(latest >= 0);
    found.ifPresent(
        c -> {
          assertThat(c.submittedAt()).isBeforeOrEqualTo(at);
          assertThat(c.submittedAt()).isEqualTo(T0.plusSeconds(latest));
        });
    // a later submission never changes the answer
    calls.add(call(asOf + 1, 999));
    assertThat(CallHistory.of(calls).asOf(at)).isEqualTo(found);
  }
}
