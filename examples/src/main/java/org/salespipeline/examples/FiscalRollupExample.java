package org.salespipeline.examples;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.calendar.FiscalCalendar;
import org.salespipeline.core.calendar.FiscalPeriod;
import org.salespipeline.core.calendar.RetailPattern;
import org.salespipeline.core.calendar.YearEndRule;
import org.salespipeline.core.org.OrgChart;
import org.salespipeline.core.org.OrgNode;
import org.salespipeline.forecast.CategoryRollup;
import org.salespipeline.forecast.ForecastPeriod;
import org.salespipeline.forecast.Forecaster;
import org.salespipeline.forecast.PipelineSnapshot;
import org.salespipeline.forecast.rollup.NodeQuotas;
import org.salespipeline.forecast.rollup.OrgRollups;
import org.salespipeline.forecast.rollup.QuotaRule;

/**
 * Fiscal calendars and team roll-ups (issue 18): a 4-5-4 retail quarter, a rep who moved team
 * keeping her won deal where she was when it closed, and a team quota summed from below. The
 * README's section "Fiscal calendars and team roll-ups" is the code between the markers.
 */
public final class FiscalRollupExample {
  private FiscalRollupExample() {}

  /** Runs the example and returns what it printed, line by line. */
  public static List<String> run() {
    List<String> out = new ArrayList<>();
    // --- README fiscal calendars begins
    // the NRF 4-5-4 calendar: weeks from Sunday, the year ends on the Saturday nearest January 31
    FiscalCalendar nrf =
        FiscalCalendar.retail(
            RetailPattern.FOUR_FIVE_FOUR,
            DayOfWeek.SUNDAY,
            Month.JANUARY,
            YearEndRule.NEAREST_MONTH_END);
    FiscalPeriod q3 = nrf.quarter(2027, 3); // FY2027 ends in January 2027
    out.add(q3.label() + ": " + q3.start() + " to " + q3.lastDay());

    // Ann moves from east to west on September 1
    Instant move = Instant.parse("2026-09-01T00:00:00Z");
    TeamId sales = TeamId.of("sales");
    TeamId east = TeamId.of("east");
    TeamId west = TeamId.of("west");
    UserId ann = UserId.of("ann");
    OrgChart org =
        OrgChart.builder()
            .team(sales, UserId.of("vp"))
            .team(east, UserId.of("maria"), sales)
            .team(west, UserId.of("wes"), sales)
            .member(ann, east, Instant.MIN, move)
            .member(ann, west, move, null)
            .build();
    PipelineSnapshot snapshot =
        PipelineSnapshot.builder(Currency.getInstance("USD"), LocalDate.of(2026, 9, 15))
            .deal("won-in-august")
            .amountMinor(50_000_00)
            .closeDate(LocalDate.of(2026, 8, 20))
            .stage("won")
            .owner("ann")
            .status(DealStatus.WON)
            .add()
            .deal("open-commit")
            .amountMinor(20_000_00)
            .closeDate(LocalDate.of(2026, 10, 5))
            .stage("proposal")
            .owner("ann")
            .category(ForecastCategory.COMMIT)
            .add()
            .build();
    OrgRollups rollups = OrgRollups.of(Forecaster.of(snapshot), org);
    ForecastPeriod quarter = ForecastPeriod.of(q3);
    for (TeamId team : List.of(east, west, sales)) {
      CategoryRollup r = rollups.of(OrgNode.team(team), quarter);
      out.add(team.value() + ": closed " + r.closed() + ", commit " + r.commit());
    }

    // team quotas are the sum of their children's here; OWN would keep a team's own figure
    NodeQuotas quotas =
        NodeQuotas.builder(org)
            .defaultRule(QuotaRule.SUM_OF_CHILDREN)
            .quota(OrgNode.user(ann), quarter, "revenue", 100_000_00)
            .build();
    out.add("sales quota " + quotas.quota(OrgNode.team(sales), quarter, "revenue").getAsLong());
    // --- README fiscal calendars ends
    return out;
  }

  /** Prints the example's lines. */
  public static void main(String[] args) {
    run().forEach(System.out::println);
  }
}
