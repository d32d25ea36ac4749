package org.salespipeline.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.salespipeline.core.Deal;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.org.OrgChart;
import org.salespipeline.core.store.DealScope;

/** Invariants of the built-in policy over random orgs, grants, deals and principals. */
class GrantsProperties {

  @Property(tries = 300)
  void aViewDecisionAgreesWithTheReadScope(@ForAll long seed) {
    Random random = new Random(seed);
    List<UserId> users = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      users.add(UserId.of("u" + i));
    }
    OrgChart.Builder org = OrgChart.builder();
    int teams = 1 + random.nextInt(4);
    for (int t = 0; t < teams; t++) {
      TeamId parent = t == 0 || random.nextBoolean() ? null : TeamId.of("t" + random.nextInt(t));
      org.team(TeamId.of("t" + t), pick(users, random), parent);
      for (UserId u : users) {
        if (random.nextInt(3) == 0) {
          org.member(u, TeamId.of("t" + t));
        }
      }
    }
    List<Deal> deals = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      deals.add(GrantsTest.deal(pick(users, random), random.nextBoolean() ? "a" : "b" + i));
    }
    Grants.Builder grants = Grants.builder().org(org.build()).role("ops", Action.VIEW);
    if (random.nextBoolean()) {
      grants.teamMembers();
    }
    if (random.nextBoolean()) {
      grants.managerChain(Action.EDIT);
    }
    grants.unassignedVisible(random.nextBoolean(), pick(users, random));
    grants.share(deals.get(random.nextInt(10)).id(), pick(users, random), "because");
    grants.dealTeam(deals.get(random.nextInt(10)).id(), pick(users, random), random.nextBoolean());
    grants.lockEditing(java.util.Set.of("a"), java.util.Set.of("ops"));
    Grants policy = grants.build();
    Principal principal =
        random.nextInt(6) == 0
            ? Principal.of(pick(users, random), "ops")
            : Principal.of(pick(users, random));

    DealScope scope = policy.readScope(principal, GrantsTest.NOW);
    for (Deal deal : deals) {
      Decision view = policy.decide(principal, Action.VIEW, deal, GrantsTest.NOW);
      assertThat(view.allowed()).as(view.reason()).isEqualTo(scope.includes(deal));
      for (Action action : Action.values()) {
        if (action.changesDeal()
            && policy.decide(principal, action, deal, GrantsTest.NOW).allowed()) {
          // a lock holds against everyone without an exempt role
          assertThat(!deal.stage().equals("a") || principal.hasRole("ops")).isTrue();
        }
      }
    }
  }

  private static UserId pick(List<UserId> users, Random random) {
    return users.get(random.nextInt(users.size()));
  }
}
