package org.salespipeline.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.salespipeline.core.DealId;
import org.salespipeline.core.IdGenerator;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.access.AccessPolicy;
import org.salespipeline.core.access.Action;
import org.salespipeline.core.access.Grants;
import org.salespipeline.core.access.InvisibleDeals;
import org.salespipeline.core.access.Principal;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.org.OrgChart;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.store.PipelineStore;

/**
 * The org, policy and deals of {@link AccessContract}: team east (manager mia; alice, bob) and team
 * west (manager wes; carol) under team sales (manager vp); olga has the role sales-ops (VIEW and
 * REASSIGN everywhere); dave is in no team. Deal c1 of carol is shared with alice, bob is on the
 * deal team of c2 (edit), and deals of the placeholder owner {@code unassigned} are visible to
 * everyone.
 */
final class AccessFixture {
  static final UserId ALICE = UserId.of("alice");
  static final UserId BOB = UserId.of("bob");
  static final UserId CAROL = UserId.of("carol");
  static final UserId MIA = UserId.of("mia");
  static final UserId WES = UserId.of("wes");
  static final UserId VP = UserId.of("vp");
  static final UserId OLGA = UserId.of("olga");
  static final UserId DAVE = UserId.of("dave");
  static final UserId UNASSIGNED = UserId.of("unassigned");
  static final String SALES_OPS = "sales-ops";
  static final List<UserId> PRINCIPALS = List.of(ALICE, BOB, CAROL, MIA, WES, VP, OLGA, DAVE);
  static final List<String> DEALS = List.of("a1", "b1", "c1", "c2", "u1");

  /**
   * What each principal may do on each deal (a1 b1 c1 c2 u1), one letter per action: V view, E
   * edit, M move, C close, O reopen, R reassign; "-" for nothing.
   */
  static final Map<UserId, List<String>> EXPECTED =
      Map.of(
          ALICE, List.of("VEMCO", "V", "V", "-", "V"),
          BOB, List.of("V", "VEMCO", "-", "VEM", "V"),
          CAROL, List.of("-", "-", "VEMCO", "VEMCO", "V"),
          MIA, List.of("VEMCOR", "VEMCOR", "-", "-", "V"),
          WES, List.of("-", "-", "VEMCOR", "VEMCOR", "V"),
          VP, List.of("VEMCOR", "VEMCOR", "VEMCOR", "VEMCOR", "V"),
          OLGA, List.of("VR", "VR", "VR", "VR", "VR"),
          DAVE, List.of("-", "-", "-", "-", "V"));

  final TestClock clock = TestClock.start();
  final WorkspaceId workspace = ContractFixtures.newWorkspace();
  final SalesPipeline base;
  final Map<String, DealId> deals = new LinkedHashMap<>();
  final Map<String, Money> amounts = new LinkedHashMap<>();
  final Map<String, UserId> owners = new LinkedHashMap<>();

  AccessFixture(PipelineStore store, InvisibleDeals invisible) {
    // ids made up front, so the policy can share and staff deals by id
    IdGenerator ids = IdGenerator.timeOrdered(clock);
    UserId[] dealOwners = {ALICE, BOB, CAROL, CAROL, UNASSIGNED};
    for (int i = 0; i < DEALS.size(); i++) {
      deals.put(DEALS.get(i), new DealId(ids.next()));
      amounts.put(DEALS.get(i), Money.of(String.valueOf(1000L << i), "USD"));
      owners.put(DEALS.get(i), dealOwners[i]);
    }
    this.base =
        SalesPipeline.builder()
            .store(store)
            .workspace(workspace)
            .clock(clock)
            .rules(RuleSet.none())
            .accessPolicy(policy())
            .invisibleDeals(invisible)
            .build();
    SalesPipeline seeder = base.as(Principal.system("seed"));
    for (String key : DEALS) {
      seeder.openDeal(
          OpenDeal.builder()
              .id(deals.get(key))
              .name("Deal " + key)
              .owner(owners.get(key))
              .actor(seeder.principal().orElseThrow().user())
              .amount(amounts.get(key))
              .expectedCloseDate(clock.today().plusMonths(2))
              .build());
    }
  }

  private AccessPolicy policy() {
    TeamId sales = TeamId.of("sales");
    TeamId east = TeamId.of("east");
    TeamId west = TeamId.of("west");
    OrgChart org =
        OrgChart.builder()
            .team(sales, VP)
            .team(east, MIA, sales)
            .team(west, WES, sales)
            .member(ALICE, east)
            .member(BOB, east)
            .member(CAROL, west)
            .build();
    return Grants.builder()
        .org(org)
        .role(SALES_OPS, Action.VIEW, Action.REASSIGN)
        .share(deals.get("c1"), ALICE, "covering for carol")
        .dealTeam(deals.get("c2"), BOB, true)
        .unassignedVisible(true, UNASSIGNED)
        .build();
  }

  /** The view of a principal of the matrix (olga with her role). */
  SalesPipeline as(UserId user) {
    return base.as(user.equals(OLGA) ? Principal.of(user, SALES_OPS) : Principal.of(user));
  }

  /** Whether the matrix allows the action ('V', 'E', 'M', 'C', 'O' or 'R') on the deal. */
  static boolean allows(UserId user, String deal, char action) {
    return EXPECTED.get(user).get(DEALS.indexOf(deal)).indexOf(action) >= 0;
  }
}
