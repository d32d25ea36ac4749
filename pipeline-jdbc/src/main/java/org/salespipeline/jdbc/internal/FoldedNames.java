package org.salespipeline.jdbc.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.salespipeline.core.Account;
import org.salespipeline.core.Contact;
import org.salespipeline.core.Deal;

/**
 * Fills the folded name columns (V005) of rows written before them, so that name searches find
 * every row. Runs after the migrations, in short transactions of a few hundred rows; rows written
 * meanwhile already carry their folded names. Cheap when there is nothing to fill.
 */
public final class FoldedNames {
  private static final int CHUNK = 500;

  private FoldedNames() {}

  /**
   * Fills every missing folded name.
   *
   * @param c a connection of the store's own, not in a host transaction
   * @param prefix the validated table prefix
   * @throws SQLException if the database fails
   */
  public static void fill(Connection c, String prefix) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(true);
    try {
      fillAll(c, new Sql(prefix));
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  private static void fillAll(Connection c, Sql sql) throws SQLException {
    fill(
        c,
        sql,
        Sql.SELECT_UNFOLDED_DEALS,
        Sql.FOLD_DEAL,
        (s, body) -> {
          Deal deal = Codec.decodeDeal(body);
          s.text("nameFolded", SearchText.foldedCut(deal.name()));
        });
    fill(
        c,
        sql,
        Sql.SELECT_UNFOLDED_ACCOUNTS,
        Sql.FOLD_ACCOUNT,
        (s, body) -> {
          Account account = Codec.decodeAccount(body);
          s.text("nameFolded", SearchText.foldedCut(account.name()))
              .text("industryFolded", account.industry().map(SearchText::foldedCut));
        });
    fill(
        c,
        sql,
        Sql.SELECT_UNFOLDED_CONTACTS,
        Sql.FOLD_CONTACT,
        (s, body) -> {
          Contact contact = Codec.decodeContact(body);
          s.text("nameFolded", SearchText.foldedCut(contact.name()));
        });
  }

  @FunctionalInterface
  private interface Fold {
    void bind(NamedStatement s, String body) throws SQLException;
  }

  private static void fill(Connection c, Sql sql, String select, String update, Fold fold)
      throws SQLException {
    while (true) {
      List<String[]> rows = new ArrayList<>();
      try (NamedStatement s = NamedStatement.prepare(c, sql.of(select))) {
        s.integer("limit", CHUNK);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
          }
        }
      }
      if (rows.isEmpty()) {
        return;
      }
      try (NamedStatement s = NamedStatement.prepare(c, sql.of(update))) {
        for (String[] row : rows) {
          fold.bind(s, row[2]);
          s.text("workspace", row[0]).text("id", row[1]);
          s.executeUpdate();
        }
      }
    }
  }
}
