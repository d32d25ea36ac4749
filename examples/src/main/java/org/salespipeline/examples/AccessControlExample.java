package org.salespipeline.examples;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealNotFoundException;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.access.AccessDeniedException;
import org.salespipeline.core.access.Action;
import org.salespipeline.core.access.Grants;
import org.salespipeline.core.access.Principal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.org.OrgChart;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;
import org.salespipeline.forecast.DealSnapshots;
import org.salespipeline.forecast.PipelineSnapshot;

/**
 * Access control (issue 16): a rep, a manager and sales ops on one pipeline, each through {@code
 * pipeline.as(principal)}. The README's section "Access control" is the code between the markers; a
 * test compiles, runs and compares it.
 */
public final class AccessControlExample {
  private AccessControlExample() {}

  /** Runs the example and returns what it printed, line by line. */
  public static List<String> run() {
    List<String> out = new ArrayList<>();
    InMemoryPipelineStore store = new InMemoryPipelineStore();
    Clock clock = Clock.fixed(Instant.parse("2026-01-15T09:00:00Z"), ZoneOffset.UTC);
    Currency usd = Currency.getInstance("USD");
    // --- README access control begins
    UserId alice = UserId.of("alice"); // rep in team east
    UserId bob = UserId.of("bob"); // rep in team east
    UserId mia = UserId.of("mia"); // manages team east
    UserId olga = UserId.of("olga"); // sales ops
    OrgChart org =
        OrgChart.builder()
            .team(TeamId.of("east"), mia)
            .member(alice, TeamId.of("east"))
            .member(bob, TeamId.of("east"))
            .build();
    Grants policy =
        Grants.builder()
            .org(org) // managers reach their reporting subtree
            .teamMembers() // reps do not see their teammates' deals
            .role("sales-ops", Action.VIEW, Action.REASSIGN, Action.MANAGE_QUOTA)
            .build();
    SalesPipeline pipeline =
        SalesPipeline.builder()
            .store(store)
            .clock(clock)
            .rules(RuleSet.none())
            .accessPolicy(policy)
            .build();

    SalesPipeline rep = pipeline.as(Principal.of(alice));
    SalesPipeline manager = pipeline.as(Principal.of(mia));
    SalesPipeline salesOps = pipeline.as(Principal.of(olga, "sales-ops"));
    SalesPipeline importer = pipeline.as(Principal.system("crm-sync"));

    DealId alices = open(rep, alice, alice, "Acme platform", 30_000);
    DealId bobs = open(importer, importer.principal().get().user(), bob, "Globex rollout", 20_000);
    open(importer, importer.principal().get().user(), olga, "Initech pilot", 50_000);

    out.add("rep sees " + rep.board().total() + ", manager " + manager.board().total());
    out.add("sales ops sees " + salesOps.board().total());
    try {
      rep.move(bobs, StandardPipelines.QUALIFICATION, alice);
    } catch (DealNotFoundException hidden) {
      out.add("bob's deal is not there for alice");
    }
    try {
      rep.update(UpdateDeal.builder().deal(alices).actor(alice).owner(bob).build());
    } catch (AccessDeniedException refused) {
      out.add("refused " + refused.action() + ": " + refused.reason());
    }
    manager.move(alices, StandardPipelines.QUALIFICATION, mia);
    salesOps.update(UpdateDeal.builder().deal(alices).actor(olga).owner(bob).build());
    out.add(
        "now owned by "
            + pipeline.requireDeal(alices).owner()
            + ", alice sees "
            + rep.board().count());

    PipelineSnapshot team =
        DealSnapshots.fromOpenDeals(
            manager.store(), // the manager's scope is the snapshot's input
            manager.defaultPipeline(),
            usd,
            LocalDate.of(2026, 1, 15),
            ZoneOffset.UTC,
            manager.currencyConverter());
    out.add("manager's forecast input: " + team.openCount() + " open deals");
    // --- README access control ends
    return out;
  }

  private static DealId open(
      SalesPipeline pipeline, UserId actor, UserId owner, String name, long dollars) {
    return pipeline
        .openDeal(
            OpenDeal.builder()
                .name(name)
                .owner(owner)
                .actor(actor)
                .amount(Money.of(dollars, "USD"))
                .expectedCloseDate(LocalDate.of(2026, 3, 31))
                .build())
        .deal()
        .id();
  }

  /**
   * Prints what the example does.
   *
   * @param args none
   */
  public static void main(String[] args) {
    run().forEach(System.out::println);
  }
}
