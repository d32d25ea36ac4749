package org.salespipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.testkit.ContractFixtures.ALICE;
import static org.salespipeline.testkit.ContractFixtures.BOB;
import static org.salespipeline.testkit.ContractFixtures.allDeals;
import static org.salespipeline.testkit.ContractFixtures.engine;
import static org.salespipeline.testkit.ContractFixtures.newWorkspace;
import static org.salespipeline.testkit.ContractFixtures.openDeal;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Account;
import org.salespipeline.core.ActivityType;
import org.salespipeline.core.Contact;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.Team;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.LogActivity;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.EventQuery;
import org.salespipeline.core.store.IdempotencyRecord;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * Workspace isolation: a store view bound to one workspace sees none of another workspace's deals,
 * events, activities, keys or reference data, and an idempotency key used in one workspace is free
 * in another.
 */
public interface WorkspaceIsolationContract extends StoreUnderTest {
  @Test
  default void workspacesAreIsolated() {
    WorkspaceId a = newWorkspace();
    WorkspaceId b = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline inA = engine(storeUnderTest(), a, clock);
    Account account = inA.createAccount("Acme");
    Contact contact = inA.createContact("Dana", Optional.of(account.id()), Optional.empty());
    DealId id =
        inA.openDeal(openDeal(clock).account(account.id()).idempotencyKey("shared-key").build())
            .deal()
            .id();
    inA.logActivity(
        LogActivity.builder().deal(id).actor(ALICE).type(ActivityType.NOTE).subject("n").build());
    inA.win(CloseDeal.builder().deal(id).actor(ALICE).build());
    Team team = Team.builder().id(TeamId.of("east")).workspace(a).name("East").manager(BOB).build();
    inA.saveTeam(team);

    WorkspaceStore viewB = storeUnderTest().workspace(b);
    assertThat(viewB.workspaceId()).isEqualTo(b);
    assertThat(viewB.deal(id)).isEmpty();
    assertThat(viewB.findDeals(DealQuery.all()).items()).isEmpty();
    assertThat(allDeals(viewB)).isEmpty();
    try (Stream<DealEvent> events = viewB.streamEvents(EventQuery.all())) {
      assertThat(events).isEmpty();
    }
    assertThat(viewB.history(id)).isEmpty();
    assertThat(viewB.activities(id)).isEmpty();
    assertThat(viewB.idempotencyRecord("shared-key")).isEmpty();
    assertThat(viewB.account(account.id())).isEmpty();
    assertThat(viewB.contact(contact.id())).isEmpty();
    assertThat(viewB.accountActivities(account.id())).isEmpty();
    assertThat(viewB.retention(account.id())).isEmpty();
    assertThat(viewB.teams()).isEmpty();
    assertThat(viewB.pipelines()).isEmpty();

    // The same key is free in another workspace.
    SalesPipeline inB = engine(storeUnderTest(), b, clock);
    CommandResult openedInB = inB.openDeal(openDeal(clock).idempotencyKey("shared-key").build());
    assertThat(openedInB.replayed()).isFalse();
    assertThat(openedInB.deal().id()).isNotEqualTo(id);
    assertThat(allDeals(viewB)).containsExactly(openedInB.deal());
    WorkspaceStore viewA = storeUnderTest().workspace(a);
    assertThat(viewA.deal(openedInB.deal().id())).isEmpty();
    IdempotencyRecord record = viewA.idempotencyRecord("shared-key").orElseThrow();
    assertThat(record.dealId()).isEqualTo(id);
    assertThat(record.dealVersion()).isEqualTo(1);
    assertThat(allDeals(viewA)).extracting(Deal::id).containsExactly(id);
    assertThat(viewA.teams()).containsExactly(team);
  }
}
