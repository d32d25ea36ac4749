package org.salespipeline.examples.generator;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.FixedRateCurrencyConverter;
import org.salespipeline.core.IdGenerator;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.SalesPipelineBuilder;
import org.salespipeline.core.Team;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.store.PipelineStore;

/**
 * The fictitious company of the demo: a VP of sales over four regional teams of six reps, selling
 * in US dollars, euros and pounds, reporting in US dollars.
 *
 * <p>Immutable; the static members describe the company, {@link #engine} wires an engine for it.
 */
public final class DemoCompany {
  /** The workspace the demo works in. */
  public static final WorkspaceId WORKSPACE = WorkspaceId.of("demo");

  /** The head of sales, manager of the top team. */
  public static final UserId VP = UserId.of("vera.hughes");

  /** A regional team: its id, name, manager, reps and the currencies its deals are in. */
  public record Region(
      TeamId id, String name, UserId manager, List<UserId> reps, List<String> currencies) {}

  /** The top team every region reports to. */
  public static final TeamId SALES = TeamId.of("sales");

  /** The regions, in order. */
  public static final List<Region> REGIONS =
      List.of(
          region(
              "na-east",
              "North America East",
              "dana.wright",
              List.of("USD"),
              "amir.patel",
              "beth.cole",
              "carlos.rivera",
              "dina.okafor",
              "ethan.moss",
              "fay.lin"),
          region(
              "na-west",
              "North America West",
              "glen.park",
              List.of("USD"),
              "hana.sato",
              "ivan.reyes",
              "jill.baker",
              "kofi.mensah",
              "lara.diaz",
              "milo.grant"),
          region(
              "emea-north",
              "EMEA North",
              "nora.lund",
              List.of("GBP", "EUR"),
              "oscar.berg",
              "pia.holm",
              "quinn.walsh",
              "rosa.vik",
              "sven.dahl",
              "tara.shaw"),
          region(
              "emea-south",
              "EMEA South",
              "ugo.ferri",
              List.of("EUR"),
              "vera.costa",
              "will.moreau",
              "xena.ruiz",
              "yusuf.demir",
              "zoe.martin",
              "ada.rossi"));

  private DemoCompany() {}

  private static Region region(
      String id, String name, String manager, List<String> currencies, String... reps) {
    return new Region(
        TeamId.of(id),
        name,
        UserId.of(manager),
        List.of(reps).stream().map(UserId::of).toList(),
        currencies);
  }

  /** Every rep, region by region. */
  public static List<UserId> reps() {
    List<UserId> reps = new ArrayList<>();
    REGIONS.forEach(r -> reps.addAll(r.reps()));
    return reps;
  }

  /** The teams: the top team, then one per region reporting to it. */
  public static List<Team> teams() {
    List<Team> teams = new ArrayList<>();
    teams.add(
        Team.builder()
            .id(SALES)
            .workspace(WORKSPACE)
            .name("Sales")
            .manager(VP)
            .members(REGIONS.stream().map(Region::manager).toList())
            .build());
    for (Region region : REGIONS) {
      teams.add(
          Team.builder()
              .id(region.id())
              .workspace(WORKSPACE)
              .name(region.name())
              .manager(region.manager())
              .members(region.reps())
              .parent(Optional.of(SALES))
              .build());
    }
    return teams;
  }

  /**
   * Euro and pound rates to the dollar, valid from {@code from} on, with a second set a year later.
   */
  public static CurrencyConverter currencyConverter(LocalDate from) {
    return FixedRateCurrencyConverter.builder()
        .rate("EUR", "USD", from, "1.08")
        .rate("GBP", "USD", from, "1.26")
        .rate("EUR", "USD", from.plusYears(1), "1.11")
        .rate("GBP", "USD", from.plusYears(1), "1.29")
        .build();
  }

  /**
   * An engine builder for the demo workspace: standard pipelines and rules, reporting in USD with
   * the demo's exchange rates, ids from the seed. Add listeners before building, if any.
   *
   * @param store where the records go
   * @param clock the engine's clock (a {@link MutableClock} while generating)
   * @param seed the seed of the ids
   * @param ratesFrom the first day the exchange rates hold
   */
  public static SalesPipelineBuilder engine(
      PipelineStore store, Clock clock, long seed, LocalDate ratesFrom) {
    return SalesPipeline.builder()
        .store(store)
        .workspace(WORKSPACE)
        .clock(clock)
        .idGenerator(IdGenerator.timeOrdered(clock, seed))
        .currencyConverter(currencyConverter(ratesFrom))
        .reportingCurrency("USD");
  }
}
