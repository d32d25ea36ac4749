package org.salespipeline.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;
import org.salespipeline.core.store.DealQuery;

/** Read-only views over the open deals: the board of a pipeline and the deals gone idle. */
final class PipelineViews {
  private final EngineContext context;

  PipelineViews(EngineContext context) {
    this.context = context;
  }

  Board board(PipelineId pipelineId, Currency currency) {
    PipelineDefinition definition = context.pipeline(pipelineId);
    LocalDate today = context.today(context.now());
    Map<String, List<Deal>> byStage = new LinkedHashMap<>();
    definition.openStages().forEach(s -> byStage.put(s.key(), new ArrayList<>()));
    try (Stream<Deal> deals =
        context
            .ws()
            .streamDeals(
                DealQuery.builder().pipeline(pipelineId).addStatuses(DealStatus.OPEN).build())) {
      deals.forEach(d -> byStage.computeIfAbsent(d.stage(), k -> new ArrayList<>()).add(d));
    }
    int digits = Math.max(currency.getDefaultFractionDigits(), 0);
    List<BoardColumn> columns = new ArrayList<>();
    for (Stage stage : definition.openStages()) {
      List<Deal> deals = byStage.get(stage.key());
      BigDecimal total = BigDecimal.ZERO;
      BigDecimal weighted = BigDecimal.ZERO;
      BigDecimal probability = BigDecimal.valueOf(stage.defaultProbability());
      for (Deal deal : deals) {
        BigDecimal amount = context.converter().convert(deal.amount(), currency, today).amount();
        total = total.add(amount);
        weighted = weighted.add(amount.multiply(probability));
      }
      columns.add(
          new BoardColumn(
              stage,
              deals,
              new Money(total, currency),
              new Money(weighted.setScale(digits, RoundingMode.HALF_EVEN), currency)));
    }
    return new Board(pipelineId, currency, columns);
  }

  List<IdleDeal> idleDeals(Optional<UserId> owner, Optional<String> stage) {
    Instant now = context.now();
    DealQuery.Builder query = DealQuery.builder().addStatuses(DealStatus.OPEN);
    owner.ifPresent(query::addOwners);
    stage.ifPresent(query::addStages);
    List<IdleDeal> idle = new ArrayList<>();
    try (Stream<Deal> deals = context.ws().streamDeals(query.build())) {
      deals.forEach(
          deal -> {
            Optional<Duration> threshold =
                context.pipeline(deal.pipeline()).stage(deal.stage()).flatMap(Stage::idleThreshold);
            if (threshold.isEmpty()
                || deal.followUpDueAt().filter(due -> due.isAfter(now)).isPresent()) {
              return;
            }
            Instant engaged =
                deal.lastActivityAt()
                    .filter(a -> a.isAfter(deal.stageEnteredAt()))
                    .orElse(deal.stageEnteredAt());
            Duration idleFor = Duration.between(engaged, now);
            if (idleFor.compareTo(threshold.get()) > 0) {
              idle.add(new IdleDeal(deal, idleFor, threshold.get()));
            }
          });
    }
    idle.sort(Comparator.comparing(IdleDeal::idleFor).reversed());
    return idle;
  }
}
