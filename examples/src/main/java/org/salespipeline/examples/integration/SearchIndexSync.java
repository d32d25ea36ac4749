package org.salespipeline.examples.integration;

import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.event.EventFeed;
import org.salespipeline.core.event.FeedEvent;
import org.salespipeline.core.event.FeedPage;

/**
 * An integration fed by the event feed (the README's "Event feed" example): it catches a search
 * index up with every committed event, storing its position after each page, so that after a crash
 * it resumes where it last stored, receiving at most one page again.
 */
public final class SearchIndexSync {
  /** Where the consumer keeps its position durably: in a real host, a row of its own database. */
  public interface Checkpoints {
    /** The stored position, {@link EventFeed#START} the first time. */
    long load(String consumer);

    void save(String consumer, long position);
  }

  /** The integration's target; {@code apply} must be idempotent by event id. */
  public interface SearchIndex {
    void apply(String eventId, DealEvent event);
  }

  private SearchIndexSync() {}

  /**
   * Reads the feed from the stored position to the end, applying each event to the index.
   *
   * @return the position stored last
   */
  public static long catchUp(SalesPipeline pipeline, Checkpoints checkpoints, SearchIndex index) {
    // --- README feed begins
    long position = checkpoints.load("search-index"); // EventFeed.START the first time
    FeedPage page = pipeline.feed().read(position, 500);
    while (!page.isEmpty()) {
      for (FeedEvent e : page.events()) {
        index.apply(e.eventId(), e.event()); // at least once: de-duplicate by eventId
      }
      checkpoints.save("search-index", page.nextPosition()); // after handling, never before
      page = pipeline.feed().read(page.nextPosition(), 500);
    }
    // --- README feed ends
    return page.nextPosition();
  }
}
