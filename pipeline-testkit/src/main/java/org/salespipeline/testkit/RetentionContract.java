package org.salespipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.core.stage.StandardPipelines.QUALIFICATION;
import static org.salespipeline.testkit.ContractFixtures.ALICE;
import static org.salespipeline.testkit.ContractFixtures.accountActivity;
import static org.salespipeline.testkit.ContractFixtures.call;
import static org.salespipeline.testkit.ContractFixtures.engine;
import static org.salespipeline.testkit.ContractFixtures.moveCommit;
import static org.salespipeline.testkit.ContractFixtures.newWorkspace;
import static org.salespipeline.testkit.ContractFixtures.openDeal;
import static org.salespipeline.testkit.ContractFixtures.stored;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Account;
import org.salespipeline.core.Activity;
import org.salespipeline.core.ConcurrentRetentionModificationException;
import org.salespipeline.core.CustomerRetention;
import org.salespipeline.core.DealId;
import org.salespipeline.core.RetentionStatus;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.WorkspaceStore;
import org.salespipeline.testkit.ContractFixtures.Stored;

/**
 * Customer retention: a retention record and its account activities commit together, a stale
 * version (behind or ahead) fails with {@link ConcurrentRetentionModificationException} and writes
 * nothing, and a deal commit carrying a stale retention writes nothing at all.
 */
public interface RetentionContract extends StoreUnderTest {
  @Test
  default void retentionRoundTripsAndChecksItsVersion() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    Account account = pipeline.createAccount("Hooli");
    DealId deal = pipeline.openDeal(openDeal(clock).account(account.id()).build()).deal().id();
    WorkspaceStore view = storeUnderTest().workspace(ws);
    assertThat(view.retention(account.id())).isEmpty();

    CustomerRetention first =
        CustomerRetention.builder()
            .account(account.id())
            .workspace(ws)
            .status(RetentionStatus.ONBOARDING)
            .wonDeal(deal)
            .since(clock.instant())
            .version(1)
            .build();
    Activity kickoff = accountActivity(ws, account.id(), clock.instant(), "Kick-off");
    view.commitRetention(first, List.of(kickoff));
    assertThat(view.retention(account.id())).contains(first);
    assertThat(view.accountActivities(account.id())).containsExactly(kickoff);
    clock.tick();

    CustomerRetention second =
        CustomerRetention.builder()
            .from(first)
            .status(RetentionStatus.ACTIVE)
            .since(clock.instant())
            .renewalDate(LocalDate.of(2027, 3, 1))
            .version(2)
            .build();
    view.commitRetention(second, List.of());
    assertThat(view.retention(account.id())).contains(second);

    for (long version : new long[] {1, 2, 4}) {
      CustomerRetention stale =
          CustomerRetention.builder()
              .from(second)
              .status(RetentionStatus.AT_RISK)
              .version(version)
              .build();
      Activity lost = accountActivity(ws, account.id(), clock.instant(), "Lost " + version);
      assertThatThrownBy(() -> view.commitRetention(stale, List.of(lost)))
          .as("version %s", version)
          .isInstanceOf(ConcurrentRetentionModificationException.class);
    }
    assertThat(view.retention(account.id())).contains(second);
    assertThat(view.accountActivities(account.id())).containsExactly(kickoff);
  }

  @Test
  default void commitWithAStaleRetentionWritesNothing() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    Account account = pipeline.createAccount("Soylent");
    DealId won = pipeline.openDeal(openDeal(clock).account(account.id()).build()).deal().id();
    pipeline.win(CloseDeal.builder().deal(won).actor(ALICE).build());
    DealId id = pipeline.openDeal(openDeal(clock).account(account.id()).build()).deal().id();
    WorkspaceStore view = storeUnderTest().workspace(ws);
    CustomerRetention retention = view.retention(account.id()).orElseThrow();
    Stored before = stored(view, id);
    List<Activity> accountBefore = view.accountActivities(account.id());
    clock.tick();
    Instant at = clock.instant();

    DealCommit good =
        moveCommit(
            before.deal().orElseThrow(),
            QUALIFICATION,
            at,
            List.of(call(ws, id, at)),
            Optional.of("stale-retention"));
    CustomerRetention stale =
        CustomerRetention.builder()
            .from(retention)
            .wonDeal(id)
            .version(retention.version())
            .build();
    DealCommit broken =
        new DealCommit(
            good.expectedVersion(),
            good.deal(),
            good.events(),
            good.activities(),
            Optional.of(stale),
            good.idempotencyKey());
    assertThatThrownBy(() -> view.commit(broken)).isInstanceOf(RuntimeException.class);
    assertThat(stored(view, id)).isEqualTo(before);
    assertThat(view.retention(account.id())).contains(retention);
    assertThat(view.accountActivities(account.id())).isEqualTo(accountBefore);
    assertThat(view.idempotencyRecord("stale-retention")).isEmpty();

    CustomerRetention next =
        CustomerRetention.builder().from(stale).version(retention.version() + 1).build();
    view.commit(
        new DealCommit(
            good.expectedVersion(),
            good.deal(),
            good.events(),
            good.activities(),
            Optional.of(next),
            good.idempotencyKey()));
    assertThat(view.retention(account.id())).contains(next);
    assertThat(view.deal(id)).contains(good.deal());
  }
}
