package org.salespipeline.jdbc.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.salespipeline.core.DealId;
import org.salespipeline.core.StorageException;
import org.salespipeline.core.UserId;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.event.FeedEvent;
import org.salespipeline.core.event.FeedPage;
import org.salespipeline.core.store.DealCommit;
import org.salespipeline.core.store.EventQuery;

/**
 * The deal events table: the history, append-only. The {@code occurred_at} column holds the instant
 * at microseconds for range queries; the payload keeps it exactly.
 */
final class EventTable {
  private static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

  private final TableContext t;

  EventTable(TableContext t) {
    this.t = t;
  }

  /** Appends events with their encoded payloads, inside the caller's transaction. */
  void insert(Connection c, List<DealEvent> events, List<String> payloads) throws SQLException {
    try (NamedStatement s = t.prepare(c, Sql.INSERT_EVENT)) {
      for (int i = 0; i < events.size(); i++) {
        DealEvent e = events.get(i);
        s.text("workspace", t.ws())
            .text("deal", e.dealId().toString())
            .number("sequence", e.sequence())
            .number("dealVersion", e.dealVersion())
            .instant("occurredAt", e.at())
            .text("actor", e.actor().value())
            .text("key", e.idempotencyKey())
            .text("changeType", Codec.changeType(e.change()))
            .text("payload", payloads.get(i));
        if (events.size() == 1) {
          s.executeUpdate(); // why: most commands append one event; skip batch overhead
          return;
        }
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  List<DealEvent> history(DealId dealId) {
    return t.tx()
        .read(
            "reading the history of deal " + dealId,
            c -> {
              List<DealEvent> out = new ArrayList<>();
              try (NamedStatement s = t.prepare(c, Sql.SELECT_HISTORY)) {
                s.text("workspace", t.ws()).text("deal", dealId.toString());
                try (ResultSet rs = s.executeQuery()) {
                  while (rs.next()) {
                    out.add(event(rs));
                  }
                }
              }
              return List.copyOf(out);
            });
  }

  Stream<DealEvent> stream(EventQuery query) {
    // why: the column holds microseconds; bound by the truncated instants, then filter exactly
    Instant from = query.from().orElse(MIN_INSTANT);
    Instant until = query.until().orElse(MAX_INSTANT);
    return t.streams()
        .open(
            "streaming events",
            t.sql().of(Sql.SELECT_EVENTS),
            s ->
                s.text("workspace", t.ws())
                    .instant("from", clamp(from))
                    .instant("until", clamp(until)),
            EventTable::event)
        .filter(query::matches);
  }

  /**
   * Gives the events of the transaction's commits their feed positions; the last write of a
   * commit's transaction. Advancing the workspace's counter locks its row until the transaction
   * ends, so the positions taken here are higher than those of every transaction that committed
   * before, and lower than those of every transaction committing after: feed order is commit order.
   * Taken last, so the lock is held for the shortest time and the transaction waits for nothing
   * else while it holds it (no deadlock with the deal rows and keys other commits hold).
   */
  void stampFeedPositions(Connection c, List<DealCommit> commits) throws SQLException {
    long count = 0;
    for (DealCommit commit : commits) {
      count += commit.events().size();
    }
    if (count == 0) {
      return;
    }
    try (NamedStatement s = t.prepare(c, Sql.ADVANCE_FEED)) {
      s.number("count", count).text("workspace", t.ws());
      if (s.executeUpdate() != 1) {
        throw new StorageException("workspace " + t.ws() + " has no row in the workspaces table");
      }
    }
    long last;
    try (NamedStatement s = t.prepare(c, Sql.SELECT_FEED_LAST)) {
      s.text("workspace", t.ws());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        last = rs.getLong(1);
      }
    }
    long next = last - count + 1;
    try (NamedStatement s = t.prepare(c, Sql.STAMP_FEED_POSITIONS)) {
      for (DealCommit commit : commits) {
        List<DealEvent> events = commit.events();
        long first = events.get(0).sequence();
        s.number("offset", next - first)
            .text("workspace", t.ws())
            .text("deal", commit.deal().id().toString())
            .number("first", first)
            .number("last", events.get(events.size() - 1).sequence());
        next += events.size();
        if (commits.size() == 1) {
          s.executeUpdate();
          return;
        }
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** The committed events after a feed position, in feed order. */
  FeedPage feed(long after, int limit) {
    return t.tx()
        .read(
            "reading the event feed",
            c -> {
              List<FeedEvent> out = new ArrayList<>(Math.min(limit, 1024));
              try (NamedStatement s = t.prepare(c, Sql.SELECT_FEED)) {
                s.text("workspace", t.ws()).number("after", after).number("limit", limit);
                try (ResultSet rs = s.executeQuery()) {
                  while (rs.next()) {
                    out.add(feedEvent(rs));
                  }
                }
              }
              return FeedPage.of(out, after);
            });
  }

  /**
   * A feed event from a row; the payload is decoded when the consumer asks for the event, so that
   * routing and de-duplication by id and type cost no decoding.
   */
  private static FeedEvent feedEvent(ResultSet rs) throws SQLException {
    DealId deal = DealId.of(rs.getString(1));
    long sequence = rs.getLong(2);
    long dealVersion = rs.getLong(3);
    String actor = rs.getString(4);
    String key = rs.getString(5);
    String type = rs.getString(6);
    String payload = rs.getString(7);
    return FeedEvent.decodedOnDemand(
        rs.getLong(8),
        deal,
        sequence,
        type,
        () -> {
          Codec.EventPayload decoded;
          try {
            decoded = Codec.decodeEventPayload(type, payload);
          } catch (RuntimeException e) {
            throw new StorageException(
                "cannot decode event " + deal + "/" + sequence + " of the feed: " + e.getMessage(),
                e);
          }
          return new DealEvent(
              deal,
              sequence,
              dealVersion,
              decoded.at(),
              UserId.of(actor),
              Optional.ofNullable(key),
              decoded.change());
        });
  }

  private static DealEvent event(ResultSet rs) throws SQLException {
    Codec.EventPayload payload = Codec.decodeEventPayload(rs.getString(6), rs.getString(7));
    return new DealEvent(
        DealId.of(rs.getString(1)),
        rs.getLong(2),
        rs.getLong(3),
        payload.at(),
        UserId.of(rs.getString(4)),
        Optional.ofNullable(rs.getString(5)),
        payload.change());
  }

  private static Instant clamp(Instant i) {
    return i.isBefore(MIN_INSTANT) ? MIN_INSTANT : i.isAfter(MAX_INSTANT) ? MAX_INSTANT : i;
  }
}
