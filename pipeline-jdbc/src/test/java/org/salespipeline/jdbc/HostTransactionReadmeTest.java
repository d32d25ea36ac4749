package org.salespipeline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.salespipeline.core.Money;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.UserId;
import org.salespipeline.core.WorkspaceId;
import org.salespipeline.core.command.OpenDeal;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.EventQuery;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * The README's "Inside your own transactions" example is {@link #placeInvoice}, run here on every
 * database: committed, the host's row and the deal stay and the listener hears the events; rolled
 * back, nothing is left (no row, deal, event or idempotency key) and the listener hears nothing.
 */
class HostTransactionReadmeTest {

  /** The README's code, between the markers. */
  static SalesPipeline placeInvoice(
      DataSource dataSource, String invoiceId, BigDecimal total, List<List<DealEvent>> heard)
      throws SQLException {
    UserId rep = UserId.of("billing");
    // --- README host transaction begins
    // once, at start-up: no transaction needed (the schema is migrated on the data source)
    HostTransactions host = HostTransactions.over(dataSource);
    JdbcPipelineStore store = JdbcPipelineStore.builder(host).build();
    SalesPipeline pipeline = SalesPipeline.builder().store(store).listener(heard::add).build();

    // per unit of work: the host's statements and pipeline commands share one transaction
    try (Connection c = dataSource.getConnection();
        HostTransactions.Scope tx = host.begin(c)) {
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO invoice (id, total) VALUES (?, ?)")) {
        insert.setString(1, invoiceId);
        insert.setBigDecimal(2, total);
        insert.executeUpdate();
      }
      pipeline.openDeal(
          OpenDeal.builder()
              .name("Invoice " + invoiceId)
              .owner(rep)
              .actor(rep)
              .amount(Money.of(total, "EUR"))
              .expectedCloseDate(LocalDate.now().plusDays(30))
              .idempotencyKey("invoice-" + invoiceId)
              .build());
      if (total.signum() > 0) {
        tx.commit(); // the row and the deal commit; then the listeners hear the events
      }
    } // closed without commit: rolled back; no row, deal, event or key, and nothing heard
    // --- README host transaction ends
    return pipeline;
  }

  private static void createInvoiceTable(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS invoice (id VARCHAR(64) PRIMARY KEY, total DECIMAL(12, 2))");
    }
  }

  private static long invoices(DataSource dataSource, String id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM invoice WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Databases.class)
  void committedTheRowAndTheDealStayAndTheListenerHearsThem(Databases db) throws SQLException {
    DataSource dataSource = db.dataSource();
    createInvoiceTable(dataSource);
    String id = UUID.randomUUID().toString();
    List<List<DealEvent>> heard = new CopyOnWriteArrayList<>();

    SalesPipeline pipeline = placeInvoice(dataSource, id, new BigDecimal("250.00"), heard);

    assertThat(invoices(dataSource, id)).isEqualTo(1);
    assertThat(pipeline.store().idempotencyRecord("invoice-" + id)).isPresent();
    assertThat(heard).hasSize(1);
    assertThat(pipeline.deal(heard.get(0).get(0).dealId())).isPresent();
  }

  @ParameterizedTest
  @EnumSource(Databases.class)
  void rolledBackNothingIsLeftAndTheListenerHearsNothing(Databases db) throws SQLException {
    DataSource dataSource = db.dataSource();
    createInvoiceTable(dataSource);
    String id = UUID.randomUUID().toString();
    List<List<DealEvent>> heard = new CopyOnWriteArrayList<>();
    long dealsBefore = countDeals(db);
    long eventsBefore = countEvents(db);

    SalesPipeline pipeline = placeInvoice(dataSource, id, BigDecimal.ZERO, heard);

    assertThat(invoices(dataSource, id)).isZero();
    assertThat(pipeline.store().idempotencyRecord("invoice-" + id)).isEmpty();
    assertThat(pipeline.findDeals(DealQuery.builder().build()).items())
        .noneMatch(d -> d.name().equals("Invoice " + id));
    assertThat(pipeline.store().streamEvents(EventQuery.all()).count()).isEqualTo(eventsBefore);
    assertThat(countDeals(db)).isEqualTo(dealsBefore);
    assertThat(heard).isEmpty();
  }

  private static long countDeals(Databases db) {
    try (var deals = defaultWorkspace(db).streamDeals(DealQuery.builder().build())) {
      return deals.count();
    }
  }

  private static long countEvents(Databases db) {
    try (var events = defaultWorkspace(db).streamEvents(EventQuery.all())) {
      return events.count();
    }
  }

  private static WorkspaceStore defaultWorkspace(Databases db) {
    return JdbcPipelineStore.builder(db.dataSource()).build().workspace(WorkspaceId.of("default"));
  }

  @Test
  void theReadmeShowsThisCode() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String begin = "// --- README host transaction begins";
    String end = "// --- README host transaction ends";
    String source =
        Files.readString(
            Path.of("src/test/java/org/salespipeline/jdbc/HostTransactionReadmeTest.java"));
    String fromSource = source.substring(source.indexOf(begin) + begin.length());
    fromSource = fromSource.substring(0, fromSource.indexOf(end));
    int section = readme.indexOf("## Inside your own transactions");
    assertThat(section).as("README section 'Inside your own transactions'").isNotNegative();
    String fromReadme = readme.substring(readme.indexOf("```java", section) + 7);
    fromReadme = fromReadme.substring(0, fromReadme.indexOf("```"));
    assertThat(withoutWhitespace(fromReadme)).isEqualTo(withoutWhitespace(fromSource));
  }

  private static String withoutWhitespace(String code) {
    return code.replaceAll("\\s+", "");
  }
}
