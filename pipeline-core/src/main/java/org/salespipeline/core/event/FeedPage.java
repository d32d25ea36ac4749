package org.salespipeline.core.event;

import java.util.List;

/**
 * One read of the {@link EventFeed}: committed events in feed order and the position to read on
 * from.
 *
 * @param events the events after the position that was asked for, at most the limit asked for, in
 *     feed order; empty when the consumer has caught up
 * @param nextPosition where the next read starts: the position of the last event, or the position
 *     that was asked for when there were none. Store it after handling the events
 */
public record FeedPage(List<FeedEvent> events, long nextPosition) {
  public FeedPage {
    events = List.copyOf(events);
    if (nextPosition < 0) {
      throw new IllegalArgumentException("feed positions are never negative, was " + nextPosition);
    }
  }

  /** A page of the events read after {@code afterPosition}. */
  public static FeedPage of(List<FeedEvent> events, long afterPosition) {
    return new FeedPage(
        events, events.isEmpty() ? afterPosition : events.get(events.size() - 1).position());
  }

  /** True when there was nothing new. */
  public boolean isEmpty() {
    return events.isEmpty();
  }
}
