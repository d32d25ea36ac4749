package org.salespipeline.core.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.Activity;
import org.salespipeline.core.ConcurrentDealModificationException;
import org.salespipeline.core.ConcurrentRetentionModificationException;
import org.salespipeline.core.CustomerRetention;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.PipelineException;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.Stage;

/**
 * The rules every store applies to a {@link DealCommit} before it writes anything, written once for
 * the in-memory store, the JDBC store and stores a host writes:
 *
 * <ul>
 *   <li>the deal, its activities and its retention record belong to the store's workspace, else
 *       {@link ValidationException} naming {@code <what>.workspace};
 *   <li>the commit's expected version is the stored version (0 when the deal does not exist, so a
 *       create of an existing id fails too), else {@link ConcurrentDealModificationException};
 *   <li>a create's deal id is not held by a deal of another workspace (deal ids are unique across
 *       the store, issue 16), else {@link ConcurrentDealModificationException} with {@link
 *       ConcurrentDealModificationException#ID_TAKEN} (see {@link #idTaken});
 *   <li>an idempotency key holds no lone UTF-16 surrogate (no store could keep it exactly), else
 *       {@link ValidationException} naming {@code idempotencyKey};
 *   <li>an idempotency key was not used before, in the store or earlier in the same batch, else
 *       {@link IdempotencyKeyReusedException} when both commands carry a fingerprint and they
 *       differ (another command reused the key), or {@link DuplicateIdempotencyKeyException} (a
 *       replay of the same command);
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
     * The command fingerprint stored with a used idempotency key.
     *
     * @param key the key
     * @return the fingerprint; empty when the key is unused or was stored without one (the default,
     *     for stores that keep no fingerprints)
     */
    default Optional<String> idempotencyFingerprint(String key) {
      return Optional.empty();
    }

    /**
     * Whether a deal of another workspace of the store holds this id. Asked once per create, after
     * the version rule passed. A store whose workspaces share nothing may keep the default (false),
     * but then two workspaces may hold deals with the same id.
     *
     * <p>A store that answers from state shared by all workspaces may reserve the id for this
     * workspace when it answers false, so that two workspaces creating one id at once cannot both
     * pass; it then releases the reservation if the batch is refused.
     *
     * @param deal the id of a deal about to be created
     * @return true when another workspace holds a deal with this id
     */
    default boolean dealIdTakenElsewhere(DealId deal) {
      return false;
    }

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
   * @throws ConcurrentDealModificationException if an expected version is not the current one, or a
   *     create's id is held by a deal of another workspace
   * @throws DuplicateIdempotencyKeyException if a key was used before or twice in the batch
   * @throws IdempotencyKeyReusedException if a key was used before or earlier in the batch by a
   *     command with another fingerprint
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
    Map<String, Optional<String>> keys = new HashMap<>();
    for (DealCommit commit : commits) {
      Deal deal = commit.deal();
      requireOwn(deal.workspace(), "deal");
      DealId id = deal.id();
      checkVersion(commit, versions.computeIfAbsent(id, stored::dealVersion));
      checkIdFree(commit, stored);
      versions.put(id, deal.version());
      if (commit.idempotencyKey().isPresent()) {
        String key = commit.idempotencyKey().get();
        checkKey(key);
        if (stored.idempotencyKeyUsed(key)) {
          throw refusedKey(key, stored.idempotencyFingerprint(key), commit.commandFingerprint());
        }
        checkNotInBatch(keys, commit);
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
    checkIdFree(commit, stored);
    if (commit.idempotencyKey().isPresent()) {
      String key = commit.idempotencyKey().get();
      checkKey(key);
      if (stored.idempotencyKeyUsed(key)) {
        throw refusedKey(key, stored.idempotencyFingerprint(key), commit.commandFingerprint());
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
   * @throws IdempotencyKeyReusedException if a key appears twice with different fingerprints
   */
  public void checkBatchShape(List<DealCommit> commits) {
    Map<String, Optional<String>> keys = new HashMap<>();
    for (DealCommit commit : commits) {
      checkShape(commit);
      if (commit.idempotencyKey().isPresent()) {
        checkNotInBatch(keys, commit);
      }
    }
  }

  private static void checkNotInBatch(Map<String, Optional<String>> keys, DealCommit commit) {
    String key = commit.idempotencyKey().get();
    if (keys.containsKey(key)) {
      throw refusedKey(key, keys.get(key), commit.commandFingerprint());
    }
    keys.put(key, commit.commandFingerprint());
  }

  /**
   * The error for a commit whose idempotency key was used before: {@link
   * IdempotencyKeyReusedException} when both fingerprints are known and differ, else {@link
   * DuplicateIdempotencyKeyException}. For stores whose database refused the key: read the stored
   * record's fingerprint back and throw what this returns.
   *
   * @param key the key
   * @param storedFingerprint the fingerprint stored with the key, empty when unknown
   * @param fingerprint the refused commit's fingerprint, empty when unknown
   * @return the exception to throw
   */
  public static PipelineException refusedKey(
      String key, Optional<String> storedFingerprint, Optional<String> fingerprint) {
    if (storedFingerprint.isPresent()
        && fingerprint.isPresent()
        && !storedFingerprint.get().equals(fingerprint.get())) {
      return new IdempotencyKeyReusedException(key, storedFingerprint.get(), fingerprint.get());
    }
    return new DuplicateIdempotencyKeyException(key);
  }

  /**
   * The replay rule, for the engine: a command whose key was used may take the first result only
   * when it is the same command.
   *
   * @param stored the record of the key's first command
   * @param fingerprint the fingerprint of the command now run, empty when unknown
   * @throws IdempotencyKeyReusedException if both fingerprints are known and differ
   */
  public static void checkReplay(IdempotencyRecord stored, Optional<String> fingerprint) {
    PipelineException refused = refusedKey(stored.key(), stored.commandFingerprint(), fingerprint);
    if (refused instanceof IdempotencyKeyReusedException reused) {
      throw reused;
    }
  }

  /**
   * The key rule: an idempotency key must be text every store keeps exactly, so it holds no lone
   * UTF-16 surrogate (PostgreSQL and MariaDB would store it as '?', making distinct keys collide).
   *
   * @param key the key
   * @throws ValidationException naming {@code idempotencyKey} if it holds a lone surrogate
   */
  public static void checkKey(String key) {
    requireWellFormed("idempotencyKey", key);
  }

  /**
   * The text rule for a pipeline a store saves: its name and its stages' display names hold no lone
   * UTF-16 surrogate (see {@link #requireWellFormed}).
   *
   * @param pipeline the pipeline
   * @throws ValidationException naming {@code pipeline.name} or {@code stage.displayName}
   */
  public static void checkPipeline(PipelineDefinition pipeline) {
    requireWellFormed("pipeline.name", pipeline.name());
    for (Stage stage : pipeline.stages()) {
      requireWellFormed("stage.displayName", stage.displayName());
    }
  }

  /**
   * The text rule for anything a store keeps as text and must give back exactly (keys, names): no
   * lone UTF-16 surrogate, which no UTF-8 database can store.
   *
   * @param field the field name for the error
   * @param value the text; null passes (required fields are checked elsewhere)
   * @throws ValidationException naming the field, the value and the index of the lone surrogate
   */
  public static void requireWellFormed(String field, String value) {
    if (value == null) {
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new ValidationException(
            FieldProblem.of(
                field,
                value,
                String.format(
                    "holds a lone UTF-16 surrogate U+%04X at index %d; it cannot be stored"
                        + " exactly",
                    (int) c, i)));
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
    commit.idempotencyKey().ifPresent(CommitRules::checkKey);
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

  private static void checkIdFree(DealCommit commit, StoredState stored) {
    if (commit.isCreate() && stored.dealIdTakenElsewhere(commit.deal().id())) {
      throw idTaken(commit.deal().id());
    }
  }

  /**
   * The error for a create whose deal id a deal of another workspace holds: the error of any id
   * clash, telling nothing of that deal (its workspace, fields or version).
   *
   * @param deal the id of the refused create
   * @return the exception to throw
   */
  public static ConcurrentDealModificationException idTaken(DealId deal) {
    return new ConcurrentDealModificationException(
        deal, 0, ConcurrentDealModificationException.ID_TAKEN);
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
    // why: indexed, so the usual empty list costs no iterator (issue 12)
    for (int i = 0; i < activities.size(); i++) {
      requireOwn(activities.get(i).workspace(), "activity");
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
