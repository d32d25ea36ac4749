package org.salespipeline.core.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.Activity;
import org.salespipeline.core.ConcurrentDealModificationException;
import org.salespipeline.core.ConcurrentRetentionModificationException;
import org.salespipeline.core.CustomerRetention;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.DealEvent;

/**
 * The rules every store applies to a {@link DealCommit} before it writes anything, written once for
 * the in-memory store, the JDBC store and stores a host writes:
 *
 * <ul>
 *   <li>the deal, its activities and its retention record belong to the store's workspace, else
 *       {@link ValidationException} naming {@code <what>.workspace};
 *   <li>the commit's expected version is the stored version (0 when the deal does not exist, so a
 *       create of an existing id fails too), else {@link ConcurrentDealModificationException};
 *   <li>an idempotency key was not used before, in the store or earlier in the same batch, else
 *       {@link DuplicateIdempotencyKeyException};
 *   <li>every event is the deal's, and the sequences continue the stored history without a gap (a
 *       new deal's history starts at 1), else {@link IllegalArgumentException};
 *   <li>a retention record raises the stored retention version by one, else {@link
 *       ConcurrentRetentionModificationException}.
 * </ul>
 *
 * <p>A store that holds its state at hand checks a whole batch with {@link #checkBatch} under its
 * write lock and then applies it; nothing is written when a rule fails. A store whose database
 * checks the stored state itself (a conditional {@code UPDATE ... WHERE version = ?}, unique keys)
 * checks what needs no stored state with {@link #checkBatchShape} before its transaction, and, when
 * the database refuses, names the broken rule with {@link #checkVersion} and {@link
 * #checkContinues} against what it reads back.
 *
 * <p>Instances are bound to one workspace, immutable and thread-safe; {@link #checkBatch} and
 * {@link #checkBatchShape} keep their batch state on the stack. No argument may be null.
 */
public final class CommitRules {
  /**
   * What a store holds before a batch, read by {@link #checkBatch}. Implementations answer from the
   * store's current state; they are called under whatever lock the store holds.
   */
  public interface StoredState {
    /**
     * The stored version of a deal.
     *
     * @param deal the deal
     * @return its version, 0 when the store has no such deal
     */
    long dealVersion(DealId deal);

    /**
     * The sequence of the last stored event of a deal.
     *
     * @param deal the deal
     * @return the sequence, 0 when the deal has no history
     */
    long lastEventSequence(DealId deal);

    /**
     * Whether a command with this idempotency key was committed before.
     *
     * @param key the key
     * @return true when it was used
     */
    boolean idempotencyKeyUsed(String key);

    /**
     * The stored version of an account's retention record.
     *
     * @param account the account
     * @return its version, 0 when the account has none
     */
    long retentionVersion(AccountId account);
  }

  private final WorkspaceId workspace;

  private CommitRules(WorkspaceId workspace) {
    this.workspace = Objects.requireNonNull(workspace, "workspace");
  }

  /**
   * The rules for the stores of one workspace.
   *
   * @param workspace the workspace every record must belong to
   * @return the rules
   */
  public static CommitRules of(WorkspaceId workspace) {
    return new CommitRules(workspace);
  }

  /** The workspace these rules hold records to. */
  public WorkspaceId workspace() {
    return workspace;
  }

  /**
   * Checks a batch against the stored state, commit by commit, as if each earlier commit of the
   * batch had been applied (several commits of one deal chain their versions and sequences). Call
   * it before writing anything; when it returns, every rule holds for every commit.
   *
   * @param commits the commits in the order they will be applied
   * @param stored the store's state before the batch
   * @throws ValidationException if a record belongs to another workspace
   * @throws ConcurrentDealModificationException if an expected version is not the current one
   * @throws DuplicateIdempotencyKeyException if a key was used before or twice in the batch
   * @throws IllegalArgumentException if events are another deal's or leave a gap
   * @throws ConcurrentRetentionModificationException if a retention version does not follow on
   */
  public void checkBatch(List<DealCommit> commits, StoredState stored) {
    Objects.requireNonNull(stored, "stored");
    if (commits.size() == 1) {
      // why: the engine commits one deal per command; the batch maps below are most of the cost
      checkOne(commits.get(0), stored);
      return;
    }
    Map<DealId, Long> versions = new HashMap<>();
    Map<DealId, Long> sequences = new HashMap<>();
    Map<AccountId, Long> retentions = new HashMap<>();
    Set<String> keys = new HashSet<>();
    for (DealCommit commit : commits) {
      Deal deal = commit.deal();
      requireOwn(deal.workspace(), "deal");
      DealId id = deal.id();
      checkVersion(commit, versions.computeIfAbsent(id, stored::dealVersion));
      versions.put(id, deal.version());
      if (commit.idempotencyKey().isPresent()) {
        String key = commit.idempotencyKey().get();
        if (stored.idempotencyKeyUsed(key) || !keys.add(key)) {
          throw new DuplicateIdempotencyKeyException(key);
        }
      }
      checkContinues(commit, sequences.computeIfAbsent(id, stored::lastEventSequence));
      sequences.put(id, lastSequence(commit));
      checkActivities(commit.activities());
      if (commit.retention().isPresent()) {
        CustomerRetention next = commit.retention().get();
        checkRetention(next, retentions.computeIfAbsent(next.account(), stored::retentionVersion));
        retentions.put(next.account(), next.version());
      }
    }
  }

  /** {@link #checkBatch} for a batch of one, in the same order of rules. */
  private void checkOne(DealCommit commit, StoredState stored) {
    Deal deal = commit.deal();
    requireOwn(deal.workspace(), "deal");
    DealId id = deal.id();
    checkVersion(commit, stored.dealVersion(id));
    if (commit.idempotencyKey().isPresent()) {
      String key = commit.idempotencyKey().get();
      if (stored.idempotencyKeyUsed(key)) {
        throw new DuplicateIdempotencyKeyException(key);
      }
    }
    checkContinues(commit, stored.lastEventSequence(id));
    checkActivities(commit.activities());
    if (commit.retention().isPresent()) {
      CustomerRetention next = commit.retention().get();
      checkRetention(next, stored.retentionVersion(next.account()));
    }
  }

  /**
   * Checks what a batch says about itself, without stored state: workspaces, events belonging to
   * their deal without gaps (a create's starting at 1), and no idempotency key twice in the batch.
   * For stores whose database checks versions, stored sequences and stored keys in the write.
   *
   * @param commits the commits
   * @throws ValidationException if a record belongs to another workspace
   * @throws IllegalArgumentException if events are another deal's, leave a gap, or a create's do
   *     not start at 1
   * @throws DuplicateIdempotencyKeyException if a key appears twice in the batch
   */
  public void checkBatchShape(List<DealCommit> commits) {
    Set<String> keys = new HashSet<>();
    for (DealCommit commit : commits) {
      checkShape(commit);
      if (commit.idempotencyKey().isPresent() && !keys.add(commit.idempotencyKey().get())) {
        throw new DuplicateIdempotencyKeyException(commit.idempotencyKey().get());
      }
    }
  }

  /**
   * Checks what one commit says about itself (see {@link #checkBatchShape}).
   *
   * @param commit the commit
   * @throws ValidationException if a record belongs to another workspace
   * @throws IllegalArgumentException if events are another deal's, leave a gap, or a create's do
   *     not start at 1
   */
  public void checkShape(DealCommit commit) {
    requireOwn(commit.deal().workspace(), "deal");
    long first = commit.events().get(0).sequence();
    if (commit.isCreate() && first != 1) {
      throw new IllegalArgumentException(
          "the first event of new deal "
              + commit.deal().id()
              + " must have sequence 1, had "
              + first);
    }
    checkContinues(commit, first - 1);
    checkActivities(commit.activities());
    commit.retention().ifPresent(r -> requireOwn(r.workspace(), "retention"));
  }

  /**
   * The version rule: a commit must be based on the stored version; a create (expected version 0)
   * of a deal that exists fails too.
   *
   * @param commit the commit
   * @param storedVersion the deal's stored version, 0 when it does not exist
   * @throws ConcurrentDealModificationException naming the deal and both versions, if they differ
   */
  public static void checkVersion(DealCommit commit, long storedVersion) {
    if (storedVersion != commit.expectedVersion()) {
      throw new ConcurrentDealModificationException(
          commit.deal().id(), commit.expectedVersion(), storedVersion);
    }
  }

  /**
   * The history rule: every event is the deal's and the sequences run on from the stored history
   * without a gap.
   *
   * @param commit the commit
   * @param storedLastSequence the sequence of the deal's last stored event, 0 when none
   * @throws IllegalArgumentException naming the event and the deal, if an event does not continue
   */
  public static void checkContinues(DealCommit commit, long storedLastSequence) {
    DealId deal = commit.deal().id();
    long next = storedLastSequence + 1;
    for (DealEvent event : commit.events()) {
      if (!event.dealId().equals(deal) || event.sequence() != next++) {
        throw new IllegalArgumentException(
            "event "
                + event.sequence()
                + " of "
                + event.dealId()
                + " does not continue the history of "
                + deal);
      }
    }
  }

  /**
   * The retention rule: the record is the workspace's and raises the stored version by one.
   *
   * @param next the record to write
   * @param storedVersion the stored version, 0 when the account has none
   * @throws ValidationException if the record belongs to another workspace
   * @throws ConcurrentRetentionModificationException if {@code next.version() - 1} is not the
   *     stored version
   */
  public void checkRetention(CustomerRetention next, long storedVersion) {
    requireOwn(next.workspace(), "retention");
    if (storedVersion != next.version() - 1) {
      throw new ConcurrentRetentionModificationException(
          next.account(), next.version() - 1, storedVersion);
    }
  }

  /**
   * The ownership rule for activities written beside a commit or a retention change.
   *
   * @param activities the activities
   * @throws ValidationException naming {@code activity.workspace} if one is another workspace's
   */
  public void checkActivities(List<Activity> activities) {
    for (Activity activity : activities) {
      requireOwn(activity.workspace(), "activity");
    }
  }

  /**
   * The ownership rule: a record must belong to this workspace.
   *
   * @param recordWorkspace the record's workspace
   * @param what the kind of record, used as the field name {@code <what>.workspace}
   * @throws ValidationException if the workspaces differ
   */
  public void requireOwn(WorkspaceId recordWorkspace, String what) {
    if (!workspace.equals(recordWorkspace)) {
      throw new ValidationException(
          FieldProblem.of(
              what + ".workspace", recordWorkspace, "does not belong to workspace " + workspace));
    }
  }

  private static long lastSequence(DealCommit commit) {
    return commit.events().get(commit.events().size() - 1).sequence();
  }
}
