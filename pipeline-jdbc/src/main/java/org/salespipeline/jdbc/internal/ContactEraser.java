package org.salespipeline.jdbc.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.salespipeline.core.Activity;
import org.salespipeline.core.Contact;
import org.salespipeline.core.ContactErasure;
import org.salespipeline.core.ContactId;
import org.salespipeline.core.Deal;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.UserId;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.store.Redaction;

/**
 * Erases a contact's personal data from every row of the workspace in one transaction: the contact
 * row, then the deals, events and activities read in keyset chunks (bounded memory) and rewritten
 * where the redaction changes them, then the erasure log. Versions, sequences and positions stay.
 */
final class ContactEraser {
  private static final int CHUNK = 500;

  private final TableContext t;

  ContactEraser(TableContext t) {
    this.t = t;
  }

  void erase(ContactErasure erasure, Redaction redaction) {
    Contact erased = redaction.erasedContact();
    String contactBody = Codec.encodeContact(erased);
    t.tx()
        .inTransaction(
            "erasing contact " + erasure.contact(),
            c -> {
              try (NamedStatement s = t.prepare(c, Sql.UPDATE_CONTACT)) {
                s.text("account", erased.account())
                    .text("body", contactBody)
                    .text("nameFolded", SearchText.folded("name", erased.name()))
                    .text("workspace", t.ws())
                    .text("id", erasure.contact().toString());
                if (s.executeUpdate() != 1) {
                  throw new Transactor.Refusal(
                      () ->
                          new ValidationException(
                              FieldProblem.of(
                                  "contact",
                                  erasure.contact(),
                                  "is not a contact of " + t.workspace())));
                }
              }
              deals(c, redaction);
              events(c, redaction);
              activities(c, redaction);
              try (NamedStatement s = t.prepare(c, Sql.INSERT_ERASURE)) {
                s.text("workspace", t.ws())
                    .text("contact", erasure.contact().toString())
                    .instant("erasedAt", erasure.erasedAt())
                    .text("erasedBy", erasure.erasedBy().value())
                    .executeUpdate();
              }
              return null;
            });
  }

  private void deals(Connection c, Redaction redaction) throws SQLException {
    String after = "";
    while (true) {
      List<String[]> changed = new ArrayList<>();
      int read = 0;
      try (NamedStatement s = t.prepare(c, Sql.SELECT_DEAL_BODIES)) {
        s.text("workspace", t.ws()).text("afterId", after).integer("limit", CHUNK);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            read++;
            after = rs.getString(1);
            String body = rs.getString(2);
            Deal deal = Corrupt.decode("deals", after, () -> Codec.decodeDeal(body));
            Deal redacted = redaction.deal(deal);
            if (redacted != deal) {
              changed.add(
                  new String[] {
                    after, Codec.encodeDeal(redacted), SearchText.foldedCut(redacted.name())
                  });
            }
          }
        }
      }
      for (String[] row : changed) {
        try (NamedStatement s = t.prepare(c, Sql.UPDATE_DEAL_BODY)) {
          s.text("body", row[1])
              .text("nameFolded", row[2])
              .text("workspace", t.ws())
              .text("id", row[0])
              .executeUpdate();
        }
      }
      if (read < CHUNK) {
        return;
      }
    }
  }

  private void events(Connection c, Redaction redaction) throws SQLException {
    String deal = "";
    long sequence = 0;
    while (true) {
      List<Object[]> changed = new ArrayList<>();
      int read = 0;
      try (NamedStatement s = t.prepare(c, Sql.SELECT_EVENT_PAYLOADS)) {
        s.text("workspace", t.ws())
            .text("deal", deal)
            .number("sequence", sequence)
            .integer("limit", CHUNK);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            read++;
            deal = rs.getString(1);
            sequence = rs.getLong(2);
            String type = rs.getString(3);
            String body = rs.getString(4);
            Codec.EventPayload payload =
                Corrupt.decode(
                    "deal_events",
                    deal + "/" + sequence,
                    () -> Codec.decodeEventPayload(type, body));
            Change redacted = redaction.change(payload.change());
            if (redacted != payload.change()) {
              String encoded = Codec.encodeEventPayload(payload.at(), Codec.encodeChange(redacted));
              changed.add(new Object[] {deal, sequence, encoded});
            }
          }
        }
      }
      for (Object[] row : changed) {
        try (NamedStatement s = t.prepare(c, Sql.UPDATE_EVENT_PAYLOAD)) {
          s.text("payload", (String) row[2])
              .text("workspace", t.ws())
              .text("deal", (String) row[0])
              .number("sequence", (Long) row[1])
              .executeUpdate();
        }
      }
      if (read < CHUNK) {
        return;
      }
    }
  }

  private void activities(Connection c, Redaction redaction) throws SQLException {
    long position = Long.MIN_VALUE;
    while (true) {
      List<Object[]> changed = new ArrayList<>();
      int read = 0;
      try (NamedStatement s = t.prepare(c, Sql.SELECT_ACTIVITY_BODIES)) {
        s.text("workspace", t.ws()).number("position", position).integer("limit", CHUNK);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            read++;
            position = rs.getLong(1);
            String body = rs.getString(2);
            Activity activity =
                Corrupt.decode("activities", rs.getString(3), () -> Codec.decodeActivity(body));
            Activity redacted = redaction.activity(activity);
            if (redacted != activity) {
              changed.add(new Object[] {position, Codec.encodeActivity(redacted)});
            }
          }
        }
      }
      for (Object[] row : changed) {
        try (NamedStatement s = t.prepare(c, Sql.UPDATE_ACTIVITY_BODY)) {
          s.text("body", (String) row[1])
              .text("workspace", t.ws())
              .number("position", (Long) row[0])
              .executeUpdate();
        }
      }
      if (read < CHUNK) {
        return;
      }
    }
  }

  /** The erasures of the workspace, oldest first. */
  List<ContactErasure> erasures() {
    return t.tx()
        .read(
            "reading contact erasures",
            c -> {
              List<ContactErasure> out = new ArrayList<>();
              try (NamedStatement s = t.prepare(c, Sql.SELECT_ERASURES)) {
                s.text("workspace", t.ws());
                try (ResultSet rs = s.executeQuery()) {
                  while (rs.next()) {
                    out.add(
                        new ContactErasure(
                            ContactId.of(rs.getString(1)),
                            UserId.of(rs.getString(3)),
                            rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC)));
                  }
                }
              }
              return List.copyOf(out);
            });
  }
}
