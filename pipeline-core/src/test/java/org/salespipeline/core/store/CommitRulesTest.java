package org.salespipeline.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.Activity;
import org.salespipeline.core.ActivityId;
import org.salespipeline.core.ActivityType;
import org.salespipeline.core.ConcurrentDealModificationException;
import org.salespipeline.core.ConcurrentRetentionModificationException;
import org.salespipeline.core.CustomerRetention;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.PipelineException;
import org.salespipeline.core.RetentionStatus;
import org.salespipeline.core.UserId;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.StandardPipelines;

class CommitRulesTest {
  private static final WorkspaceId ACME = WorkspaceId.of("acme");
  private static final WorkspaceId GLOBEX = WorkspaceId.of("globex");
  private static final UserId REP = UserId.of("rep");
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private final CommitRules rules = CommitRules.of(ACME);
  private final Stored stored = new Stored();

  /** A map-backed stored state, as a host store would keep it. */
  private static final class Stored implements CommitRules.StoredState {
    final Map<DealId, Long> versions = new HashMap<>();
    final Map<DealId, Long> sequences = new HashMap<>();
    final Set<String> keys = new HashSet<>();
    final Map<AccountId, Long> retention = new HashMap<>();
    final Set<DealId> elsewhere = new HashSet<>();

    @Override
    public long dealVersion(DealId deal) {
      return versions.getOrDefault(deal, 0L);
    }

    @Override
    public long lastEventSequence(DealId deal) {
      return sequences.getOrDefault(deal, 0L);
    }

    @Override
    public boolean idempotencyKeyUsed(String key) {
      return keys.contains(key);
    }

    @Override
    public long retentionVersion(AccountId account) {
      return retention.getOrDefault(account, 0L);
    }

    @Override
    public boolean dealIdTakenElsewhere(DealId deal) {
      return elsewhere.contains(deal);
    }

    void store(Deal deal) {
      versions.put(deal.id(), deal.version());
      sequences.put(deal.id(), deal.lastEventSequence());
    }
  }

  private static Deal deal(WorkspaceId ws, DealId id, long version) {
    return Deal.builder()
        .id(id)
        .workspace(ws)
        .pipeline(StandardPipelines.NEW_BUSINESS)
        .stage(StandardPipelines.PROSPECTING)
        .status(DealStatus.OPEN)
        .name("Deal")
        .owner(REP)
        .amount(Money.of(1000, "USD"))
        .expectedCloseDate(LocalDate.of(2026, 6, 30))
        .forecastCategory(ForecastCategory.PIPELINE)
        .createdAt(T0)
        .stageEnteredAt(T0)
        .version(version)
        .lastEventSequence(version)
        .build();
  }

  private static DealEvent event(DealId id, long sequence, Change change) {
    return new DealEvent(id, sequence, sequence, T0, REP, Optional.empty(), change);
  }

  private static DealCommit create(Deal deal, Optional<String> key) {
    return new DealCommit(
        0,
        deal,
        List.of(event(deal.id(), 1, new Change.Created(deal))),
        List.of(),
        Optional.empty(),
        key);
  }

  private static DealCommit move(Deal from, long... sequences) {
    Deal to = deal(from.workspace(), from.id(), from.version() + 1);
    List<DealEvent> events =
        java.util.Arrays.stream(sequences)
            .mapToObj(s -> event(from.id(), s, new Change.StageChanged("a", "b")))
            .toList();
    return new DealCommit(
        from.version(), to, events, List.of(), Optional.empty(), Optional.empty());
  }

  private static DealId newId() {
    return new DealId(UUID.randomUUID());
  }

  @Test
  void aCreateAndItsFollowUpInOneBatchPass() {
    Deal created = deal(ACME, newId(), 1);
    assertThatCode(
            () ->
                rules.checkBatch(
                    List.of(create(created, Optional.of("k1")), move(created, 2)), stored))
        .doesNotThrowAnyException();
  }

  @Test
  void aStaleExpectedVersionNamesBothVersions() {
    Deal current = deal(ACME, newId(), 3);
    stored.store(current);
    DealCommit stale = move(deal(ACME, current.id(), 2), 3);
    assertThatThrownBy(() -> rules.checkBatch(List.of(stale), stored))
        .isInstanceOfSatisfying(
            ConcurrentDealModificationException.class,
            e -> {
              assertThat(e.dealId()).isEqualTo(current.id());
              assertThat(e.expectedVersion()).isEqualTo(2);
              assertThat(e.actualVersion()).isEqualTo(3);
            });
  }

  @Test
  void aCreateOfAnExistingIdIsAVersionConflict() {
    Deal existing = deal(ACME, newId(), 1);
    stored.store(existing);
    assertThatThrownBy(() -> rules.checkBatch(List.of(create(existing, Optional.empty())), stored))
        .isInstanceOf(ConcurrentDealModificationException.class);
  }

  @Test
  void twoCreatesOfOneIdInABatchConflict() {
    Deal deal = deal(ACME, newId(), 1);
    assertThatThrownBy(
            () ->
                rules.checkBatch(
                    List.of(create(deal, Optional.empty()), create(deal, Optional.empty())),
                    stored))
        .isInstanceOf(ConcurrentDealModificationException.class);
  }

  @Test
  void eventsMustContinueTheStoredHistoryWithoutAGap() {
    Deal current = deal(ACME, newId(), 1);
    stored.store(current);
    assertThatThrownBy(() -> rules.checkBatch(List.of(move(current, 3)), stored))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not continue the history of " + current.id());
    assertThatThrownBy(() -> rules.checkBatch(List.of(move(current, 2, 4)), stored))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatCode(() -> rules.checkBatch(List.of(move(current, 2, 3)), stored))
        .doesNotThrowAnyException();
  }

  @Test
  void anEventOfAnotherDealIsRefused() {
    Deal deal = deal(ACME, newId(), 1);
    DealCommit foreign =
        new DealCommit(
            0,
            deal,
            List.of(event(newId(), 1, new Change.Created(deal))),
            List.of(),
            Optional.empty(),
            Optional.empty());
    assertThatThrownBy(() -> rules.checkBatch(List.of(foreign), stored))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rules.checkShape(foreign))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void recordsOfAnotherWorkspaceAreRefusedNamingTheField() {
    Deal foreign = deal(GLOBEX, newId(), 1);
    assertThatThrownBy(() -> rules.checkBatch(List.of(create(foreign, Optional.empty())), stored))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.getMessage()).contains("deal.workspace").contains("globex"));
    Activity activity =
        Activity.builder()
            .id(new ActivityId(UUID.randomUUID()))
            .workspace(GLOBEX)
            .account(new AccountId(UUID.randomUUID()))
            .type(ActivityType.CALL)
            .owner(REP)
            .subject("call")
            .occurredAt(T0)
            .recordedAt(T0)
            .build();
    assertThatThrownBy(() -> rules.checkActivities(List.of(activity)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.getMessage()).contains("activity.workspace"));
  }

  @Test
  void anIdempotencyKeyIsUsedOnce() {
    stored.keys.add("used");
    Deal a = deal(ACME, newId(), 1);
    Deal b = deal(ACME, newId(), 1);
    assertThatThrownBy(() -> rules.checkBatch(List.of(create(a, Optional.of("used"))), stored))
        .isInstanceOfSatisfying(
            DuplicateIdempotencyKeyException.class, e -> assertThat(e.key()).isEqualTo("used"));
    List<DealCommit> twice = List.of(create(a, Optional.of("k")), create(b, Optional.of("k")));
    assertThatThrownBy(() -> rules.checkBatch(twice, stored))
        .isInstanceOf(DuplicateIdempotencyKeyException.class);
    assertThatThrownBy(() -> rules.checkBatchShape(twice))
        .isInstanceOf(DuplicateIdempotencyKeyException.class);
  }

  @Test
  void theShapeOfACreateStartsAtSequenceOne() {
    Deal deal = deal(ACME, newId(), 1);
    DealCommit late =
        new DealCommit(
            0,
            deal,
            List.of(event(deal.id(), 2, new Change.Created(deal))),
            List.of(),
            Optional.empty(),
            Optional.empty());
    assertThatThrownBy(() -> rules.checkShape(late))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must have sequence 1, had 2");
    assertThatCode(() -> rules.checkShape(move(deal(ACME, deal.id(), 4), 5, 6)))
        .doesNotThrowAnyException();
  }

  @Test
  void aRetentionVersionMustFollowTheStoredOne() {
    AccountId account = new AccountId(UUID.randomUUID());
    CustomerRetention second =
        CustomerRetention.builder()
            .account(account)
            .workspace(ACME)
            .status(RetentionStatus.ACTIVE)
            .wonDeal(newId())
            .since(T0)
            .version(2)
            .build();
    assertThatThrownBy(() -> rules.checkRetention(second, 0))
        .isInstanceOfSatisfying(
            ConcurrentRetentionModificationException.class,
            e -> {
              assertThat(e.expectedVersion()).isEqualTo(1);
              assertThat(e.actualVersion()).isZero();
            });
    assertThatCode(() -> rules.checkRetention(second, 1)).doesNotThrowAnyException();
  }

  /** Issue 16: a create whose id another workspace's deal holds is refused like any id clash. */
  @Test
  void aCreateOfAnIdTakenElsewhereIsRefusedLikeAnyIdClash() {
    Deal mine = deal(ACME, newId(), 1);
    stored.store(mine);
    Deal theirs = deal(ACME, newId(), 1);
    stored.elsewhere.add(theirs.id());
    CommitRules rules = CommitRules.of(ACME);

    Throwable own =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> rules.checkBatch(List.of(create(mine, Optional.empty())), stored));
    assertThatThrownBy(() -> rules.checkBatch(List.of(create(theirs, Optional.empty())), stored))
        .isInstanceOfSatisfying(
            ConcurrentDealModificationException.class,
            e -> {
              assertThat(e.actualVersion()).isEqualTo(ConcurrentDealModificationException.ID_TAKEN);
              assertThat(e.expectedVersion()).isZero();
              assertThat(e.errorCode()).isEqualTo(((PipelineException) own).errorCode());
              assertThat(e.getMessage().replace(theirs.id().toString(), mine.id().toString()))
                  .isEqualTo(own.getMessage());
            });
    Deal fresh = deal(ACME, newId(), 1);
    assertThatThrownBy(
            () ->
                rules.checkBatch(
                    List.of(create(fresh, Optional.empty()), create(theirs, Optional.empty())),
                    stored))
        .isInstanceOf(ConcurrentDealModificationException.class);
    assertThatCode(() -> rules.checkBatch(List.of(create(fresh, Optional.empty())), stored))
        .doesNotThrowAnyException();
    // a store keeping the default answers false: the rule is not enforced there
    CommitRules.StoredState legacy =
        new CommitRules.StoredState() {
          @Override
          public long dealVersion(DealId deal) {
            return 0;
          }

          @Override
          public long lastEventSequence(DealId deal) {
            return 0;
          }

          @Override
          public boolean idempotencyKeyUsed(String key) {
            return false;
          }

          @Override
          public long retentionVersion(AccountId account) {
            return 0;
          }
        };
    assertThat(legacy.dealIdTakenElsewhere(theirs.id())).isFalse();
  }

  @Test
  void theSingleRulesNameTheirValues() {
    Deal current = deal(ACME, newId(), 2);
    DealCommit next = move(current, 3);
    assertThatCode(() -> CommitRules.checkVersion(next, 2)).doesNotThrowAnyException();
    assertThatThrownBy(() -> CommitRules.checkVersion(next, 5))
        .isInstanceOf(ConcurrentDealModificationException.class);
    assertThatCode(() -> CommitRules.checkContinues(next, 2)).doesNotThrowAnyException();
    assertThatThrownBy(() -> CommitRules.checkContinues(next, 1))
        .hasMessageContaining("event 3 of " + current.id());
  }
}
