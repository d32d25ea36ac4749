package org.salespipeline.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.Activity;
import org.salespipeline.core.DealId;

/** The activities table: a deal's or an account's activities, append-only, in insertion order. */
final class ActivityTable {
  private final TableContext t;

  ActivityTable(TableContext t) {
    this.t = t;
  }

  /** Appends activities with their encoded bodies, inside the caller's transaction. */
  void insert(Connection c, List<Activity> activities, List<String> bodies) throws SQLException {
    if (activities.isEmpty()) {
      return;
    }
    try (NamedStatement s = t.prepare(c, Sql.INSERT_ACTIVITY)) {
      for (int i = 0; i < activities.size(); i++) {
        Activity a = activities.get(i);
        s.text("workspace", t.ws())
            .text("id", a.id().toString())
            .text("deal", a.deal())
            .text("account", a.account())
            .text("type", a.type().name())
            .text("owner", a.owner().value())
            .instant("occurredAt", a.occurredAt())
            .instant("dueAt", a.dueAt())
            .instant("recordedAt", a.recordedAt())
            .text("body", bodies.get(i));
        if (activities.size() == 1) {
          s.executeUpdate();
          return;
        }
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  List<Activity> ofDeal(DealId dealId) {
    return List.copyOf(
        t.readBodies(
            Sql.SELECT_DEAL_ACTIVITIES,
            "activities",
            s -> s.text("deal", dealId.toString()),
            Codec::decodeActivity));
  }

  List<Activity> ofAccount(AccountId account) {
    return List.copyOf(
        t.readBodies(
            Sql.SELECT_ACCOUNT_ACTIVITIES,
            "activities",
            s -> s.text("account", account.toString()),
            Codec::decodeActivity));
  }
}
