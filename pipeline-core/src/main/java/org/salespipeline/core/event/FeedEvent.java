package org.salespipeline.core.event;

import java.util.Objects;

/**
 * One committed event as the {@link EventFeed} hands it out: the event and its place in the
 * workspace's commit order.
 *
 * @param position where the event stands in the feed of its workspace: positions grow in commit
 *     order (a later commit has higher positions), events of one commit follow each other in
 *     sequence order; positions may leave gaps but are never reused
 * @param event the event
 */
public record FeedEvent(long position, DealEvent event) {
  public FeedEvent {
    Objects.requireNonNull(event, "event");
    if (position < 1) {
      throw new IllegalArgumentException("feed positions start at 1, was " + position);
    }
  }

  /**
   * A stable id of the event for de-duplication by consumers: the deal id and the event's sequence
   * in the deal's history, for example {@code 0190c3f2-...-7b2a/3}. The same event has the same id
   * on every read; no two events of a workspace share one.
   */
  public String eventId() {
    return event.dealId() + "/" + event.sequence();
  }
}
