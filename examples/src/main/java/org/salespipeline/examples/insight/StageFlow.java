package org.salespipeline.examples.insight;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealHistory;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.Money;
import org.salespipeline.core.StageVisit;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;

/**
 * How deals flow through the stages, read from the core's histories ({@link
 * DealHistory#stageVisits}, {@link Change}): the funnel, the time spent in each stage and what
 * changed the open pipeline's value over a window. Until pipeline-forecast's insight package ships,
 * the report takes these from here. Stateless.
 */
public final class StageFlow {
  private StageFlow() {}

  /**
   * One step of the funnel.
   *
   * @param label the stage's display name, or "Won"
   * @param deals deals of the cohort that reached it (or a later stage)
   */
  public record FunnelStep(String label, int deals) {}

  /**
   * Deals opened in the year before {@code now} and how far they got: each open stage reached (a
   * deal that skipped a stage counts for it), then won.
   */
  public static List<FunnelStep> funnel(PipelineHistory history, Instant now) {
    PipelineDefinition definition = history.definition();
    List<Stage> stages = definition.openStages();
    int[] reached = new int[stages.size() + 1];
    Instant since = now.minus(Duration.ofDays(365));
    for (int d = 0; d < history.histories().size(); d++) {
      List<DealEvent> events = history.histories().get(d);
      if (events.get(0).at().isBefore(since)) {
        continue;
      }
      int furthest = -1;
      for (StageVisit visit : DealHistory.stageVisits(events)) {
        int index = indexOf(stages, visit.stage());
        furthest = Math.max(furthest, index);
      }
      Deal deal = history.deals().get(d);
      if (deal.status() == DealStatus.WON) {
        furthest = stages.size();
      }
      for (int k = 0; k <= furthest; k++) {
        reached[k]++;
      }
    }
    List<FunnelStep> steps = new ArrayList<>();
    for (int k = 0; k < stages.size(); k++) {
      steps.add(new FunnelStep(stages.get(k).displayName(), reached[k]));
    }
    steps.add(new FunnelStep("Won", reached[stages.size()]));
    return steps;
  }

  private static int indexOf(List<Stage> stages, String key) {
    for (int k = 0; k < stages.size(); k++) {
      if (stages.get(k).key().equals(key)) {
        return k;
      }
    }
    return -1;
  }

  /**
   * Time in one open stage over stays that ended in the last year.
   *
   * @param stage the stage's display name
   * @param stays how many stays
   * @param p25 lower quartile, days
   * @param median median, days
   * @param p75 upper quartile, days
   * @param idleThreshold the stage's idle threshold in days, or 0 without one
   */
  public record TimeInStage(
      String stage, int stays, double p25, double median, double p75, double idleThreshold) {}

  /** Time in each open stage, in stage order. */
  public static List<TimeInStage> timeInStage(PipelineHistory history, Instant now) {
    List<Stage> stages = history.definition().openStages();
    List<List<Double>> days = new ArrayList<>();
    stages.forEach(s -> days.add(new ArrayList<>()));
    Instant since = now.minus(Duration.ofDays(365));
    for (List<DealEvent> events : history.histories()) {
      for (StageVisit visit : DealHistory.stageVisits(events)) {
        int k = indexOf(stages, visit.stage());
        Optional<Instant> left = visit.leftAt();
        if (k >= 0 && left.isPresent() && left.get().isAfter(since)) {
          days.get(k).add(visit.duration(now).toMinutes() / 1440.0);
        }
      }
    }
    List<TimeInStage> out = new ArrayList<>();
    for (int k = 0; k < stages.size(); k++) {
      List<Double> d = days.get(k);
      d.sort(Double::compare);
      Stage stage = stages.get(k);
      out.add(
          new TimeInStage(
              stage.displayName(),
              d.size(),
              quantile(d, 0.25),
              quantile(d, 0.5),
              quantile(d, 0.75),
              stage.idleThreshold().map(t -> t.toHours() / 24.0).orElse(0.0)));
    }
    return out;
  }

  private static double quantile(List<Double> sorted, double q) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, q * sorted.size()));
  }

  /**
   * What changed the open pipeline's value between two instants, in major units of the reporting
   * currency at {@code to}'s rate. {@code start + sum(steps) = end}; {@code other} holds any
   * remainder (zero when every change is one of the listed kinds).
   *
   * @param start open pipeline at {@code from}
   * @param added deals opened (and reopened)
   * @param increased amounts raised on open deals
   * @param decreased amounts lowered on open deals (negative)
   * @param won deals won (negative)
   * @param lost deals lost or disqualified (negative)
   * @param other remainder
   * @param end open pipeline at {@code to}
   */
  public record Waterfall(
      double start,
      double added,
      double increased,
      double decreased,
      double won,
      double lost,
      double other,
      double end) {}

  /** The waterfall of the open pipeline between {@code from} and {@code to}. */
  public static Waterfall waterfall(PipelineHistory history, Instant from, Instant to) {
    LocalDate day = LocalDate.ofInstant(to, ZoneOffset.UTC);
    double start = 0;
    double end = 0;
    double added = 0;
    double increased = 0;
    double decreased = 0;
    double won = 0;
    double lost = 0;
    for (List<DealEvent> events : history.histories()) {
      Optional<Deal> before = DealHistory.asOf(events, from);
      boolean open = before.map(Deal::isOpen).orElse(false);
      Money amount = before.map(Deal::amount).orElse(null);
      if (open) {
        start += history.value(amount, day);
      }
      for (DealEvent e : events) {
        if (!e.at().isAfter(from) || e.at().isAfter(to)) {
          continue;
        }
        Change c = e.change();
        if (c instanceof Change.Created created) {
          amount = created.deal().amount();
          open = true;
          added += history.value(amount, day);
        } else if (c instanceof Change.AmountChanged changed) {
          double delta = history.value(changed.to(), day) - history.value(changed.from(), day);
          amount = changed.to();
          if (open && delta > 0) {
            increased += delta;
          } else if (open) {
            decreased += delta;
          }
        } else if (c instanceof Change.Won && open) {
          won -= history.value(amount, day);
          open = false;
        } else if ((c instanceof Change.Lost || c instanceof Change.Disqualified) && open) {
          lost -= history.value(amount, day);
          open = false;
        } else if (c instanceof Change.Reopened && !open) {
          added += history.value(amount, day);
          open = true;
        }
      }
      Optional<Deal> after = DealHistory.asOf(events, to);
      if (after.map(Deal::isOpen).orElse(false)) {
        end += history.value(after.get().amount(), day);
      }
    }
    double other = end - (start + added + increased + decreased + won + lost);
    if (Math.abs(other) < 0.005) {
      other = 0;
    }
    return new Waterfall(start, added, increased, decreased, won, lost, other, end);
  }
}
