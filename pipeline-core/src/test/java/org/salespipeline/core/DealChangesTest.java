package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;

/**
 * The stage-change shortcut of the move command builds the same deal as the general rebuild, for a
 * deal with every attribute set to a value of its own (two attributes of one type swapped would
 * show).
 */
class DealChangesTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private static Deal everyAttributeSet() {
    return Deal.builder()
        .id(new DealId(UUID.randomUUID()))
        .workspace(WorkspaceId.of("acme"))
        .pipeline(PipelineId.of("new-business"))
        .stage("prospecting")
        .status(DealStatus.OPEN)
        .name("Acme platform")
        .kind(DealKind.UPSELL)
        .linkedDeal(new DealId(UUID.randomUUID()))
        .account(new AccountId(UUID.randomUUID()))
        .primaryContact(new ContactId(UUID.randomUUID()))
        .owner(UserId.of("alice"))
        .amount(Money.of(50_000, "USD"))
        .expectedCloseDate(LocalDate.of(2026, 5, 2))
        .closeDatePushCount(3)
        .source(DealSource.REFERRAL)
        .forecastCategory(ForecastCategory.BEST_CASE)
        .categorySetByRep(true)
        .probabilityOverride(OptionalDouble.of(0.4))
        .nextStep("call back")
        .needsAnalysis(new NeedsAnalysis(List.of("manual forecasting"), List.of("CRM sync")))
        .proposal(
            new Proposal(T0.plusSeconds(5), Money.of(48_000, "USD"), LocalDate.of(2026, 4, 1)))
        .negotiation(Negotiation.started())
        .attributes(Map.of("region", AttributeValue.number(BigDecimal.TEN)))
        .createdAt(T0)
        .stageEnteredAt(T0.plusSeconds(1))
        .lastActivityAt(T0.plusSeconds(2))
        .followUpDueAt(T0.plusSeconds(3))
        .version(7)
        .lastEventSequence(9)
        .build();
  }

  @Test
  void stageChangeShortcutBuildsTheSameDealAsTheGeneralRebuild() {
    Deal start = everyAttributeSet();
    Change.StageChanged moved = new Change.StageChanged("prospecting", "qualification");
    DealEvent event =
        new DealEvent(
            start.id(), 10, 8, T0.plusSeconds(60), UserId.of("bob"), Optional.empty(), moved);

    Deal general = new DealChanges(start).apply(event).build();
    Deal shortcut = DealChanges.afterStageChange(start, event, moved);

    assertThat(shortcut).isEqualTo(general);
    assertThat(shortcut.stage()).isEqualTo("qualification");
    assertThat(shortcut.stageEnteredAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(shortcut.version()).isEqualTo(8);
    assertThat(shortcut.lastEventSequence()).isEqualTo(10);
    assertThat(shortcut.lastActivityAt()).contains(T0.plusSeconds(2));
    assertThat(shortcut.followUpDueAt()).contains(T0.plusSeconds(3));
  }

  @Test
  void builderDefaultsAreKeptWithoutDefaultAttributes() {
    Deal deal =
        Deal.builder()
            .id(new DealId(UUID.randomUUID()))
            .workspace(WorkspaceId.of("acme"))
            .pipeline(PipelineId.of("new-business"))
            .stage("prospecting")
            .status(DealStatus.OPEN)
            .name("Acme platform")
            .owner(UserId.of("alice"))
            .amount(Money.of(50_000, "USD"))
            .expectedCloseDate(LocalDate.of(2026, 5, 2))
            .forecastCategory(ForecastCategory.PIPELINE)
            .createdAt(T0)
            .stageEnteredAt(T0)
            .version(1)
            .lastEventSequence(1)
            .build();

    assertThat(deal.kind()).isEqualTo(DealKind.NEW_BUSINESS);
    assertThat(deal.source()).isEqualTo(DealSource.OTHER);
    assertThat(deal.closeDatePushCount()).isZero();
    assertThat(deal.categorySetByRep()).isFalse();
  }
}
