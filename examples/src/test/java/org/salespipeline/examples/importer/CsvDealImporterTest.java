package org.salespipeline.examples.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salespipeline.core.Deal;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;
import org.salespipeline.examples.progress.Progress;

class CsvDealImporterTest {
  static final CsvDealImporter.EngineFactory ENGINE =
      (store, clock) -> SalesPipeline.builder().store(store).clock(clock).build();
  static final ColumnMapping MAPPING =
      ColumnMapping.parse(
          List.of("name=Opportunity", "owner=Rep", "amount=Value", "close_date=Close"));

  @TempDir Path dir;

  Path file(String text) throws Exception {
    Path file = dir.resolve("deals.csv");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void importsMappedColumnsAndMovesWithARecordedOverride() throws Exception {
    Path file =
        file(
            "Opportunity,Rep,Value,Close,stage,currency,account,source,opened_at\n"
                + "\"Acme, platform\",alice,48000,2027-01-31,Negotiation,EUR,Acme,referral,2026-01-05\n"
                + "Globex pilot,bob,9000,2027-02-28,,,,,\n");
    InMemoryPipelineStore store = new InMemoryPipelineStore();
    ImportReport report =
        CsvDealImporter.importFile(file, MAPPING, "USD", store, ENGINE, Progress.NONE);
    assertThat(report.dealsWritten()).isEqualTo(2);
    SalesPipeline pipeline = ENGINE.apply(store, java.time.Clock.systemUTC());
    List<Deal> deals;
    try (Stream<Deal> all = pipeline.streamDeals(DealQuery.all())) {
      deals = all.toList();
    }
    Deal acme =
        deals.stream().filter(d -> d.name().equals("Acme, platform")).findFirst().orElseThrow();
    assertThat(acme.stage()).isEqualTo("negotiation");
    assertThat(acme.amount().toString()).isEqualTo("48000.00 EUR");
    assertThat(pipeline.history(acme.id()))
        .anySatisfy(e -> assertThat(e.change()).isInstanceOf(Change.RuleOverridden.class));
  }

  @Test
  void aClosedRowClosesOnItsCloseDateAndIsNotKnownBeforeThen() throws Exception {
    Path file =
        file(
            "Opportunity,Rep,Value,Close,stage,opened_at\n"
                + "Early win,alice,1000,2026-02-10,Closed Won,2026-01-01\n"
                + "Later win,bob,2000,2026-03-20,Closed Won,2026-02-15\n");
    InMemoryPipelineStore store = new InMemoryPipelineStore();
    CsvDealImporter.importFile(file, MAPPING, "USD", store, ENGINE, Progress.NONE);
    SalesPipeline pipeline = ENGINE.apply(store, java.time.Clock.systemUTC());
    List<Deal> deals;
    try (Stream<Deal> all = pipeline.streamDeals(DealQuery.all())) {
      deals = all.toList();
    }
    Deal later = deals.stream().filter(d -> d.name().equals("Later win")).findFirst().orElseThrow();
    var history = pipeline.history(later.id());
    Change.Created created = (Change.Created) history.get(0).change();
    // opened with the cycle of the one deal won before (40 days), not its real close date
    assertThat(created.deal().expectedCloseDate()).isEqualTo(java.time.LocalDate.of(2026, 3, 27));
    assertThat(history.get(0).at().toString()).startsWith("2026-02-15");
    assertThat(history.get(history.size() - 1).type()).isEqualTo(Change.Won.TYPE);
    assertThat(history.get(history.size() - 1).at().toString()).startsWith("2026-03-20");
    Deal early = deals.stream().filter(d -> d.name().equals("Early win")).findFirst().orElseThrow();
    Change.Created first = (Change.Created) pipeline.history(early.id()).get(0).change();
    assertThat(first.deal().expectedCloseDate())
        .as("no win known before: the default cycle")
        .isEqualTo(java.time.LocalDate.of(2026, 1, 1).plusDays(KnownWinCycles.DEFAULT_DAYS));
  }

  @Test
  void badRowsAreAllReportedWithLineAndColumnAndNothingIsWritten() throws Exception {
    Path file =
        file(
            "Opportunity,Rep,Value,Close,stage\n"
                + "Good deal,alice,1000,2027-01-31,qualification\n"
                + "Bad amount,alice,12x,2027-01-31,\n"
                + "Bad stage,bob smith,100,31/01/2027,Maybe\n");
    InMemoryPipelineStore store = new InMemoryPipelineStore();
    assertThatThrownBy(
            () -> CsvDealImporter.importFile(file, MAPPING, "USD", store, ENGINE, Progress.NONE))
        .isInstanceOf(CsvImportException.class)
        .hasMessageContaining("deals.csv:3:3: Value '12x'")
        .hasMessageContaining("deals.csv:4:2: Rep 'bob smith' is not a user id")
        .hasMessageContaining("deals.csv:4:4: Close '31/01/2027' is not a date")
        .hasMessageContaining("deals.csv:4:5: stage 'Maybe' is not a stage");
    assertThat(store.workspace(org.salespipeline.core.WorkspaceId.of("default")).pipelines())
        .isEmpty();
  }

  @Test
  void anUnclosedQuoteNamesWhereItOpened() throws Exception {
    Path file =
        file("Opportunity,Rep,Value,Close\nok,alice,1,2027-01-01\n\"broken,alice,1,2027-01-01\n");
    assertThatThrownBy(
            () ->
                CsvDealImporter.importFile(
                    file, MAPPING, "USD", new InMemoryPipelineStore(), ENGINE, Progress.NONE))
        .hasMessageContaining("deals.csv:3:1: quote opened here is never closed");
  }

  @Test
  void aMissingColumnIsNamed() throws Exception {
    Path file = file("Opportunity,Rep,Value\nok,alice,1\n");
    assertThatThrownBy(
            () ->
                CsvDealImporter.importFile(
                    file, MAPPING, "USD", new InMemoryPipelineStore(), ENGINE, Progress.NONE))
        .hasMessageContaining("deals.csv:1: no column 'Close' for field close_date");
  }
}
