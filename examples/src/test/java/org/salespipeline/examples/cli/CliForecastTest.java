package org.salespipeline.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line of issue 13: {@code import crm DIR --db FILE}, then {@code forecast} and {@code
 * backtest} over that H2 file, as text or one JSON document on stdout, and one-line errors with
 * exit code 2 that leave nothing half-written. Runs on the first 1,500 deals of the CRM data set.
 */
class CliForecastTest {
  static final Path DATA = Path.of("../../shared/data/crm-sales-opportunities");

  @TempDir static Path dir;
  static Path db;

  /** What a run printed and returned. */
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      CommandLine cli = PipelineCli.commandLine();
      cli.setErr(new PrintWriter(err, true));
      int code = cli.execute(args);
      return new Run(code, bytes.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(stdout);
    }
  }

  @BeforeAll
  static void importASmallCopy() throws Exception {
    assumeThat(Files.isDirectory(DATA))
        .as("the CRM data set is expected at %s; skipping", DATA.toAbsolutePath().normalize())
        .isTrue();
    Path folder = Files.createDirectories(dir.resolve("crm"));
    for (String f : List.of("accounts.csv", "products.csv", "sales_teams.csv")) {
      Files.copy(DATA.resolve(f), folder.resolve(f));
    }
    List<String> lines = Files.readAllLines(DATA.resolve("sales_pipeline.csv"));
    Files.write(folder.resolve("sales_pipeline.csv"), lines.subList(0, 1_501));
    db = dir.resolve("crm-db");
    Run imported = run("import", "crm", folder.toString(), "--db", db.toString());
    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("Imported 1,500 of 1,500", "Saved 1,500 deals");
    assertThat(dir.resolve("crm-db.mv.db")).exists();
  }

  @Test
  void forecastPrintsTheForecastItsPartsMethodAndBaselines() {
    Run r = run("forecast", "--db", db.toString(), "--as-of", "2017-06-01", "--period", "month");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Bookings forecast for 2017-06-01 to 2017-06-30", "expected", "P10", "P50")
        .contains("won so far", "open pipeline", "deals not yet created", "method:");
  }

  @Test
  void forecastCountsInAFiscalCalendar() {
    Run r =
        run(
            "forecast",
            "--db",
            db.toString(),
            "--as-of",
            "2017-06-01",
            "--period",
            "month",
            "--fiscal-calendar",
            "retail:445:sun:dec:last");
    assertThat(r.code()).as(r.err()).isZero();
    // FY2017 of a 4-4-5 calendar ending on December's last Saturday starts on 2017-01-01; its
    // sixth month is five weeks from 2017-05-28
    assertThat(r.out()).contains("Bookings forecast for 2017-05-28 to 2017-07-01");
    Run bad =
        run(
            "forecast",
            "--db",
            db.toString(),
            "--as-of",
            "2017-06-01",
            "--fiscal-calendar",
            "retail:446:sun:dec:last");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--fiscal-calendar: 'retail:446:sun:dec:last' is not");
  }

  @Test
  void forecastJsonIsOneDocumentOnStdout() {
    Run r =
        run(
            "forecast",
            "--db",
            db.toString(),
            "--as-of",
            "2017-05-10",
            "--period",
            "quarter",
            "--json");
    assertThat(r.code()).as(r.err()).isZero();
    String json = r.out().strip();
    assertWellFormed(json);
    assertThat(json)
        .contains("\"currency\":\"USD\"", "\"origin\":\"2017-05-10\"")
        .contains("\"periodStart\":\"2017-04-01\"", "\"periodEnd\":\"2017-06-30\"")
        .contains("\"expected\":", "\"p10\":", "\"p50\":", "\"p90\":", "\"wonSoFar\":")
        .contains("\"openPipeline\":", "\"newBusiness\":", "\"method\":", "\"accuracy\":{");
  }

  @Test
  void backtestJsonHasEveryOriginAndTheSummary() {
    Run r =
        run(
            "backtest",
            "--db",
            db.toString(),
            "--from",
            "2017-04-01",
            "--to",
            "2017-06-30",
            "--every",
            "month",
            "--json");
    assertThat(r.code()).as(r.err()).isZero();
    String json = r.out().strip();
    assertWellFormed(json);
    for (String origin : List.of("2017-04-01", "2017-05-01", "2017-06-01")) {
      assertThat(json).contains("\"origin\":\"" + origin + "\"");
    }
    assertThat(json)
        .contains("\"actual\":", "\"summary\":{", "\"wape\":", "\"bias\":", "\"mape\":")
        .contains("\"coverage\":", "\"meanWidth\":", "\"brier\":", "\"brierBaseRate\":")
        .contains("\"baselines\":[");
  }

  @Test
  void badInputIsOneLineNamingWhatToFixWithExitCode2() {
    Run missing =
        run("forecast", "--db", dir.resolve("nothing").toString(), "--as-of", "2017-06-01");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err().strip()).doesNotContain("\n").contains("--db", "no database file");
    assertThat(missing.out()).isEmpty();

    Run badDate = run("forecast", "--db", db.toString(), "--as-of", "2017-13-01");
    assertThat(badDate.code()).isEqualTo(2);
    assertThat(badDate.err().strip())
        .doesNotContain("\n")
        .contains("--as-of: '2017-13-01' is not a date yyyy-mm-dd");

    Run unknown =
        run(
            "backtest",
            "--db",
            db.toString(),
            "--from",
            "2017-04-01",
            "--to",
            "2017-05-01",
            "--colour");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err().strip()).doesNotContain("\n").contains("--colour");

    Run period =
        run("forecast", "--db", db.toString(), "--as-of", "2017-06-01", "--period", "year");
    assertThat(period.code()).isEqualTo(2);
    assertThat(period.err()).contains("--period: 'year' is not month or quarter");
  }

  @Test
  void anImportNeverOverwritesOrHalfWritesTheFile() throws Exception {
    long size = Files.size(dir.resolve("crm-db.mv.db"));
    Run again = run("import", "crm", DATA.toString(), "--db", db.toString());
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("exists; choose another file or add --replace");
    assertThat(Files.size(dir.resolve("crm-db.mv.db"))).isEqualTo(size);

    Path broken = Files.createDirectories(dir.resolve("broken"));
    Files.writeString(
        broken.resolve("deals.csv"), "Opportunity,Rep,Value,Close\nx,alice,12x,2027-01-01\n");
    Run bad =
        run(
            "import",
            "csv",
            broken.resolve("deals.csv").toString(),
            "--map",
            "name=Opportunity",
            "--map",
            "owner=Rep",
            "--map",
            "amount=Value",
            "--map",
            "close_date=Close",
            "--db",
            broken.resolve("db").toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("deals.csv:2:3");
    try (var files = Files.list(broken)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("deals.csv");
    }
  }

  /** Checks brackets, braces and quotes balance and nothing follows the one document. */
  static void assertWellFormed(String json) {
    assertThat(json).startsWith("{").endsWith("}").doesNotContain("\n");
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
        assertThat(depth == 0 && i < json.length() - 1).as("text after the document").isFalse();
      }
      assertThat(depth).isNotNegative();
    }
    assertThat(depth).isZero();
    assertThat(inString).isFalse();
    assertThat(json).doesNotContain("NaN", "Infinity", ",}", ",]");
  }
}
