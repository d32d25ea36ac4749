package org.salespipeline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's retention section is the code {@link RetentionExample} compiles and runs. */
class RetentionExampleTest {

  @Test
  void theExampleWalksTheLifecycle() {
    assertThat(RetentionExample.run())
        .containsExactly(
            "refused: [[retention-transition] status: mark renewal due is allowed from [ACTIVE,"
                + " RENEWED], not from AT_RISK, [renewal-lead-time] renewalDate: 2027-01-15 is more"
                + " than P90D away; the renewal comes due from 2026-10-17]",
            "ONBOARDING 0 0.00 USD",
            "ACTIVE 0 0.00 USD",
            "RENEWAL_DUE 0 0.00 USD",
            "AT_RISK 1 40000.00 USD",
            "RENEWED 0 0.00 USD",
            "CHURNED 0 0.00 USD",
            "alice looks after 1 account(s)",
            "new revenue 40000.00 USD, ends at 40000.00 USD");
  }

  @Test
  void readmeSectionMatchesTheCompiledExample() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String section = readme.substring(readme.indexOf("## After the win: retention and expansion"));
    String fromReadme = section.substring(section.indexOf("```java") + 7);
    fromReadme = fromReadme.substring(0, fromReadme.indexOf("```"));
    String source =
        Files.readString(Path.of("src/main/java/org/salespipeline/examples/RetentionExample.java"));
    String fromSource = source.substring(source.indexOf("// --- README retention begins"));
    fromSource =
        fromSource.substring(
            fromSource.indexOf('\n'), fromSource.indexOf("// --- README retention ends"));
    assertThat(fromReadme.replaceAll("\\s+", "")).isEqualTo(fromSource.replaceAll("\\s+", ""));
  }
}
