package org.salespipeline.jdbc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.DealCommit;

/** Deals and commits for store tests. */
final class Fixtures {
  static final UserId REP = UserId.of("rep-1");
  static final Instant T0 = Instant.parse("2026-03-29T00:59:59.123456Z");

  private Fixtures() {}

  static WorkspaceId randomWorkspace() {
    return WorkspaceId.of("ws-" + UUID.randomUUID());
  }

  static DealId newId() {
    return new DealId(UUID.randomUUID());
  }

  static Deal deal(WorkspaceId ws, DealId id) {
    return Deal.builder()
        .id(id)
        .workspace(ws)
        .pipeline(StandardPipelines.NEW_BUSINESS)
        .stage(StandardPipelines.PROSPECTING)
        .status(DealStatus.OPEN)
        .name("Deal " + id)
        .owner(REP)
        .amount(Money.of("12500.50", "EUR"))
        .expectedCloseDate(LocalDate.of(2026, 6, 30))
        .forecastCategory(ForecastCategory.PIPELINE)
        .createdAt(T0)
        .stageEnteredAt(T0)
        .version(1)
        .lastEventSequence(1)
        .build();
  }

  static DealCommit create(Deal deal) {
    return create(deal, Optional.empty());
  }

  static DealCommit create(Deal deal, Optional<String> key) {
    DealEvent created =
        new DealEvent(deal.id(), 1, 1, deal.createdAt(), REP, key, new Change.Created(deal));
    return new DealCommit(0, deal, List.of(created), List.of(), Optional.empty(), key);
  }

  /** Moves the deal to a stage: one command, one event. */
  static DealCommit move(Deal from, String stage, Optional<String> key) {
    Instant at = from.stageEnteredAt().plus(1, ChronoUnit.HOURS);
    Deal to =
        Deal.builder()
            .from(from)
            .stage(stage)
            .stageEnteredAt(at)
            .version(from.version() + 1)
            .lastEventSequence(from.lastEventSequence() + 1)
            .build();
    DealEvent event =
        new DealEvent(
            from.id(),
            from.lastEventSequence() + 1,
            to.version(),
            at,
            REP,
            key,
            new Change.StageChanged(from.stage(), stage));
    return new DealCommit(from.version(), to, List.of(event), List.of(), Optional.empty(), key);
  }

  static DealCommit move(Deal from, String stage) {
    return move(from, stage, Optional.empty());
  }
}
