package org.salespipeline.jdbc.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.salespipeline.core.DealId;
import org.salespipeline.core.StorageException;
import org.salespipeline.core.UserId;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.event.FeedEvent;
import org.salespipeline.core.event.FeedPage;
import org.salespipeline.core.store.DealScope;
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
   * The events of the deals in the scope, filtered by the database: the scope becomes a sub-select
   * over the deals table ({@code deal_id IN (SELECT id FROM deals WHERE ...)}), so the memory used
   * does not grow with the number of deals in scope.
   */
  Stream<DealEvent> stream(EventQuery query, DealScope scope) {
    if (scope.isEverything()) {
      return stream(query);
    }
    Instant from = query.from().orElse(MIN_INSTANT);
    Instant until = query.until().orElse(MAX_INSTANT);
    StringBuilder text = new StringBuilder(Sql.SELECT_SCOPED_EVENTS);
    Map<String, Object> params = new LinkedHashMap<>();
    DealTable.scope(text, params, scope);
    text.append(Sql.SCOPED_EVENTS_END);
    return t.streams()
        .open(
            "streaming the events of a scope",
            t.sql().dynamic(text.toString()),
            s -> {
              s.text("workspace", t.ws())
                  .instant("from", clamp(from))
                  .instant("until", clamp(until));
              DealTable.bindAll(s, params);
            },
            EventTable::event)
        .filter(query::matches);
  }

  /**
   * Publishes the committed events that have no feed position yet, then reads the feed: see {@link
   * Sql#LOCK_FEED}. Writers never touch the feed's counter, so they never wait for each other on
   * it; publishing costs a reader one cheap query when there is nothing new.
   */
  FeedPage feed(long after, int limit) {
    if (hasUnpublished()) {
      t.tx()
          .inTransaction(
              "publishing the event feed",
              c -> {
                publish(c);
                return null;
              });
    }
    return read(after, limit);
  }

  private boolean hasUnpublished() {
    return t.tx()
        .read(
            "looking for unpublished events",
            c -> {
              try (NamedStatement s = t.prepare(c, Sql.SELECT_UNPUBLISHED)) {
                s.text("workspace", t.ws());
                try (ResultSet rs = s.executeQuery()) {
                  return rs.next();
                }
              }
            });
  }

  /**
   * Numbers the committed events without a position after the highest one, under the lock of the
   * workspace row, each deal's in sequence order. Whatever commits later is numbered by a later
   * publish (after this one commits, holding the same lock), so above every position read before.
   */
  private void publish(Connection c) throws SQLException {
    try (NamedStatement s = t.prepare(c, Sql.LOCK_FEED)) {
      s.text("workspace", t.ws());
      s.executeUpdate();
    }
    long last;
    try (NamedStatement s = t.prepare(c, Sql.SELECT_FEED_LAST)) {
      s.text("workspace", t.ws());
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new StorageException("workspace " + t.ws() + " has no row in the workspaces table");
        }
        last = rs.getLong(1);
      }
    }
    String publish =
        switch (t.dialect().name()) {
          case "postgresql" -> Sql.PUBLISH_FEED_POSTGRESQL;
          case "mariadb" -> Sql.PUBLISH_FEED_MARIADB;
          default -> Sql.PUBLISH_FEED_H2;
        };
    try (NamedStatement s = t.prepare(c, publish)) {
      s.text("workspace", t.ws()).number("base", last);
      s.executeUpdate();
    }
    try (NamedStatement s = t.prepare(c, Sql.ADVANCE_FEED)) {
      s.text("workspace", t.ws());
      s.executeUpdate();
    }
  }

  /** The published events after a feed position, in feed order. */
  private FeedPage read(long after, int limit) {
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
        // why: a row changed by hand is named, like every other read of it (issue 14, item 8)
        () ->
            Corrupt.decode(
                "deal_events",
                deal + "/" + sequence,
                () -> {
                  Codec.EventPayload decoded = Codec.decodeEventPayload(type, payload);
                  return new DealEvent(
                      deal,
                      sequence,
                      dealVersion,
                      decoded.at(),
                      UserId.of(actor),
                      Optional.ofNullable(key),
                      decoded.change());
                }));
  }

  private static DealEvent event(ResultSet rs) throws SQLException {
    String deal = rs.getString(1);
    long sequence = rs.getLong(2);
    long version = rs.getLong(3);
    String actor = rs.getString(4);
    String key = rs.getString(5);
    String type = rs.getString(6);
    String body = rs.getString(7);
    // why: an event row written by hand (unknown type, bad payload, null actor) is named, not an
    // untyped error (issue 14, item 8)
    return Corrupt.decode(
        "deal_events",
        deal + "/" + sequence,
        () -> {
          Codec.EventPayload payload = Codec.decodeEventPayload(type, body);
          return new DealEvent(
              DealId.of(deal),
              sequence,
              version,
              payload.at(),
              UserId.of(actor),
              Optional.ofNullable(key),
              payload.change());
        });
  }

  private static Instant clamp(Instant i) {
    return i.isBefore(MIN_INSTANT) ? MIN_INSTANT : i.isAfter(MAX_INSTANT) ? MAX_INSTANT : i;
  }
}
