package org.salespipeline.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.salespipeline.core.command.ChangesDeal;
import org.salespipeline.core.command.CommandResult;
import org.salespipeline.core.command.DealCommand;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.event.PipelineListener;
import org.salespipeline.core.event.PipelineObserver;
import org.salespipeline.core.store.CommandFingerprint;
import org.salespipeline.core.store.CommitOutcomeUnknownException;
import org.salespipeline.core.store.CommitRules;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.DuplicateIdempotencyKeyException;
import org.salespipeline.core.store.IdempotencyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The way every deal command goes once its input is checked: replay a used idempotency key, load
 * the deal and check its version and status, let the command draft its changes, commit them all or
 * nothing, and tell the listeners.
 */
final class CommandRunner {
  // why: logged under the facade's name, as before the split, so hosts' logging settings still
  // apply
  private static final Logger LOG = LoggerFactory.getLogger(SalesPipeline.class);

  private final EngineContext context;

  CommandRunner(EngineContext context) {
    this.context = context;
  }

  /** Runs a command on the deal it names; see {@link #run}. */
  CommandResult onDeal(
      ChangesDeal command, String name, boolean requireOpen, Consumer<Draft> body) {
    return run(command.deal(), command, command.expectedVersion(), name, requireOpen, body);
  }

  /** Runs a command on a deal; its key's first use is replayed only for the same command. */
  CommandResult run(
      DealId dealId,
      DealCommand command,
      OptionalLong expectedVersion,
      String name,
      boolean requireOpen,
      Consumer<Draft> body) {
    return run(dealId, command.actor(), keyed(command), expectedVersion, name, requireOpen, body);
  }

  /** The command's key with its fingerprint; one shared value for the usual unkeyed command. */
  private static Keyed keyed(DealCommand command) {
    Optional<String> key = command.idempotencyKey();
    return key.isEmpty() ? Keyed.NONE : new Keyed(key, fingerprint(command));
  }

  private static Keyed keyed(Optional<String> key) {
    return key.isEmpty() ? Keyed.NONE : new Keyed(key, Optional.empty());
  }

  /** Runs a command without a fingerprint (a reused key is replayed whatever the command). */
  CommandResult run(
      DealId dealId,
      UserId actor,
      Optional<String> key,
      OptionalLong expectedVersion,
      String name,
      boolean requireOpen,
      Consumer<Draft> body) {
    return run(dealId, actor, keyed(key), expectedVersion, name, requireOpen, body);
  }

  /**
   * A command's idempotency key with its fingerprint (issue 14: a key reused by another command is
   * refused, not replayed).
   */
  private record Keyed(Optional<String> key, Optional<String> fingerprint) {
    /** No key: nothing to replay, nothing to store. */
    static final Keyed NONE = new Keyed(Optional.empty(), Optional.empty());
  }

  private static Optional<String> fingerprint(DealCommand command) {
    // why: hashing only keyed commands keeps unkeyed ones at their old cost
    return command.idempotencyKey().map(k -> CommandFingerprint.of(command));
  }

  /**
   * Runs a command on an existing deal: {@code body} adds the command's changes to a draft of the
   * deal; nothing is written when it throws or adds nothing.
   *
   * @param name the command's name, for errors and the log
   * @param requireOpen whether a closed deal refuses the command
   */
  private CommandResult run(
      DealId dealId,
      UserId actor,
      Keyed keyed,
      OptionalLong expectedVersion,
      String name,
      boolean requireOpen,
      Consumer<Draft> body) {
    if (context.observer() == PipelineObserver.none()) {
      // why: without an observer, no supplier to capture seven values in (issue 12)
      return attempts(dealId, actor, keyed, expectedVersion, name, requireOpen, body);
    }
    return observed(
        name, () -> attempts(dealId, actor, keyed, expectedVersion, name, requireOpen, body));
  }

  /** {@link #attempt}, retried on a lost race when the command named no expected version. */
  private CommandResult attempts(
      DealId dealId,
      UserId actor,
      Keyed keyed,
      OptionalLong expectedVersion,
      String name,
      boolean requireOpen,
      Consumer<Draft> body) {
    int maxAttempts = expectedVersion.isPresent() ? 1 : context.retries().maxAttempts();
    for (int attempt = 1; ; attempt++) {
      try {
        return attempt(dealId, actor, keyed, expectedVersion, name, requireOpen, body)
            .withAttempts(attempt);
      } catch (ConcurrentDealModificationException e) {
        // why: a command without an expected version asked for no version check, so a writer
        // that got in between is no reason to fail it; redraft on the fresh deal
        if (attempt >= maxAttempts) {
          throw e;
        }
        context.observer().commandRetried(name, attempt);
        pause(context.retries().jitteredBackoffNanos(attempt, ThreadLocalRandom.current()), e);
      }
    }
  }

  /** Runs a command through the observer (metrics, traces). */
  CommandResult observed(String name, Supplier<CommandResult> command) {
    return context.observer().observeCommand(name, command);
  }

  /** Waits before a retry; an interrupt ends the retries with the conflict. */
  private static void pause(long nanos, ConcurrentDealModificationException conflict) {
    if (nanos <= 0) {
      return;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw conflict;
    }
  }

  /** One attempt of {@link #run}. */
  private CommandResult attempt(
      DealId dealId,
      UserId actor,
      Keyed keyed,
      OptionalLong expectedVersion,
      String name,
      boolean requireOpen,
      Consumer<Draft> body) {
    Optional<String> key = keyed.key();
    Optional<CommandResult> replayed = replay(keyed);
    if (replayed.isPresent()) {
      return replayed.get();
    }
    Deal deal;
    Draft draft;
    // why: read before the deal, not after: the system clock is a native call whose return to
    // Java waits for the memory accesses in flight, and the deal read's cache misses are the
    // longest of a command (issue 12)
    Instant now = context.now();
    try {
      deal = context.requireDeal(dealId);
      if (expectedVersion.isPresent() && expectedVersion.getAsLong() != deal.version()) {
        throw new ConcurrentDealModificationException(
            dealId, expectedVersion.getAsLong(), deal.version());
      }
      if (requireOpen && !deal.isOpen()) {
        throw new ClosedDealException(dealId, deal.status(), name);
      }
      draft = new Draft(deal, now, actor, key);
      body.accept(draft);
    } catch (PipelineException e) {
      // why: a replay of this command may have committed between our key check and our read; the
      // command then fails against the state it produced itself, and the caller wants its result.
      Optional<CommandResult> raced = replay(keyed);
      if (raced.isPresent()) {
        return raced.get();
      }
      throw e;
    }
    if (draft.isEmpty()) {
      return replay(keyed).orElseGet(() -> new CommandResult(deal, List.of(), false));
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} on deal {} by {}: {} event(s)", name, dealId, actor, draft.events().size());
    }
    return commit(
        deal.version(),
        draft.current(),
        draft.events(),
        draft.activities(),
        draft.retentionChange(),
        keyed);
  }

  /**
   * Commits a command's deal with its events, the command's fingerprint stored with its key; a
   * taken idempotency key or a lost race with a replay of the same command gives the first
   * command's result.
   *
   * @param expectedVersion the deal's version before the command, 0 for a new deal
   */
  CommandResult commit(
      long expectedVersion,
      Deal after,
      List<DealEvent> events,
      List<Activity> activities,
      Optional<CustomerRetention> retention,
      DealCommand command) {
    return commit(expectedVersion, after, events, activities, retention, keyed(command));
  }

  private CommandResult commit(
      long expectedVersion,
      Deal after,
      List<DealEvent> events,
      List<Activity> activities,
      Optional<CustomerRetention> retention,
      Keyed keyed) {
    DealCommit commit =
        new DealCommit(
            expectedVersion,
            after,
            events,
            activities,
            retention,
            keyed.key(),
            keyed.fingerprint());
    try {
      context.ws().commit(commit);
    } catch (CommitOutcomeUnknownException e) {
      if (!resolve(commit, keyed, e)) {
        throw new StorageException(
            "the command on deal "
                + after.id()
                + " was not committed (the connection was lost while committing; read back: not"
                + " written); nothing was written, it is safe to retry",
            e);
      }
    } catch (DuplicateIdempotencyKeyException e) {
      return replay(keyed).orElseThrow(() -> e);
    } catch (ConcurrentDealModificationException e) {
      // why: two replays of one command race; the loser sees a conflict but the key is now taken.
      Optional<CommandResult> replayed = replay(keyed);
      if (replayed.isPresent()) {
        return replayed.get();
      }
      throw e;
    }
    // why: the commit holds an immutable copy of the events; the result shares it, not a second
    notifyListeners(after, commit.events());
    return new CommandResult(after, commit.events(), false);
  }

  /**
   * Finds out whether a commit whose outcome the store could not know was written (issue 14, item
   * 5): by its idempotency key when it has one (the key is written in the same transaction), else
   * by the deal's history (its events at their sequences). The failed transaction has been rolled
   * back or its connection closed by then, so an unchanged deal means it was not written.
   *
   * @return true if it was written, false if it surely was not
   * @throws CommitOutcomeUnknownException if it cannot tell: the read-back failed, or other events
   *     hold the commit's sequences (from a command that followed it, or one that won instead)
   */
  private boolean resolve(DealCommit commit, Keyed keyed, CommitOutcomeUnknownException unknown) {
    DealId id = commit.deal().id();
    try {
      if (keyed.key().isPresent()) {
        Optional<IdempotencyRecord> record = context.ws().idempotencyRecord(keyed.key().get());
        boolean written =
            record.isPresent()
                && record.get().dealId().equals(id)
                && record.get().dealVersion() == commit.deal().version();
        if (record.isPresent() && !written) {
          throw unknown; // why: the key was taken by another command; not ours to decide here
        }
        LOG.warn(
            "commit of deal {} lost its connection; read back by idempotency key: {}",
            id,
            written ? "committed" : "not committed");
        return written;
      }
      if (commit.events().isEmpty()) {
        throw unknown;
      }
      List<DealEvent> history = context.ws().history(id);
      long first = commit.events().get(0).sequence();
      long last = commit.events().get(commit.events().size() - 1).sequence();
      if (history.size() < first) {
        LOG.warn("commit of deal {} lost its connection; read back by history: not committed", id);
        return false;
      }
      if (history.size() >= last
          && history.subList((int) first - 1, (int) last).equals(commit.events())) {
        LOG.warn("commit of deal {} lost its connection; read back by history: committed", id);
        return true;
      }
    } catch (CommitOutcomeUnknownException e) {
      throw e;
    } catch (RuntimeException e) {
      unknown.addSuppressed(e);
    }
    throw unknown;
  }

  /**
   * Tells every listener about committed events once the store says they are committed for good
   * ({@link org.salespipeline.core.store.PipelineStore#afterCommit}: at once, or after a host's
   * transaction commits, never if it rolls back); a failing listener is logged and skipped, and the
   * next one still hears the events.
   */
  void notifyListeners(Deal deal, List<DealEvent> events) {
    if (context.listeners().isEmpty()) {
      return;
    }
    context.store().afterCommit(() -> deliver(deal, events));
  }

  private void deliver(Deal deal, List<DealEvent> events) {
    for (PipelineListener listener : context.listeners()) {
      try {
        listener.onCommitted(events);
      } catch (Throwable e) {
        // why: the commit stands whatever a listener does; reporting failure (an Error, or a
        // checked exception thrown sneakily) would make the caller retry or give up on a command
        // that is already written, and stop an import half-way (issue 14, item 4)
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        LOG.error(
            "pipeline listener {} failed on deal {}; the command stays committed",
            listener,
            deal.id(),
            e);
      }
    }
  }

  /**
   * The first result of the command that used the key: the deal rebuilt from its history up to the
   * version that command produced, and that command's events. Empty if the key is new.
   */
  Optional<CommandResult> replay(Optional<String> key) {
    return replay(keyed(key));
  }

  /**
   * {@link #replay} for a command: the first result only if the key's first command had the same
   * fingerprint.
   *
   * @throws org.salespipeline.core.store.IdempotencyKeyReusedException if another command used the
   *     key
   */
  Optional<CommandResult> replay(DealCommand command) {
    return replay(keyed(command));
  }

  private Optional<CommandResult> replay(Keyed keyed) {
    if (keyed.key().isEmpty()) {
      return Optional.empty();
    }
    Optional<IdempotencyRecord> record = context.ws().idempotencyRecord(keyed.key().get());
    if (record.isEmpty()) {
      return Optional.empty();
    }
    CommitRules.checkReplay(record.get(), keyed.fingerprint());
    long version = record.get().dealVersion();
    List<DealEvent> history = context.ws().history(record.get().dealId());
    List<DealEvent> upTo = history.stream().filter(e -> e.dealVersion() <= version).toList();
    List<DealEvent> own = upTo.stream().filter(e -> e.dealVersion() == version).toList();
    return Optional.of(new CommandResult(DealHistory.replay(upTo), own, true));
  }
}
