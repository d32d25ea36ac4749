package org.salespipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.FixedRateCurrencyConverter;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.stage.PipelineDefinition;
import org.salespipeline.core.stage.StandardPipelines;
import org.salespipeline.core.store.OpenDealVisitor;
import org.salespipeline.core.store.WorkspaceStore;

/**
 * Issue 14, item 12: {@link DealSnapshots#fromOpenDeals} loads 1,000,000 open deals in a JVM with
 * -Xmx128m, as its Javadoc promises (the ids as Strings alone took about 80 MB, and the load ran
 * out of memory). A child JVM reads a synthetic store that produces the rows as a JDBC scan would,
 * so only the snapshot's own memory is measured.
 */
class SnapshotHeapTest {
  static final int DEALS = 1_000_000;

  @Test
  void aMillionOpenDealsLoadInA128MbHeap() throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-cp",
                System.getProperty("java.class.path"),
                SnapshotHeapTest.class.getName())
            .redirectErrorStream(true)
            .start();
    StringBuilder output = new StringBuilder();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        output.append(line).append('\n');
      }
    }
    assertThat(child.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(child.exitValue()).as(output.toString()).isZero();
    assertThat(output.toString()).contains("open rows " + DEALS);
  }

  @Test
  void idsThatAreNotLowercaseUuidsAreKeptAsText() {
    OpenColumns c =
        new OpenColumns(Currency.getInstance("USD"), LocalDate.of(2026, 6, 30), List.of("a"));
    String first = "0190a5b2-0000-7000-8000-00000000000f";
    c.add(first, 1, 0.5, 20_000, 0, "rep", ForecastCategory.PIPELINE, 3);
    c.add(
        "0190A5B2-0000-7000-8000-000000000010",
        2,
        0.5,
        20_000,
        0,
        "rep",
        ForecastCategory.PIPELINE,
        3);
    c.add("legacy-7", 3, 0.5, 20_000, 0, "rep", ForecastCategory.PIPELINE, 3);
    PipelineSnapshot s = c.build();
    assertThat(List.of(s.id(0), s.id(1), s.id(2)))
        .containsExactly(first, "0190A5B2-0000-7000-8000-000000000010", "legacy-7");
    OpenColumns uuids =
        new OpenColumns(Currency.getInstance("USD"), LocalDate.of(2026, 6, 30), List.of("a"));
    uuids.add(first, 1, 0.5, 20_000, 0, "rep", ForecastCategory.PIPELINE, 3);
    assertThat(uuids.build().id(0)).isEqualTo(first);
    assertThat(OpenColumns.isLowercaseUuid("0190a5b2-0000-7000-8000-00000000000g")).isFalse();
  }

  /** The child: loads the snapshot and prints its size and a few checks. */
  public static void main(String[] args) {
    PipelineDefinition pipeline = StandardPipelines.newBusiness();
    List<String> open = pipeline.openStages().stream().map(s -> s.key()).toList();
    WorkspaceStore store =
        (WorkspaceStore)
            Proxy.newProxyInstance(
                SnapshotHeapTest.class.getClassLoader(),
                new Class<?>[] {WorkspaceStore.class},
                (proxy, method, a) -> {
                  if (!method.getName().equals("scanOpenDeals")) {
                    throw new UnsupportedOperationException(method.getName());
                  }
                  OpenDealVisitor visitor = (OpenDealVisitor) a[1];
                  for (int i = 0; i < DEALS; i++) {
                    // fresh Strings per row, as a JDBC driver gives them
                    visitor.visit(
                        new UUID(0x0190_0000_0000_7000L, 0x8000_0000_0000_0000L | i).toString(),
                        new String(open.get(i % open.size())),
                        "rep" + (i % 50),
                        100_000L + i,
                        "USD",
                        (int) LocalDate.of(2026, 9, 1).toEpochDay() + i % 180,
                        ForecastCategory.PIPELINE,
                        1_750_000_000L - i,
                        0);
                  }
                  return null;
                });
    PipelineSnapshot s =
        DealSnapshots.fromOpenDeals(
            store,
            pipeline,
            Currency.getInstance("USD"),
            LocalDate.of(2026, 6, 30),
            ZoneOffset.UTC,
            FixedRateCurrencyConverter.builder().build());
    if (!s.id(DEALS - 1)
        .equals(
            new UUID(0x0190_0000_0000_7000L, 0x8000_0000_0000_0000L | (DEALS - 1)).toString())) {
      throw new AssertionError("last id " + s.id(DEALS - 1));
    }
    System.out.println("open rows " + s.openCount());
  }
}
