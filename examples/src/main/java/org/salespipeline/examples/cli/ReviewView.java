package org.salespipeline.examples.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.salespipeline.core.Money;
import org.salespipeline.core.UserId;
import org.salespipeline.examples.generator.DemoCompany;
import org.salespipeline.examples.generator.PipelineGenerator;
import org.salespipeline.examples.insight.PipelineReview;

/** Prints a {@link PipelineReview}: health, bottlenecks, work lists and quota. Stateless. */
public final class ReviewView {
  private ReviewView() {}

  /** Prints the health figures. */
  public static void health(PipelineReview review, PrintStream out) {
    PipelineReview.Health h = review.health();
    out.println("Pipeline health");
    out.printf(
        Locale.ROOT,
        "  %,d open deals, %s (weighted %s)%n",
        h.open(),
        Amounts.compact(h.amount()),
        Amounts.compact(h.weighted()));
    out.printf(
        Locale.ROOT,
        "  idle %,d (%.0f%%)   close date passed %,d (%.0f%%)   pushed twice or more %,d%n",
        h.idle(),
        percent(h.idle(), h.open()),
        h.overdue(),
        percent(h.overdue(), h.open()),
        h.pushedTwice());
    out.printf(
        Locale.ROOT,
        "  win rate (last 90 days) %.0f%% of %,d closed   average cycle of won deals %.0f days%n",
        h.winRate() * 100,
        h.closed90(),
        h.cycleDays());
  }

  /** Prints the worst stages. */
  public static void bottlenecks(PipelineReview review, int top, PrintStream out) {
    out.println("Bottlenecks (worst first; last 180 days)");
    review.bottlenecks().stream()
        .limit(top)
        .forEach(
            b ->
                out.printf(
                    Locale.ROOT,
                    "  %-22s %3.0f%% move on, median stay %4.1f days, %,d waiting, %,d idle%n",
                    b.stage().displayName(),
                    b.conversion() * 100,
                    b.medianDays(),
                    b.waiting(),
                    b.stuck()));
  }

  /** Prints the top item of each owner's work list. */
  public static void workLists(PipelineReview review, PrintStream out) {
    out.println("Work lists (top deal per owner)");
    for (Map.Entry<UserId, List<PipelineReview.WorkItem>> entry : review.workLists().entrySet()) {
      List<PipelineReview.WorkItem> items = entry.getValue();
      PipelineReview.WorkItem top = items.get(0);
      String name = top.deal().name();
      out.printf(
          Locale.ROOT,
          "  %-14s %-38s %-13s %9s  %s (+%d more)%n",
          entry.getKey(),
          name.length() > 38 ? name.substring(0, 37) + "." : name,
          review.stageName(top.deal()),
          Amounts.compact(top.value()),
          top.reason(),
          items.size() - 1);
    }
  }

  /** Prints won so far against the whole sales team's quota this quarter. */
  public static void quota(PipelineReview review, PrintStream out) {
    LocalDate today = review.today();
    LocalDate quarter = PipelineGenerator.quarterStart(today);
    review
        .teamQuota(DemoCompany.SALES, today)
        .ifPresent(
            q -> {
              Money won = review.wonBetween(quarter, today);
              out.printf(
                  Locale.ROOT,
                  "Quota %s to %s: won %s of %s (%.0f%%)%n",
                  q.periodStart(),
                  q.periodEnd(),
                  Amounts.compact(won),
                  Amounts.compact(q.amount()),
                  100 * won.amount().doubleValue() / q.amount().amount().doubleValue());
            });
  }

  private static double percent(int part, int whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }
}
