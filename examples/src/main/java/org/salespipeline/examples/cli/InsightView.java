package org.salespipeline.examples.cli;

import java.io.PrintStream;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.salespipeline.core.UserId;
import org.salespipeline.examples.generator.DemoCompany;
import org.salespipeline.examples.insight.PipelineHistory;
import org.salespipeline.forecast.insight.Bottleneck;
import org.salespipeline.forecast.insight.HealthSummary;
import org.salespipeline.forecast.insight.InsightReport;
import org.salespipeline.forecast.insight.QuotaCoverage;
import org.salespipeline.forecast.insight.SuggestedMove;
import org.salespipeline.forecast.insight.Velocity;
import org.salespipeline.forecast.insight.WorkItem;

/**
 * Prints pipeline-forecast's {@link InsightReport}: health, bottlenecks, work lists, velocity,
 * coverage and suggested moves. Amounts in the report are minor units. Stateless.
 */
public final class InsightView {
  private InsightView() {}

  /** Prints the health summary with idle, stuck, overdue and pushed counts. */
  public static void health(InsightReport r, PipelineHistory history, PrintStream out) {
    HealthSummary h = r.health();
    long overdue =
        r.openDeals().filter(d -> d.expectedCloseDate().isBefore(history.today())).count();
    long pushedTwice = r.pushCounts().tailMap(2).values().stream().mapToLong(Long::longValue).sum();
    out.println("Pipeline health");
    out.printf(
        Locale.ROOT,
        "  %,d open deals, %s (weighted by learned win rates %s)%n",
        h.openDeals(),
        money(h.openValue(), r),
        money(h.weightedValue(), r));
    out.printf(
        Locale.ROOT,
        "  idle %,d (%.0f%%)   stuck %,d (%.0f%%)   close date passed %,d   pushed twice or"
            + " more %,d%n",
        // why: the deal lists stop at the report's list limit; the shares count every open deal
        Math.round(h.idleShare() * h.openDeals()),
        100 * h.idleShare(),
        Math.round(h.stuckShare() * h.openDeals()),
        100 * h.stuckShare(),
        overdue,
        pushedTwice);
    Velocity v = r.velocity().overall();
    out.printf(
        Locale.ROOT,
        "  win rate %.0f%% (won / won + lost)   average cycle of won deals %.0f days%n",
        100 * h.winRate(),
        r.outcomes().overall().averageCycleDays());
    out.printf(
        Locale.ROOT,
        "  velocity %s/day = %,d open x %s average won x %.0f%% win rate / %.0f days%n",
        money(v.perDay(), r),
        v.opportunities(),
        money(v.averageDealSize(), r),
        100 * v.winRate(),
        v.cycleDays());
    out.printf(
        Locale.ROOT,
        "  coverage %s (target %.1fx)   flags: %s%n",
        h.coverage().isPresent()
            ? String.format(Locale.ROOT, "%.2fx", h.coverage().getAsDouble())
            : "n/a",
        h.coverageTarget(),
        h.flags().isEmpty() ? "none" : h.flags());
  }

  /** Prints the worst stages. */
  public static void bottlenecks(
      InsightReport r, PipelineHistory history, int top, PrintStream out) {
    out.println("Bottlenecks (by value at risk: dropped this month + stuck)");
    for (Bottleneck b : r.bottlenecks().subList(0, Math.min(top, r.bottlenecks().size()))) {
      out.printf(
          Locale.ROOT,
          "  %-15s %9s at risk, %3.0f%% move on (%s before), median stay %4.1f days, %,d stuck%n",
          history.stageName(b.stage()),
          money(b.valueAtRisk(), r),
          100 * b.conversionRate(),
          b.previousConversionRate().isPresent()
              ? String.format(Locale.ROOT, "%.0f%%", 100 * b.previousConversionRate().getAsDouble())
              : "n/a",
          b.medianDwell().toHours() / 24.0,
          b.stuckDeals());
    }
  }

  /** Prints the top item of each owner's work list. */
  public static void workLists(InsightReport r, PipelineHistory history, PrintStream out) {
    out.println("Work lists (top deal per owner, score 0-100)");
    for (Map.Entry<UserId, List<WorkItem>> entry :
        new java.util.TreeMap<>(r.workLists()).entrySet()) {
      WorkItem top = entry.getValue().get(0);
      String name =
          history
              .pipeline()
              .store()
              .deal(top.deal())
              .map(d -> d.name())
              .orElse(top.deal().toString());
      out.printf(
          Locale.ROOT,
          "  %-14s %-38s %-15s %9s %3.0f  %s%n",
          entry.getKey(),
          name.length() > 38 ? name.substring(0, 37) + "." : name,
          history.stageName(top.stage()),
          money(top.amount(), r),
          top.score(),
          top.reasons().isEmpty() ? "" : top.reasons().get(0));
    }
  }

  /**
   * Prints the customer-success work (issue 17): the customers that need attention most, with their
   * first reason, and the churn reasons ranked.
   */
  public static void customerWork(InsightReport r, PipelineHistory history, PrintStream out) {
    org.salespipeline.forecast.insight.RetentionInsight ret = r.retention();
    out.printf(
        Locale.ROOT,
        "Customer-success work (%d customers need attention of %d; %d at risk worth %s; top 5)%n",
        ret.signals().size(),
        ret.customers(),
        ret.atRisk(),
        money(ret.atRiskValue(), r));
    for (org.salespipeline.forecast.insight.CustomerWork w :
        ret.signals().subList(0, Math.min(5, ret.signals().size()))) {
      String name =
          history
              .pipeline()
              .store()
              .account(w.account())
              .map(a -> a.name())
              .orElse(w.account().toString());
      out.printf(
          Locale.ROOT,
          "  %-14s %-30s %-11s %9s %3.0f  %s%n",
          w.owner(),
          name.length() > 30 ? name.substring(0, 29) + "." : name,
          w.status(),
          money(w.recurringValue(), r),
          w.score(),
          w.reasons().get(0));
    }
    ret.churnReasons().stream()
        .limit(3)
        .forEach(
            c ->
                out.printf(
                    Locale.ROOT,
                    "  churn reason: %s (%d, %s lost)%n",
                    c.reason().isEmpty() ? "none given" : c.reason(),
                    c.times(),
                    money(c.lostMinor(), r)));
  }

  /** Prints the sales team's coverage this quarter and the top suggested moves. */
  public static void coverageAndMoves(InsightReport r, PipelineHistory history, PrintStream out) {
    r.coverage().stream()
        .filter(c -> c.quota().team().equals(java.util.Optional.of(DemoCompany.SALES)))
        .filter(c -> !history.today().isBefore(c.quota().periodStart()))
        .filter(c -> !history.today().isAfter(c.quota().periodEnd()))
        .findFirst()
        .ifPresent(c -> coverage(c, r, out));
    List<SuggestedMove> moves = r.suggestedMoves();
    out.printf(Locale.ROOT, "Suggested moves (%d; top 3)%n", moves.size());
    for (SuggestedMove m : moves.subList(0, Math.min(3, moves.size()))) {
      out.printf(
          Locale.ROOT, "  %s -> %s, %s: %s%n", m.from(), m.to(), money(m.amount(), r), m.reason());
    }
  }

  private static void coverage(QuotaCoverage c, InsightReport r, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "Coverage vs quota %s to %s: quota %s, won %s, remaining %s, open pipeline %s (%s),"
            + " needed at %.0f%% win rate %s, shortfall %s%n",
        c.quota().periodStart(),
        c.quota().periodEnd(),
        money(c.quotaAmount(), r),
        money(c.won(), r),
        money(c.remaining(), r),
        money(c.openPipeline(), r),
        c.coverage().isPresent()
            ? String.format(Locale.ROOT, "%.2fx", c.coverage().getAsDouble())
            : "n/a",
        100 * c.winRate(),
        money(c.needed(), r),
        money(c.shortfall(), r));
  }

  private static String money(double minor, InsightReport r) {
    Currency c = r.currency();
    return Amounts.compact(minor / Math.pow(10, c.getDefaultFractionDigits()), c);
  }
}
