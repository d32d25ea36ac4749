package org.salespipeline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salespipeline.core.Account;
import org.salespipeline.core.AccountId;
import org.salespipeline.core.ActivityType;
import org.salespipeline.core.Contact;
import org.salespipeline.core.ContactId;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealHistory;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.command.CloseDeal;
import org.salespipeline.core.command.LogActivity;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.command.ReopenDeal;
import org.salespipeline.core.command.UpdateDeal;
import org.salespipeline.core.rule.RuleSet;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.AccountQuery;
import org.salespipeline.core.store.ContactQuery;
import org.salespipeline.core.store.TextMatch;
import org.salespipeline.jdbc.dialect.SqlDialect;
import org.salespipeline.jdbc.internal.Codec;
import org.salespipeline.jdbc.internal.Migrator;

/**
 * Issue 14 item 17 on every database, read through SQL rather than the SPI: after a contact is
 * erased its name, e-mail and phone appear in no cell of any table of the workspace (contact row,
 * deal bodies and folded names, event payloads, activities, the erasure log), while the history
 * still replays; and rows written before V005 are found by name after the upgrade.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BackOfficeSuite {
  private static final String NAME = "Jane Q. Doe";
  private static final String EMAIL = "jane.doe@acme.example";
  private static final String PHONE = "+1 555 0199";
  private static final UserId REP = UserId.of("rep");
  private static final UserId DPO = UserId.of("privacy-officer");

  private String prefix;
  private JdbcPipelineStore store;

  abstract Databases db();

  @BeforeAll
  void open() {
    prefix = Databases.freshPrefix("bo");
    store = JdbcPipelineStore.builder(db().dataSource()).tablePrefix(prefix).build();
  }

  @AfterAll
  void close() {
    if (store == null) {
      return; // the database is not configured: open() skipped the class
    }
    store.close();
    db().dropTables(prefix);
  }

  @Test
  void erasedPersonalStringsAppearInNoRowOfTheWorkspace() throws SQLException {
    WorkspaceId ws = Fixtures.randomWorkspace();
    SalesPipeline pipeline =
        SalesPipeline.builder().store(store).workspace(ws).rules(RuleSet.none()).build();
    Account acme = pipeline.createAccount("Acme");
    Contact created = pipeline.createContact(NAME, Optional.of(acme.id()), Optional.of(EMAIL));
    pipeline.store().saveContact(Contact.builder().from(created).phone(PHONE).build());
    Deal deal =
        pipeline
            .openDeal(
                OpenDeal.builder()
                    .name("Platform for " + NAME)
                    .owner(REP)
                    .actor(REP)
                    .account(acme.id())
                    .primaryContact(created.id())
                    .amount(Money.of("1000.00", "EUR"))
                    .expectedCloseDate(LocalDate.now().plusMonths(1))
                    .nextStep("Call " + PHONE)
                    .build())
            .deal();
    pipeline.update(
        UpdateDeal.builder().deal(deal.id()).actor(REP).nextStep("Mail " + EMAIL).build());
    pipeline.logActivity(
        LogActivity.builder()
            .deal(deal.id())
            .actor(REP)
            .type(ActivityType.CALL)
            .subject("Call with " + NAME.toUpperCase(Locale.ROOT))
            .outcome("reached " + PHONE)
            .build());
    pipeline.lose(
        CloseDeal.builder().deal(deal.id()).actor(REP).reason(NAME + " left Acme").build());
    pipeline.reopen(
        ReopenDeal.builder()
            .deal(deal.id())
            .actor(REP)
            .toStage(StandardPipelines.QUALIFICATION)
            .reason("back: " + EMAIL)
            .build());
    assertThat(
            personalCells(ws).stream()
                .map(cell -> cell.substring(0, cell.indexOf('.')).toLowerCase(Locale.ROOT))
                .map(table -> table.substring(prefix.length()))
                .distinct())
        .as("tables holding a personal string before the erasure")
        .contains("contacts", "deals", "deal_events", "activities");

    pipeline.eraseContact(created.id(), DPO);

    assertThat(personalCells(ws)).isEmpty();
    Deal stored = pipeline.requireDeal(deal.id());
    assertThat(DealHistory.replay(pipeline.history(deal.id()))).isEqualTo(stored);
    assertThat(stored.primaryContact()).contains(created.id());
    assertThat(pipeline.history(deal.id())).hasSize((int) stored.lastEventSequence());
    assertThat(pipeline.contactErasures())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.contact()).isEqualTo(created.id());
              assertThat(e.erasedBy()).isEqualTo(DPO);
            });
  }

  /** Rows written by a V003 schema get their folded names when the store migrates to V005. */
  @Test
  void rowsWrittenBeforeTheSearchColumnsAreFoundAfterTheUpgrade() throws SQLException {
    String old = Databases.freshPrefix("bo_up");
    try {
      try (Connection lock = db().dataSource().getConnection();
          Connection work = db().dataSource().getConnection()) {
        SqlDialect dialect = SqlDialect.detect(work.getMetaData());
        new Migrator(dialect, old, Migrator.MIGRATIONS.subList(0, 3))
            .migrate(lock, work, Duration.ofSeconds(30));
      }
      WorkspaceId ws = Fixtures.randomWorkspace();
      Account account =
          Account.builder()
              .id(new AccountId(UUID.randomUUID()))
              .workspace(ws)
              .name("Ölfabrik Nord")
              .industry("Energy")
              .createdAt(Instant.parse("2025-01-01T00:00:00Z"))
              .build();
      Contact contact =
          Contact.builder()
              .id(new ContactId(UUID.randomUUID()))
              .workspace(ws)
              .name("Björn Berg")
              .build();
      try (Connection c = db().dataSource().getConnection()) {
        insert(
            c,
            "INSERT INTO " + old + "accounts (workspace, id, body) VALUES (?, ?, ?)",
            ws.value(),
            account.id().toString(),
            Codec.encodeAccount(account));
        insert(
            c,
            "INSERT INTO " + old + "contacts (workspace, id, body) VALUES (?, ?, ?)",
            ws.value(),
            contact.id().toString(),
            Codec.encodeContact(contact));
      }

      try (JdbcPipelineStore upgraded =
          JdbcPipelineStore.builder(db().dataSource()).tablePrefix(old).build()) {
        var view = upgraded.workspace(ws);
        assertThat(
                view.findAccounts(
                        AccountQuery.builder()
                            .name(TextMatch.prefix("ölf"))
                            .industry("ENERGY")
                            .build())
                    .items())
            .containsExactly(account);
        assertThat(
                view.findContacts(ContactQuery.builder().name(TextMatch.contains("BJÖRN")).build())
                    .items())
            .containsExactly(contact);
      }
    } finally {
      db().dropTables(old);
    }
  }

  private static void insert(Connection c, String sql, String... values) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setString(i + 1, values[i]);
      }
      s.executeUpdate();
    }
  }

  /** Every cell of this store's tables, in rows of the workspace, holding a personal string. */
  private List<String> personalCells(WorkspaceId ws) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection c = db().dataSource().getConnection()) {
      for (String table : tables(c)) {
        if (!hasWorkspaceColumn(c, table)) {
          continue;
        }
        try (PreparedStatement s =
            c.prepareStatement("SELECT * FROM " + table + " WHERE workspace = ?")) {
          s.setString(1, ws.value());
          try (ResultSet rs = s.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
              for (int i = 1; i <= meta.getColumnCount(); i++) {
                String cell = rs.getString(i);
                if (cell != null && personal(cell)) {
                  found.add(table + "." + meta.getColumnName(i) + ": " + cell);
                }
              }
            }
          }
        }
      }
    }
    return found;
  }

  private Set<String> tables(Connection c) throws SQLException {
    Set<String> tables = new LinkedHashSet<>();
    DatabaseMetaData meta = c.getMetaData();
    for (String pattern : new String[] {prefix + "%", prefix.toUpperCase(Locale.ROOT) + "%"}) {
      try (ResultSet rs = meta.getTables(c.getCatalog(), null, pattern, null)) {
        while (rs.next()) {
          String name = rs.getString("TABLE_NAME");
          if (name.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            tables.add(name);
          }
        }
      }
    }
    assertThat(tables).as("tables of prefix " + prefix).hasSizeGreaterThan(10);
    return tables;
  }

  private static boolean hasWorkspaceColumn(Connection c, String table) throws SQLException {
    try (ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), null, table, null)) {
      while (rs.next()) {
        if (rs.getString("COLUMN_NAME").equalsIgnoreCase("workspace")) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean personal(String cell) {
    String folded = cell.toLowerCase(Locale.ROOT);
    return Stream.of(NAME, EMAIL, PHONE).anyMatch(p -> folded.contains(p.toLowerCase(Locale.ROOT)));
  }
}
