package org.salespipeline.core.event;

import java.util.Objects;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * Every committed event of one workspace, from a position a consumer stores durably: the way
 * integrations (CRM sync, webhooks, search indexes) receive each event even across their own
 * crashes, unlike a {@link PipelineListener}, which is in-process.
 *
 * <pre>{@code
 * long position = checkpoints.load();              // 0 (START) the first time
 * FeedPage page = pipeline.feed().read(position, 500);
 * for (FeedEvent e : page.events()) {
 *   searchIndex.apply(e.eventId(), e.event());     // idempotent by eventId
 * }
 * checkpoints.save(page.nextPosition());           // after handling: at least once
 * }</pre>
 *
 * <p>Guarantees: a read returns only committed events, each deal's in sequence order; an event
 * committed after a read gets a higher position than any that read returned, so a read after {@code
 * p} never misses one, including an event of a slower transaction that was still running while
 * later ones committed (stores number events once committed, never when they are written). Events
 * committed at about the same time may come in any order across deals. Delivery is at least once: a
 * consumer that crashes between handling events and storing its position reads them again, with the
 * same {@link FeedEvent#eventId()}.
 *
 * <p>Immutable and thread-safe; each read is one query of the store.
 */
public final class EventFeed {
  /** The position before the first event: read from here to get the whole history. */
  public static final long START = 0;

  /** The largest number of events one read returns. */
  public static final int MAX_LIMIT = 10_000;

  private final WorkspaceStore store;

  private EventFeed(WorkspaceStore store) {
    this.store = store;
  }

  /** The feed of the workspace this store view is bound to. */
  public static EventFeed of(WorkspaceStore store) {
    return new EventFeed(Objects.requireNonNull(store, "store"));
  }

  /**
   * The next committed events after {@code afterPosition}, at most {@code limit}.
   *
   * @param afterPosition {@link #START} or a {@link FeedPage#nextPosition()} read before
   * @param limit 1 to {@link #MAX_LIMIT}
   * @throws ValidationException naming {@code afterPosition} or {@code limit} when out of range
   * @throws org.salespipeline.core.StorageException if the storage fails
   */
  public FeedPage read(long afterPosition, int limit) {
    if (afterPosition < 0) {
      throw new ValidationException(
          FieldProblem.of("afterPosition", afterPosition, "must be 0 (START) or a read position"));
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ValidationException(FieldProblem.of("limit", limit, "must be 1 to " + MAX_LIMIT));
    }
    return store.readFeed(afterPosition, limit);
  }

  /** The workspace's feed, read from the start. */
  public FeedPage readFromStart(int limit) {
    return read(START, limit);
  }
}
