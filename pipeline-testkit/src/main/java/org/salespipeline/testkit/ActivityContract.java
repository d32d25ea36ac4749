package org.salespipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.testkit.ContractFixtures.ALICE;
import static org.salespipeline.testkit.ContractFixtures.BOB;
import static org.salespipeline.testkit.ContractFixtures.accountActivity;
import static org.salespipeline.testkit.ContractFixtures.engine;
import static org.salespipeline.testkit.ContractFixtures.newWorkspace;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Account;
import org.salespipeline.core.Activity;
import org.salespipeline.core.ActivityId;
import org.salespipeline.core.ActivityType;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.command.LogActivity;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * Account activities: saved ones and those the engine logs read back exactly, in the order they
 * were recorded (not the order they occurred), and only under their own account.
 */
public interface ActivityContract extends StoreUnderTest {
  @Test
  default void accountActivitiesRoundTripInRecordedOrder() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    SalesPipeline pipeline = engine(storeUnderTest(), ws, clock);
    Account account = pipeline.createAccount("Stark");
    Account other = pipeline.createAccount("Wayne");
    WorkspaceStore view = storeUnderTest().workspace(ws);
    Activity email = accountActivity(ws, account.id(), clock.instant(), "Intro");
    clock.tick();
    Activity followUp =
        Activity.builder()
            .id(new ActivityId(UUID.randomUUID()))
            .workspace(ws)
            .account(account.id())
            .type(ActivityType.FOLLOW_UP)
            .owner(ALICE)
            .subject("Check in")
            .dueAt(clock.instant().plus(Duration.ofDays(3)))
            .outcome("scheduled")
            .recordedAt(clock.instant())
            .build();
    clock.tick();
    Activity earlier =
        Activity.builder()
            .from(accountActivity(ws, account.id(), TestClock.START.minusSeconds(60), "Old"))
            .recordedAt(clock.instant())
            .build();
    view.saveAccountActivity(email);
    view.saveAccountActivity(followUp);
    view.saveAccountActivity(earlier);
    clock.tick();
    Activity logged =
        pipeline.logActivity(
            LogActivity.builder()
                .account(account.id())
                .actor(BOB)
                .type(ActivityType.NOTE)
                .subject("Met at the fair")
                .build());

    assertThat(view.accountActivities(account.id()))
        .containsExactly(email, followUp, earlier, logged);
    assertThat(view.accountActivities(other.id())).isEmpty();
  }
}
