package org.salespipeline.examples.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salespipeline.core.DealHistory;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.store.EventQuery;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;
import org.salespipeline.examples.progress.Progress;

/**
 * Defect 2 of issue 13: the importer must enter every fact when it became known. At a past instant
 * T an open deal's expected close date is an estimate knowable at T, so it matches the deal's later
 * real close date no more often than chance; and importing the data set as it stood at T gives the
 * same history before T as importing all of it.
 */
class CrmNoLookAheadTest {
  static final Path DATA = CrmDatasetImporterTest.DATA;
  static List<DealEvent> events;

  @BeforeAll
  static void importTheDataSet() {
    assumeThat(Files.isDirectory(DATA))
        .as("the CRM data set is expected at %s; skipping", DATA.toAbsolutePath().normalize())
        .isTrue();
    events = importAndRead(DATA);
  }

  static List<DealEvent> importAndRead(Path folder) {
    InMemoryPipelineStore store = new InMemoryPipelineStore();
    CrmDatasetImporter.importFolder(folder, store, Progress.NONE);
    try (Stream<DealEvent> all =
        store.workspace(CrmDatasetImporter.WORKSPACE).streamEvents(EventQuery.all())) {
      return all.toList();
    }
  }

  @Test
  void openDealsDoNotCarryTheirFutureCloseDate() {
    Map<DealId, List<DealEvent>> byDeal = new HashMap<>();
    events.forEach(e -> byDeal.computeIfAbsent(e.dealId(), k -> new ArrayList<>()).add(e));
    // the day each deal closed, from its replayed final state
    Map<DealId, LocalDate> closedOn = new HashMap<>();
    byDeal.forEach(
        (id, history) ->
            DealHistory.replay(history)
                .closedAt()
                .ifPresent(at -> closedOn.put(id, LocalDate.ofInstant(at, ZoneOffset.UTC))));
    for (int month = 1; month <= 12; month++) {
      Instant t = LocalDate.of(2017, month, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
      List<LocalDate[]> open = new ArrayList<>();
      byDeal.forEach(
          (id, history) ->
              DealHistory.asOf(history, t)
                  .filter(d -> d.status() == DealStatus.OPEN && closedOn.containsKey(id))
                  .ifPresent(
                      d -> open.add(new LocalDate[] {d.expectedCloseDate(), closedOn.get(id)})));
      assertThat(open).as("deals open at %s that close later", t).isNotEmpty();
      // chance: how often an expected date equals the real close date of a deal picked at random
      Map<LocalDate, Integer> realDays = new HashMap<>();
      open.forEach(p -> realDays.merge(p[1], 1, Integer::sum));
      double chance =
          open.stream().mapToDouble(p -> realDays.getOrDefault(p[0], 0)).sum()
              / ((double) open.size() * open.size());
      double matches = open.stream().filter(p -> p[0].equals(p[1])).count() / (double) open.size();
      assertThat(matches)
          .as(
              "share of the %d deals open at %s whose expected close date is their real one"
                  + " (chance %.4f)",
              open.size(), t, chance)
          .isLessThanOrEqualTo(Math.max(3 * chance, 0.02));
    }
  }

  @Test
  void importingTheDataAsItStoodAtAnInstantGivesTheSameHistoryBeforeIt(@TempDir Path dir)
      throws IOException {
    for (LocalDate day : List.of(LocalDate.of(2017, 3, 1), LocalDate.of(2017, 8, 1))) {
      Path folder = Files.createDirectories(dir.resolve(day.toString()));
      asItStoodAt(day, folder);
      Instant t = day.atStartOfDay(ZoneOffset.UTC).toInstant();
      List<String> truncated = before(importAndRead(folder), t);
      List<String> full = before(events, t);
      assertThat(truncated).as("history before %s", t).hasSizeGreaterThan(1000);
      assertThat(truncated).as("history before %s", t).isEqualTo(full);
    }
  }

  /**
   * The data set as an export made on {@code day} would have shown it: deals engaged from that day
   * on are not there yet (nor undated Prospecting rows), deals closed from that day on are still
   * Engaging without close date and value.
   */
  private static void asItStoodAt(LocalDate day, Path folder) throws IOException {
    for (String f : List.of("accounts.csv", "products.csv", "sales_teams.csv")) {
      Files.copy(DATA.resolve(f), folder.resolve(f));
    }
    List<String> lines = Files.readAllLines(DATA.resolve("sales_pipeline.csv"));
    List<String> kept = new ArrayList<>(List.of(lines.get(0)));
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      if (cells[5].isBlank() || !LocalDate.parse(cells[5]).isBefore(day)) {
        continue;
      }
      if (!cells[6].isBlank() && !LocalDate.parse(cells[6]).isBefore(day)) {
        cells[4] = "Engaging";
        cells[6] = "";
        cells[7] = "";
      }
      kept.add(String.join(",", cells));
    }
    Files.write(folder.resolve("sales_pipeline.csv"), kept);
  }

  /** The events before an instant, as text without store-assigned sequence numbers. */
  private static List<String> before(List<DealEvent> all, Instant t) {
    return all.stream()
        .filter(e -> e.at().isBefore(t))
        .map(e -> e.dealId() + " " + e.at() + " " + e.change())
        .sorted()
        .toList();
  }
}
