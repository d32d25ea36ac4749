package org.salespipeline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 always runs; PostgreSQL runs when {@code -Dpipeline.test.postgres.url} is set, is skipped with
 * a message otherwise, and fails instead with {@code -Dpipeline.test.databases.required=true} (as
 * pipeline-jdbc's tests decide).
 */
class DatabaseSetupExampleTest {
  @TempDir Path dir;

  @Test
  void theH2FileIsCreatedAndKeepsItsDealsAcrossRuns() {
    Path file = dir.resolve("pipeline");
    assertThat(DatabaseSetupExample.h2File(file)).isEqualTo(1);
    assertThat(Files.exists(dir.resolve("pipeline.mv.db"))).isTrue();
    assertThat(DatabaseSetupExample.h2File(file)).isEqualTo(2);
  }

  @Test
  void theCompactedH2FileKeepsItsDealsAcrossRuns() {
    Path file = dir.resolve("compacted");
    assertThat(DatabaseSetupExample.h2FileCompacted(file)).isEqualTo(1);
    assertThat(DatabaseSetupExample.h2FileCompacted(file)).isEqualTo(2);
    assertThat(DatabaseSetupExample.h2File(file)).isEqualTo(3);
  }

  @Test
  void postgresStoresTheDeal() {
    String url = System.getProperty("pipeline.test.postgres.url", "");
    if (url.isBlank()) {
      String message =
          "PostgreSQL example needs -Dpipeline.test.postgres.url=<jdbc url>, for example"
              + " 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres'";
      if (Boolean.getBoolean("pipeline.test.databases.required")) {
        Assertions.fail(message + " (pipeline.test.databases.required=true)");
      }
      Assumptions.abort(message);
    }
    long before = DatabaseSetupExample.postgres(url);
    assertThat(DatabaseSetupExample.postgres(url)).isEqualTo(before + 1);
  }
}
