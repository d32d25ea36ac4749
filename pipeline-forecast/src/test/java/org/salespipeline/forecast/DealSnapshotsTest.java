package org.salespipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.salespipeline.core.CloseReason;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.forecast.model.MarkovChainModel;
import org.salespipeline.forecast.model.StageTransitions;

/** Snapshots from the core's deals and histories; invariant 8 (no look-ahead). */
class DealSnapshotsTest {
  static final PipelineDefinition PIPE = StandardPipelines.newBusiness();
  static final Currency USD = Currency.getInstance("USD");
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final UserId ACTOR = UserId.of("system");

  /** Random histories: create, move forward a few stages, maybe close; one event per day or so. */
  static List<DealEvent> histories(long seed, int deals) {
    SplittableRandom r = new SplittableRandom(seed);
    List<String> open = PIPE.openStages().stream().map(s -> s.key()).toList();
    List<DealEvent> out = new ArrayList<>();
    for (int k = 0; k < deals; k++) {
      DealId id = new DealId(new UUID(seed, k));
      Instant at = T0.plusSeconds(86_400L * r.nextInt(120));
      Deal d =
          Deal.builder()
              .id(id)
              .workspace(WorkspaceId.of("w"))
              .pipeline(PIPE.id())
              .stage(open.get(0))
              .status(DealStatus.OPEN)
              .name("deal " + k)
              .owner(UserId.of("rep" + r.nextInt(3)))
              .amount(Money.of(1000 + r.nextInt(9000), "USD"))
              .expectedCloseDate(LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(60))
              .forecastCategory(ForecastCategory.PIPELINE)
              .createdAt(at)
              .stageEnteredAt(at)
              .version(1)
              .lastEventSequence(1)
              .build();
      long seq = 1;
      out.add(new DealEvent(id, seq, seq, at, ACTOR, Optional.empty(), new Change.Created(d)));
      int stage = 0;
      int steps = r.nextInt(open.size() + 1);
      for (int s = 0; s < steps; s++) {
        at = at.plusSeconds(86_400L * (1 + r.nextInt(20)));
        if (stage + 1 < open.size() && r.nextInt(4) > 0) {
          seq++;
          out.add(
              new DealEvent(
                  id,
                  seq,
                  seq,
                  at,
                  ACTOR,
                  Optional.empty(),
                  new Change.StageChanged(open.get(stage), open.get(stage + 1))));
          stage++;
        } else {
          boolean won = r.nextBoolean();
          seq++;
          Change c =
              won
                  ? new Change.Won(new CloseReason(DealStatus.WON, "price", Optional.empty()))
                  : new Change.Lost(new CloseReason(DealStatus.LOST, "price", Optional.empty()));
          out.add(new DealEvent(id, seq, seq, at, ACTOR, Optional.empty(), c));
          break;
        }
      }
    }
    out.sort(Comparator.comparing(DealEvent::dealId).thenComparingLong(DealEvent::sequence));
    return out;
  }

  static PipelineSnapshot snapshot(List<DealEvent> events, Instant asOf) {
    return DealSnapshots.fromHistory(
        events.stream(), PIPE, USD, asOf, ZoneOffset.UTC, CurrencyConverter.sameCurrencyOnly());
  }

  @Property(tries = 50)
  void laterEventsNeverChangeAPastSnapshotOrItsModel(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 200) int day) {
    List<DealEvent> all = histories(seed, 40);
    Instant asOf = T0.plusSeconds(86_400L * day);
    List<DealEvent> known = all.stream().filter(e -> !e.at().isAfter(asOf)).toList();
    PipelineSnapshot a = snapshot(known, asOf);
    PipelineSnapshot b = snapshot(all, asOf);
    assertThat(b.toString()).isEqualTo(a.toString());
    Forecaster fa = Forecaster.of(a);
    Forecaster fb = Forecaster.of(b);
    assertThat(fb.weightedScaled()).isEqualTo(fa.weightedScaled());
    StageTransitions ta = DealSnapshots.transitions(known.stream(), PIPE, asOf);
    StageTransitions tb = DealSnapshots.transitions(all.stream(), PIPE, asOf);
    for (int k = 0; k < ta.stages().size(); k++) {
      assertThat(tb.exits(k)).isEqualTo(ta.exits(k));
      assertThat(tb.advanced(k)).isEqualTo(ta.advanced(k));
    }
    var sa = DealSnapshots.survival(known.stream(), PIPE, asOf, 7, 30);
    var sb = DealSnapshots.survival(all.stream(), PIPE, asOf, 7, 30);
    assertThat(Forecaster.of(b).withModel(sb).weightedScaled())
        .isEqualTo(Forecaster.of(a).withModel(sa).weightedScaled());
    if (a.openCount() > 0) {
      assertThat(fb.withModel(MarkovChainModel.fit(tb)).weightedScaled())
          .isEqualTo(fa.withModel(MarkovChainModel.fit(ta)).weightedScaled());
    }
  }

  @Example
  void beforeAnyHistoryTheSnapshotIsEmpty() {
    PipelineSnapshot s = snapshot(histories(1, 10), T0.minusSeconds(1));
    assertThat(s.size()).isZero();
    assertThat(Forecaster.of(s).weighted()).isZero();
  }

  @Example
  void dealsCarryStageDefaultsAndStatus() {
    List<DealEvent> events = histories(7, 30);
    Instant end = T0.plusSeconds(86_400L * 400);
    PipelineSnapshot s = snapshot(events, end);
    assertThat(s.size()).isEqualTo(30);
    for (int i = 0; i < s.openCount(); i++) {
      double expected = PIPE.stage(s.stageNames().get(s.stage(i))).get().defaultProbability();
      assertThat(s.probability(i)).isEqualTo(expected);
      assertThat(s.status(i)).isEqualTo(DealStatus.OPEN);
    }
    StageTransitions t = DealSnapshots.transitions(events.stream(), PIPE, end);
    long closes = 0;
    for (int k = 0; k < t.stages().size(); k++) {
      closes += t.won(k) + t.lost(k);
    }
    assertThat(closes).isEqualTo(s.size() - s.openCount());
    var survival = DealSnapshots.survival(events.stream(), PIPE, end, 7, 3650);
    double[] p = survival.probabilities(s);
    for (double x : p) {
      assertThat(x).isBetween(0.0, 1.0);
    }
    // with a ten-year horizon the first stage wins as often as its deals did
    double won = 0;
    for (int i = s.openCount(); i < s.size(); i++) {
      won += s.status(i) == DealStatus.WON ? 1 : 0;
    }
    assertThat(survival.winWithinHorizon(0, 0))
        .isCloseTo(won / (s.size() - s.openCount()), org.assertj.core.api.Assertions.within(0.25));
  }

  @Example
  void coreTeamsAndQuotasBecomeAHierarchyAndTargets() {
    var w = WorkspaceId.of("w");
    var sales =
        org.salespipeline.core.Team.builder()
            .id(org.salespipeline.core.TeamId.of("sales"))
            .workspace(w)
            .name("Sales")
            .manager(UserId.of("boss"))
            .build();
    var east =
        org.salespipeline.core.Team.builder()
            .id(org.salespipeline.core.TeamId.of("east"))
            .workspace(w)
            .name("East")
            .manager(UserId.of("boss"))
            .parent(org.salespipeline.core.TeamId.of("sales"))
            .addMembers(UserId.of("rep0"), UserId.of("rep1"))
            .build();
    TeamHierarchy h = DealSnapshots.teams(List.of(east, sales));
    assertThat(h.teamsAbove("rep1")).containsExactly("east", "sales");
    var quota =
        org.salespipeline.core.Quota.builder()
            .workspace(w)
            .team(org.salespipeline.core.TeamId.of("east"))
            .periodStart(LocalDate.of(2026, 1, 1))
            .periodEnd(LocalDate.of(2026, 3, 31))
            .amount(Money.of(5000, "USD"))
            .build();
    List<QuotaTarget> q =
        DealSnapshots.quotas(List.of(quota), USD, CurrencyConverter.sameCurrencyOnly());
    assertThat(q)
        .containsExactly(new QuotaTarget("east", ForecastPeriod.quarter(2026, 1), 500_000));
    PipelineSnapshot s = snapshot(histories(3, 30), T0.plusSeconds(86_400L * 60));
    QuotaReport r =
        Forecaster.of(s).quotaReports(ForecastPeriod.quarter(2026, 1), h, q).stream()
            .filter(x -> x.subject().equals("east"))
            .findFirst()
            .orElseThrow();
    assertThat(r.quota()).isEqualTo(500_000);
    assertThat(r.probabilityOfQuota()).isPresent();
  }
}
