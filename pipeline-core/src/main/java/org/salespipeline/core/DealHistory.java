package org.salespipeline.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;

/**
 * What a deal's history tells: the deal rebuilt from its events, the deal as it stood at a past
 * instant, and its stays in each stage. Stateless and thread-safe.
 */
public final class DealHistory {
  private DealHistory() {}

  /**
   * Rebuilds a deal by replaying its events in sequence order.
   *
   * @param events the deal's complete history, starting with its {@link Change.Created} event
   * @throws IllegalArgumentException if the history is empty, does not start with creation, or
   *     mixes deals or sequences
   */
  public static Deal replay(List<DealEvent> events) {
    return replayUntil(events, Instant.MAX)
        .orElseThrow(() -> new IllegalArgumentException("a history needs at least one event"));
  }

  /**
   * The deal as it stood at {@code instant}: its events up to and including that instant replayed.
   * Empty when the deal did not exist yet.
   */
  public static Optional<Deal> asOf(List<DealEvent> events, Instant instant) {
    return replayUntil(events, instant);
  }

  private static Optional<Deal> replayUntil(List<DealEvent> events, Instant until) {
    Deal deal = null;
    long expectedSequence = 1;
    for (DealEvent event : events) {
      if (event.at().isAfter(until)) {
        break;
      }
      if (event.sequence() != expectedSequence) {
        throw new IllegalArgumentException(
            "history of "
                + event.dealId()
                + " expected sequence "
                + expectedSequence
                + " but found "
                + event.sequence());
      }
      expectedSequence++;
      if (deal == null) {
        if (!(event.change() instanceof Change.Created created)) {
          throw new IllegalArgumentException(
              "history of " + event.dealId() + " must start with Created");
        }
        deal = created.deal();
        continue;
      }
      if (!deal.id().equals(event.dealId())) {
        throw new IllegalArgumentException(
            "history mixes deals " + deal.id() + " and " + event.dealId());
      }
      deal = apply(deal, event);
    }
    return Optional.ofNullable(deal);
  }

  /** The deal after one event. */
  static Deal apply(Deal deal, DealEvent event) {
    Deal.Builder next = Deal.builder();
    next.from(deal);
    next.version(event.dealVersion()).lastEventSequence(event.sequence());
    Change change = event.change();
    if (change instanceof Change.Created) {
      throw new IllegalArgumentException("deal " + deal.id() + " created twice");
    } else if (change instanceof Change.StageChanged moved) {
      next.stage(moved.to()).stageEnteredAt(event.at());
    } else if (change instanceof Change.AmountChanged amount) {
      next.amount(amount.to());
    } else if (change instanceof Change.CloseDateChanged date) {
      next.expectedCloseDate(date.to()).closeDatePushCount(date.pushCount());
    } else if (change instanceof Change.OwnerChanged owner) {
      next.owner(owner.to());
    } else if (change instanceof Change.CategoryChanged category) {
      next.forecastCategory(category.to()).categorySetByRep(category.setByRep());
    } else if (change instanceof Change.ProbabilityOverrideChanged override) {
      next.probabilityOverride(override.to());
    } else if (change instanceof Change.DetailsChanged details) {
      copyDetails(next, details.fields(), details.deal());
    } else if (change instanceof Change.QualificationRecorded qualification) {
      next.qualification(qualification.result());
    } else if (change instanceof Change.ActivityLogged activity) {
      activity.occurredAt().ifPresent(at -> next.lastActivityAt(latest(deal.lastActivityAt(), at)));
      activity.dueAt().ifPresent(due -> next.followUpDueAt(latest(deal.followUpDueAt(), due)));
    } else if (change instanceof Change.Won won) {
      next.status(DealStatus.WON).closeReason(won.reason()).closedAt(event.at());
    } else if (change instanceof Change.Lost lost) {
      next.status(DealStatus.LOST).closeReason(lost.reason()).closedAt(event.at());
    } else if (change instanceof Change.Disqualified disqualified) {
      next.status(DealStatus.DISQUALIFIED).closeReason(disqualified.reason()).closedAt(event.at());
    } else if (change instanceof Change.Reopened) {
      next.status(DealStatus.OPEN).closeReason(Optional.empty()).closedAt(Optional.empty());
    } else if (change instanceof Change.RuleOverridden) {
      // why: an override is recorded for audit; the stage change that follows it moves the deal.
    }
    return next.build();
  }

  private static Instant latest(Optional<Instant> current, Instant candidate) {
    return current.filter(c -> c.isAfter(candidate)).orElse(candidate);
  }

  private static void copyDetails(Deal.Builder next, Set<String> fields, Deal source) {
    for (String field : fields) {
      switch (field) {
        case "name" -> next.name(source.name());
        case "kind" -> next.kind(source.kind());
        case "linkedDeal" -> next.linkedDeal(source.linkedDeal());
        case "account" -> next.account(source.account());
        case "primaryContact" -> next.primaryContact(source.primaryContact());
        case "source" -> next.source(source.source());
        case "nextStep" -> next.nextStep(source.nextStep());
        case "needsAnalysis" -> next.needsAnalysis(source.needsAnalysis());
        case "proposal" -> next.proposal(source.proposal());
        case "negotiation" -> next.negotiation(source.negotiation());
        case "attributes" -> next.attributes(source.attributes());
        default -> throw new IllegalArgumentException("unknown detail field " + field);
      }
    }
  }

  /** The deal's stays in stages, in order; the last is still going on when the deal is open. */
  public static List<StageVisit> stageVisits(List<DealEvent> events) {
    List<StageVisit> visits = new ArrayList<>();
    String stage = null;
    Instant entered = null;
    for (DealEvent event : events) {
      if (event.change() instanceof Change.Created created) {
        stage = created.deal().stage();
        entered = event.at();
      } else if (event.change() instanceof Change.StageChanged moved && stage != null) {
        visits.add(new StageVisit(stage, entered, Optional.of(event.at())));
        stage = moved.to();
        entered = event.at();
      }
    }
    if (stage != null) {
      visits.add(new StageVisit(stage, entered, Optional.empty()));
    }
    return visits;
  }

  /**
   * Total time spent in each stage up to {@code now}, in order of first entry. A stage visited
   * twice (after a backward move) adds both stays.
   */
  public static Map<String, Duration> timeInStage(List<DealEvent> events, Instant now) {
    Map<String, Duration> totals = new LinkedHashMap<>();
    for (StageVisit visit : stageVisits(events)) {
      totals.merge(visit.stage(), visit.duration(now), Duration::plus);
    }
    return totals;
  }
}
