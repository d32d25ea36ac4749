package org.salespipeline.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salespipeline.core.SalesPipeline;
import org.salespipeline.core.store.memory.InMemoryPipelineStore;
import org.salespipeline.examples.generator.DemoCompany;
import org.salespipeline.examples.generator.GeneratorOptions;
import org.salespipeline.examples.generator.MutableClock;
import org.salespipeline.examples.generator.PipelineGenerator;
import org.salespipeline.examples.insight.BookingsOutlook;
import org.salespipeline.examples.insight.PipelineHistory;
import org.salespipeline.examples.progress.Progress;

/**
 * Renders the report in headless Chromium: the charts are in the DOM and a real picture comes out.
 * Skipped (saying so) without Chromium, unless {@code -Dpipeline.test.browser.required=true}.
 */
class PipelineReportBrowserTest {
  static final List<String> CHARTS =
      List.of(
          "chart-funnel",
          "chart-stage-totals",
          "chart-forecast-fan",
          "chart-waterfall",
          "chart-time-in-stage",
          "chart-accuracy");

  @TempDir static Path dir;
  static Path report;

  @BeforeAll
  static void writeReport() {
    GeneratorOptions options =
        new GeneratorOptions(600, 3, Instant.parse("2026-06-15T17:00:00Z"), 730);
    MutableClock clock = new MutableClock(options.start());
    SalesPipeline pipeline =
        DemoCompany.engine(new InMemoryPipelineStore(), clock, 3, LocalDate.of(2023, 1, 1)).build();
    PipelineGenerator.generate(pipeline, clock, options, Progress.NONE);
    PipelineHistory history = PipelineHistory.read(pipeline);
    BookingsOutlook outlook =
        BookingsOutlook.of(history.forecaster(), LocalDate.of(2026, 6, 15), 6, (d, t) -> {});
    org.salespipeline.forecast.bookings.PartsForecaster parts = history.partsForecaster();
    report =
        PipelineReport.of(pipeline, history, outlook)
            .withParts(
                List.of(
                    parts.forecast(outlook.month().period(), outlook.today()),
                    parts.forecast(outlook.quarter().period(), outlook.today())))
            .write(dir.resolve("report.html"));
  }

  @Test
  void theReportIsOneSelfContainedFileWithEveryChart() throws IOException {
    String html = Files.readString(report);
    for (String chart : CHARTS) {
      assertThat(html).contains("<svg id=\"" + chart + "\"");
    }
    assertThat(html)
        .contains("<table id=\"forecast-parts\">", "<td>renewals</td>", "<td>total</td>");
    assertThat(html).doesNotContain("<script", "<link", "<img", "src=", "href=", "url(", "@import");
  }

  @Test
  void chromiumShowsTheCharts() throws Exception {
    String browser = browser();
    Path profile = Files.createTempDirectory(dir, "profile");
    String dom = run(browser, profile, "--dump-dom", report.toUri().toString());
    for (String chart : CHARTS) {
      assertThat(dom).contains("<svg id=\"" + chart + "\"");
    }
    assertThat(dom).contains("<rect", "<path", "<circle");

    Path png = dir.resolve("report.png");
    run(
        browser,
        profile,
        "--screenshot=" + png,
        "--window-size=900,2400",
        "--hide-scrollbars",
        report.toUri().toString());
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes.length).as("PNG size").isGreaterThan(20_000);
    assertThat(new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("PNG");
  }

  private static String browser() {
    Path path = Path.of(System.getProperty("pipeline.test.browser", "/usr/bin/chromium"));
    if (!Files.isExecutable(path)) {
      String message =
          "headless Chromium not found at "
              + path
              + "; install it or set -Dpipeline.test.browser=<path>";
      if (Boolean.getBoolean("pipeline.test.browser.required")) {
        Assertions.fail(message + " (pipeline.test.browser.required=true)");
      }
      Assumptions.abort(message);
    }
    return path.toString();
  }

  private static String run(String browser, Path profile, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile));
    command.addAll(List.of(args));
    Path output = Files.createTempFile(dir, "chromium", ".out");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(output.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      Assertions.fail("chromium did not finish within 90 s: " + command);
    }
    assertThat(process.exitValue()).as("chromium exit code").isZero();
    return Files.readString(output);
  }
}
