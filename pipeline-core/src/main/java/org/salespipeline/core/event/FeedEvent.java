package org.salespipeline.core.event;

import java.util.Objects;
import java.util.function.Supplier;
import org.salespipeline.core.DealId;

/**
 * One committed event as the {@link EventFeed} hands it out: the event and its place in the
 * workspace's feed.
 *
 * <p>What a consumer needs to route and de-duplicate ({@link #position()}, {@link #eventId()},
 * {@link #dealId()}, {@link #sequence()}, {@link #type()}) is at hand without decoding the event; a
 * store may decode the full {@link #event()} on its first call only, so a consumer that skips an
 * event it has seen (or a type it ignores) never pays for decoding it. Immutable in what it returns
 * and thread-safe; two feed events are equal when position and event are.
 */
public final class FeedEvent {
  private final long position;
  private final DealId dealId;
  private final long sequence;
  private final String type;
  private Supplier<DealEvent> decoder;
  private volatile DealEvent event;

  private FeedEvent(
      long position, DealId dealId, long sequence, String type, Supplier<DealEvent> decoder) {
    if (position < 1) {
      throw new IllegalArgumentException("feed positions start at 1, was " + position);
    }
    this.position = position;
    this.dealId = Objects.requireNonNull(dealId, "dealId");
    this.sequence = sequence;
    this.type = Objects.requireNonNull(type, "type");
    this.decoder = decoder;
  }

  /**
   * A feed event of a decoded event.
   *
   * @param position where the event stands in the feed, from 1
   */
  public static FeedEvent of(long position, DealEvent event) {
    Objects.requireNonNull(event, "event");
    FeedEvent e = new FeedEvent(position, event.dealId(), event.sequence(), event.type(), null);
    e.event = event;
    return e;
  }

  /**
   * A feed event whose full event is decoded on the first call of {@link #event()} (for stores that
   * read the stored form).
   *
   * @param type the event's {@link DealEvent#type()}
   * @param decoder gives the event; called at most once, must agree with the other arguments
   */
  public static FeedEvent decodedOnDemand(
      long position, DealId dealId, long sequence, String type, Supplier<DealEvent> decoder) {
    return new FeedEvent(
        position, dealId, sequence, type, Objects.requireNonNull(decoder, "decoder"));
  }

  /**
   * Where the event stands in the feed of its workspace: an event committed after a read has a
   * higher position than every event that read returned, and each deal's events have growing
   * positions; positions may leave gaps but are never reused.
   */
  public long position() {
    return position;
  }

  /**
   * A stable id of the event for de-duplication by consumers: the deal id and the event's sequence
   * in the deal's history, for example {@code 0190c3f2-...-7b2a/3}. The same event has the same id
   * on every read; no two events of a workspace share one.
   */
  public String eventId() {
    return dealId + "/" + sequence;
  }

  /** The deal the event belongs to. */
  public DealId dealId() {
    return dealId;
  }

  /** The event's place in its deal's history, from 1. */
  public long sequence() {
    return sequence;
  }

  /** The kind of change, as {@link DealEvent#type()}. */
  public String type() {
    return type;
  }

  /**
   * The event.
   *
   * @throws org.salespipeline.core.StorageException if the stored form cannot be decoded
   */
  public DealEvent event() {
    DealEvent e = event;
    if (e == null) {
      synchronized (this) {
        e = event;
        if (e == null) {
          e = decoder.get();
          event = e;
          decoder = null;
        }
      }
    }
    return e;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeedEvent other
        && other.position == position
        && other.event().equals(event());
  }

  @Override
  public int hashCode() {
    return Long.hashCode(position) * 31 + eventId().hashCode();
  }

  @Override
  public String toString() {
    return "FeedEvent{position=" + position + ", eventId=" + eventId() + ", type=" + type + "}";
  }
}
