package org.salespipeline.examples.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.store.DealQuery;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;
import org.salespipeline.examples.progress.Progress;

class CrmDatasetImporterTest {
  static final Path DATA = Path.of("../../shared/data/crm-sales-opportunities");
  static CrmDatasetImporter.Result result;

  @BeforeAll
  static void importTheDataSet() {
    assumeThat(Files.isDirectory(DATA))
        .as("the CRM data set is expected at %s; skipping", DATA.toAbsolutePath().normalize())
        .isTrue();
    result = CrmDatasetImporter.importFolder(DATA, new InMemoryPipelineStore(), Progress.NONE);
  }

  @Test
  void everyRowBecomesADealAndEveryQuirkIsReported() {
    assertThat(result.report().rowsRead()).isEqualTo(8_800);
    assertThat(result.report().dealsWritten()).isEqualTo(8_800);
    List<Deal> deals;
    try (Stream<Deal> all = result.pipeline().streamDeals(DealQuery.all())) {
      deals = all.toList();
    }
    assertThat(deals).hasSize(8_800);
    assertThat(deals.stream().filter(d -> d.status() == DealStatus.WON)).hasSize(4_238);
    assertThat(deals.stream().filter(d -> d.status() == DealStatus.LOST)).hasSize(2_473);
    assertThat(result.report().quirks())
        .extracting(ImportReport.Quirk::description, ImportReport.Quirk::count)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "product 'GTXPro' read as 'GTX Pro' of products.csv", 1_480),
            org.assertj.core.groups.Tuple.tuple("sector 'technolgy' read as 'technology'", 12),
            org.assertj.core.groups.Tuple.tuple(
                "open deal without an account: imported without one", 1_425));
  }

  @Test
  void historyIsRebuiltFromEngageAndCloseDates() {
    // 1C1I7A6R,Moses Frase,GTX Plus Basic,Cancity,Won,2016-10-20,2017-03-01,1054
    DealId id =
        new DealId(
            UUID.nameUUIDFromBytes(
                "crm-sales-opportunities:1C1I7A6R"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    List<DealEvent> history = result.pipeline().history(id);
    assertThat(history)
        .extracting(DealEvent::type)
        .containsSubsequence("Created", "StageChanged", "AmountChanged", "Won");
    assertThat(history.get(0).at().toString()).startsWith("2016-10-20");
    assertThat(history.get(history.size() - 1).at().toString()).startsWith("2017-03-01");
    Deal deal = result.pipeline().requireDeal(id);
    assertThat(deal.amount().amount()).isEqualByComparingTo("1054");
    assertThat(deal.owner().value()).isEqualTo("moses.frase");
  }

  @Test
  void aBrokenCopyIsRefusedWithFileLineAndColumnAndNothingIsWritten(@TempDir Path dir)
      throws Exception {
    for (String f : List.of("accounts.csv", "products.csv", "sales_teams.csv")) {
      Files.copy(DATA.resolve(f), dir.resolve(f));
    }
    List<String> lines = Files.readAllLines(DATA.resolve("sales_pipeline.csv"));
    lines.set(3, lines.get(3).replace("2016-10-25", "2016-13-45"));
    Files.write(dir.resolve("sales_pipeline.csv"), lines);
    InMemoryPipelineStore store = new InMemoryPipelineStore();
    assertThatThrownBy(() -> CrmDatasetImporter.importFolder(dir, store, Progress.NONE))
        .isInstanceOf(CsvImportException.class)
        .hasMessageContaining("sales_pipeline.csv:4:6: engage_date '2016-13-45' is not a date");
    assertThat(store.workspace(CrmDatasetImporter.WORKSPACE).pipelines()).isEmpty();
  }
}
