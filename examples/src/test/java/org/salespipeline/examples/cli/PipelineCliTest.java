package org.salespipeline.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PipelineCliTest {
  @Test
  void helpListsTheCommands() {
    StringWriter out = new StringWriter();
    CommandLine cli = PipelineCli.commandLine();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("--help")).isZero();
    assertThat(out.toString()).contains("demo", "import", "board", "forecast", "report");
  }

  @Test
  void badArgumentsGiveAClearMessageAndExitCode2() {
    StringWriter err = new StringWriter();
    CommandLine cli = PipelineCli.commandLine();
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute("demo", "--deals", "lots")).isEqualTo(2);
    assertThat(err.toString()).contains("Invalid value for option '--deals'");
  }

  @Test
  void aMissingFileIsNamed() {
    StringWriter err = new StringWriter();
    CommandLine cli = PipelineCli.commandLine();
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute("import", "csv", "no-such.csv")).isEqualTo(2);
    assertThat(err.toString()).contains("no-such.csv: no such file");
  }

  @TempDir Path dir;

  @Test
  void theDemoSavesToAnH2FileAndPrintsEverythingAndWritesTheReport() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CommandLine cli =
        new CommandLine(new DemoCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
    Path db = dir.resolve("pipeline");
    Path report = dir.resolve("report.html");
    String[] args = {
      "--deals",
      "400",
      "--as-of",
      "2026-06-15",
      "--db",
      db.toString(),
      "--report",
      report.toString()
    };
    assertThat(cli.execute(args)).isZero();
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("store: H2 file", "Saved", "Read")
        .contains("Board - New business", "Prospecting", "Weighted")
        .contains("Pipeline health", "Bottlenecks", "Work lists", "Forecast", "this quarter")
        .contains("Quota 2026-04-01 to 2026-06-30")
        .contains("Backtest of the monthly bookings forecast", "WAPE", "Brier")
        .contains("Retention - accounts after the win", "GRR", "NRR", "ONBOARDING", "CHURNED")
        .contains("By part, this month", "By part, this quarter", "new business", "renewals")
        .contains("expansion", "renewal weights healthy")
        .contains("Customer-success work")
        .contains("Forecast calls - 2026-01-01 to 2026-03-31", "Call accuracy by owner")
        .contains("SANDBAGGING", "OVER_CALLING", "Team commit, system and adjusted")
        .contains("Report: " + report.toUri());
    String callsLine =
        out.lines().filter(l -> l.startsWith("Forecast calls - ")).findFirst().orElseThrow();
    assertThat(Files.exists(dir.resolve("pipeline.mv.db"))).isTrue();
    assertThat(Files.readString(report))
        .contains(
            "<svg id=\"chart-forecast-fan\"",
            "<svg id=\"chart-retention\"",
            "<svg id=\"chart-cohorts\"",
            "<table id=\"forecast-parts\">",
            "Forecast by part",
            "Forecast calls and adjustments");

    bytes.reset();
    assertThat(
            new CommandLine(new DemoCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                .execute(args))
        .isZero();
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("same pipeline as last run")
        .contains(callsLine) // the stored calls are reused, not submitted again
        .doesNotContain("Generated");
  }
}
