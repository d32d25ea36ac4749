package org.salespipeline.examples;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.salespipeline.core.Account;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.ConcurrentDealModificationException;
import org.salespipeline.core.CustomerRetention;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.CommitRules;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.DuplicateIdempotencyKeyException;
import org.salespipeline.examples.storage.ListingPipelineStore;

/**
 * A custom storage adapter at work: {@link ListingPipelineStore} is the in-memory store plus a
 * listing of accounts in order of first save (the SPI's own {@code findAccounts} lists them in id
 * order). The engine neither knows nor cares; the host reads the extra through the store it built.
 * The adapter's test is an empty leaf of pipeline-testkit's contract suite.
 *
 * <p>A store that keeps its own rows does not write the commit rules itself: {@link DealLedger}
 * shows the write path of such a store, where the SPI's {@link CommitRules} checks versions,
 * sequences, workspaces and idempotency keys against what the store answers as its {@link
 * CommitRules.StoredState}, before anything is written.
 */
public final class CustomStoreExample {
  private static final WorkspaceId ACME = WorkspaceId.of("acme");
  private static final UserId REP = UserId.of("rep");
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  private CustomStoreExample() {}

  /** Creates two accounts through the engine and lists them through the store. */
  public static List<String> run() {
    ListingPipelineStore store = new ListingPipelineStore();
    SalesPipeline pipeline = SalesPipeline.builder().store(store).workspace(ACME).build();
    pipeline.createAccount("Globex", Optional.of("manufacturing"), Optional.empty());
    pipeline.createAccount("Initech", Optional.of("software"), Optional.empty());
    return store.accounts(ACME).stream()
        .map(id -> store.workspace(ACME).account(id).orElseThrow())
        .map(Account::name)
        .toList();
  }

  /**
   * The write path of a host's own store: its rows in maps (a host would use its tables), the rules
   * from the SPI. Checks a whole batch, then applies it, under one lock: all or nothing.
   */
  static final class DealLedger implements CommitRules.StoredState {
    private final CommitRules rules;
    private final Map<DealId, Deal> deals = new HashMap<>();
    private final Map<DealId, List<DealEvent>> history = new HashMap<>();
    private final Set<String> keys = new HashSet<>();
    private final Map<AccountId, CustomerRetention> retention = new HashMap<>();

    DealLedger(WorkspaceId workspace) {
      this.rules = CommitRules.of(workspace);
    }

    synchronized void commitAll(List<DealCommit> commits) {
      rules.checkBatch(commits, this);
      for (DealCommit commit : commits) {
        deals.put(commit.deal().id(), commit.deal());
        history
            .computeIfAbsent(commit.deal().id(), id -> new ArrayList<>())
            .addAll(commit.events());
        commit.idempotencyKey().ifPresent(keys::add);
        commit.retention().ifPresent(r -> retention.put(r.account(), r));
      }
    }

    synchronized Optional<Deal> deal(DealId id) {
      return Optional.ofNullable(deals.get(id));
    }

    @Override
    public long dealVersion(DealId deal) {
      Deal stored = deals.get(deal);
      return stored == null ? 0 : stored.version();
    }

    @Override
    public long lastEventSequence(DealId deal) {
      return history.getOrDefault(deal, List.of()).size();
    }

    @Override
    public boolean idempotencyKeyUsed(String key) {
      return keys.contains(key);
    }

    @Override
    public long retentionVersion(AccountId account) {
      CustomerRetention stored = retention.get(account);
      return stored == null ? 0 : stored.version();
    }
  }

  /**
   * Commits a new deal into a {@link DealLedger}, then tries what the rules refuse: the same create
   * again, and a different deal under the same idempotency key.
   *
   * @return one line per attempt, saying what happened
   */
  public static List<String> rulesAtWork() {
    DealLedger ledger = new DealLedger(ACME);
    List<String> outcomes = new ArrayList<>();
    DealCommit create = create(deal(new DealId(UUID.randomUUID())), "import-1");
    ledger.commitAll(List.of(create));
    outcomes.add("created version " + ledger.deal(create.deal().id()).orElseThrow().version());
    try {
      ledger.commitAll(List.of(create));
    } catch (ConcurrentDealModificationException e) {
      outcomes.add("second create refused: stored version " + e.actualVersion());
    }
    try {
      ledger.commitAll(List.of(create(deal(new DealId(UUID.randomUUID())), "import-1")));
    } catch (DuplicateIdempotencyKeyException e) {
      outcomes.add("key " + e.key() + " refused: already used");
    }
    return outcomes;
  }

  private static Deal deal(DealId id) {
    return Deal.builder()
        .id(id)
        .workspace(ACME)
        .pipeline(StandardPipelines.NEW_BUSINESS)
        .stage(StandardPipelines.PROSPECTING)
        .status(DealStatus.OPEN)
        .name("Globex renewal")
        .owner(REP)
        .amount(Money.of(25_000, "USD"))
        .expectedCloseDate(LocalDate.of(2026, 6, 30))
        .forecastCategory(ForecastCategory.PIPELINE)
        .createdAt(NOW)
        .stageEnteredAt(NOW)
        .version(1)
        .lastEventSequence(1)
        .build();
  }

  private static DealCommit create(Deal deal, String key) {
    DealEvent created =
        new DealEvent(deal.id(), 1, 1, NOW, REP, Optional.of(key), new Change.Created(deal));
    return new DealCommit(0, deal, List.of(created), List.of(), Optional.empty(), Optional.of(key));
  }

  /** Prints the accounts and what the commit rules did. */
  public static void main(String[] args) {
    System.out.println("Accounts: " + run());
    rulesAtWork().forEach(System.out::println);
  }
}
