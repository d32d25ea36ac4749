package org.salespipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.testkit.ContractFixtures.ALICE;
import static org.salespipeline.testkit.ContractFixtures.BOB;
import static org.salespipeline.testkit.ContractFixtures.newWorkspace;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Account;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.Contact;
import org.salespipeline.core.ContactId;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.Quota;
import org.salespipeline.core.Team;
import org.salespipeline.core.TeamId;
import org.salespipeline.core.UserId;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * Reference data: pipelines, accounts, contacts, teams and quotas read back exactly, in their
 * documented order, and a second save under the same identity replaces the first. Pipeline and
 * stage names read back exactly as Java strings (trailing spaces and surrogate pairs included); a
 * name with a lone UTF-16 surrogate, which no UTF-8 database keeps, is refused with a {@link
 * ValidationException} naming the field, and nothing is saved (issue 14 item 3).
 */
public interface ReferenceDataContract extends StoreUnderTest {
  @Test
  default void pipelinesRoundTripInIdOrderAndAreReplaced() {
    WorkspaceId ws = newWorkspace();
    WorkspaceStore view = storeUnderTest().workspace(ws);
    PipelineDefinition custom =
        PipelineDefinition.builder()
            .from(
                StandardPipelines.newBusiness()
                    .withStageAdded(
                        1,
                        Stage.open(
                            "discovery",
                            "Discovery",
                            0.125,
                            ForecastCategory.PIPELINE,
                            Duration.ofHours(36).plusSeconds(1))))
            .id(PipelineId.of("a_custom"))
            .name("Custom")
            .build();
    view.savePipeline(StandardPipelines.renewals());
    view.savePipeline(StandardPipelines.newBusiness());
    view.savePipeline(custom);

    assertThat(view.pipeline(custom.id())).contains(custom);
    assertThat(view.pipeline(StandardPipelines.RENEWALS)).contains(StandardPipelines.renewals());
    assertThat(view.pipeline(PipelineId.of("unknown"))).isEmpty();
    assertThat(view.pipelines())
        .containsExactly(custom, StandardPipelines.newBusiness(), StandardPipelines.renewals());

    PipelineDefinition renamed = custom.withStageRenamed("discovery", "First call");
    view.savePipeline(renamed);
    assertThat(view.pipeline(custom.id())).contains(renamed);
    assertThat(view.pipelines()).hasSize(3).first().isEqualTo(renamed);
  }

  @Test
  default void accountsAndContactsRoundTripAndAreReplaced() {
    WorkspaceId ws = newWorkspace();
    TestClock clock = TestClock.start();
    WorkspaceStore view = storeUnderTest().workspace(ws);
    Account full =
        Account.builder()
            .id(new AccountId(UUID.randomUUID()))
            .workspace(ws)
            .name("Acme Ltd.")
            .industry("Manufacturing")
            .website("https://acme.test")
            .owner(BOB)
            .createdAt(clock.instant())
            .build();
    Account bare =
        Account.builder()
            .id(new AccountId(UUID.randomUUID()))
            .workspace(ws)
            .name("Bare")
            .createdAt(clock.instant().plusNanos(1_000))
            .build();
    view.saveAccount(full);
    view.saveAccount(bare);
    assertThat(view.account(full.id())).contains(full);
    assertThat(view.account(bare.id())).contains(bare);
    assertThat(view.account(new AccountId(UUID.randomUUID()))).isEmpty();
    Account renamed =
        Account.builder().from(full).name("Acme Group").website(Optional.empty()).build();
    view.saveAccount(renamed);
    assertThat(view.account(full.id())).contains(renamed);

    Contact contact =
        Contact.builder()
            .id(new ContactId(UUID.randomUUID()))
            .workspace(ws)
            .account(full.id())
            .name("Dana Scully")
            .email("dana@acme.test")
            .phone("+44 20 7946 0000")
            .title("VP Sales")
            .build();
    Contact lone =
        Contact.builder().id(new ContactId(UUID.randomUUID())).workspace(ws).name("Lone").build();
    view.saveContact(contact);
    view.saveContact(lone);
    assertThat(view.contact(contact.id())).contains(contact);
    assertThat(view.contact(lone.id())).contains(lone);
    Contact moved =
        Contact.builder().from(contact).account(bare.id()).phone(Optional.empty()).build();
    view.saveContact(moved);
    assertThat(view.contact(contact.id())).contains(moved);
    assertThat(view.contact(new ContactId(UUID.randomUUID()))).isEmpty();
  }

  @Test
  default void teamsRoundTripInIdOrderAndAreReplaced() {
    WorkspaceId ws = newWorkspace();
    WorkspaceStore view = storeUnderTest().workspace(ws);
    Team zeta =
        Team.builder()
            .id(TeamId.of("zeta"))
            .workspace(ws)
            .name("Zeta")
            .manager(ALICE)
            .addMembers(UserId.of("carol"), ALICE, BOB)
            .build();
    Team alpha =
        Team.builder()
            .id(TeamId.of("alpha"))
            .workspace(ws)
            .name("Alpha")
            .manager(BOB)
            .parent(zeta.id())
            .build();
    view.saveTeam(zeta);
    view.saveTeam(alpha);
    assertThat(view.teams()).containsExactly(alpha, zeta);

    Team reshuffled = Team.builder().from(zeta).members(List.of(BOB, UserId.of("dave"))).build();
    view.saveTeam(reshuffled);
    assertThat(view.teams()).containsExactly(alpha, reshuffled);
  }

  @Test
  default void quotasRoundTripInPeriodOrderAndAreReplaced() {
    WorkspaceId ws = newWorkspace();
    WorkspaceStore view = storeUnderTest().workspace(ws);
    Quota spring =
        Quota.builder()
            .workspace(ws)
            .owner(ALICE)
            .periodStart(LocalDate.of(2026, 4, 1))
            .periodEnd(LocalDate.of(2026, 6, 30))
            .amount(Money.of("150000.00", "USD"))
            .build();
    Quota winter =
        Quota.builder()
            .workspace(ws)
            .team(TeamId.of("east"))
            .periodStart(LocalDate.of(2026, 2, 1))
            .periodEnd(LocalDate.of(2026, 2, 28))
            .amount(Money.of("1.234", "BHD"))
            .build();
    Quota january =
        Quota.builder()
            .workspace(ws)
            .owner(BOB)
            .periodStart(LocalDate.of(2026, 1, 1))
            .periodEnd(LocalDate.of(2026, 3, 31))
            .amount(Money.of(5_000_000, "JPY"))
            .build();
    view.saveQuota(spring);
    view.saveQuota(winter);
    view.saveQuota(january);
    assertThat(view.quotas()).containsExactly(january, winter, spring);

    Quota raised = Quota.builder().from(spring).amount(Money.of("175000.01", "USD")).build();
    view.saveQuota(raised);
    Quota otherOwner = Quota.builder().from(spring).owner(BOB).build();
    view.saveQuota(otherOwner);
    assertThat(view.quotas()).hasSize(4).containsSubsequence(january, winter);
    assertThat(view.quotas().subList(2, 4)).containsExactlyInAnyOrder(raised, otherOwner);
  }

  @Test
  default void pipelineAndStageNamesAreKeptExactlyOrRefused() {
    WorkspaceId ws = newWorkspace();
    WorkspaceStore view = storeUnderTest().workspace(ws);
    PipelineDefinition exact =
        PipelineDefinition.builder()
            .from(
                StandardPipelines.newBusiness()
                    .withStageAdded(
                        1,
                        Stage.open(
                            "discovery",
                            "Discovery \uD83D\uDE80 ",
                            0.125,
                            ForecastCategory.PIPELINE,
                            Duration.ofDays(3))))
            .id(PipelineId.of("exact"))
            .name("Sales \uD83D\uDCB0 ")
            .build();
    view.savePipeline(exact);
    assertThat(view.pipeline(exact.id())).contains(exact);

    PipelineDefinition badName =
        PipelineDefinition.builder()
            .from(StandardPipelines.newBusiness())
            .id(PipelineId.of("bad_name"))
            .name("Sales \uD800")
            .build();
    assertThatThrownBy(() -> view.savePipeline(badName))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.getMessage()).contains("pipeline.name"));
    PipelineDefinition badStage =
        PipelineDefinition.builder()
            .from(
                StandardPipelines.newBusiness()
                    .withStageAdded(
                        1,
                        Stage.open(
                            "discovery",
                            "Disc\uDC00overy",
                            0.125,
                            ForecastCategory.PIPELINE,
                            Duration.ofDays(3))))
            .id(PipelineId.of("bad_stage"))
            .build();
    assertThatThrownBy(() -> view.savePipeline(badStage))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.getMessage()).contains("stage.displayName"));
    assertThat(view.pipeline(badName.id())).isEmpty();
    assertThat(view.pipeline(badStage.id())).isEmpty();
  }
}
