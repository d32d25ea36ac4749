package org.salespipeline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's forecast-by-part snippet is the code {@link RetentionForecastExample} runs. */
class RetentionForecastExampleTest {

  @Test
  void theExampleForecastsByPartAndListsCustomerWork() {
    assertThat(RetentionForecastExample.run())
        .containsExactly(
            "NEW_BUSINESS 47991.06 USD [14574.14 USD, 158029.32 USD]",
            // Acme 48,000 healthy x 0.85 + Globex 36,000 at risk x 0.5 (no outcomes yet); no past
            // period to calibrate on, so the band is the prior lognormal spread, P90 capped at due
            "RENEWAL 58800.00 USD [33255.71 USD, 84000.00 USD]",
            "EXPANSION 6229.45 USD [2406.77 USD, 16123.68 USD]",
            "total 113020.51 USD; weights RenewalWeights[healthy 0.850 of 0 outcomes, at risk 0.500"
                + " of 0]",
            "AT_RISK at risk for 40.0 days: champion left",
            "ACTIVE renews in 19 days");
  }

  @Test
  void readmeSnippetMatchesTheCompiledExample() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String section = readme.substring(readme.indexOf("### Renewals and expansion in the forecast"));
    String fromReadme = section.substring(section.indexOf("```java") + 7);
    fromReadme = fromReadme.substring(0, fromReadme.indexOf("```"));
    String source =
        Files.readString(
            Path.of("src/main/java/org/salespipeline/examples/RetentionForecastExample.java"));
    String fromSource = source.substring(source.indexOf("// --- README retention forecast begins"));
    fromSource =
        fromSource.substring(
            fromSource.indexOf('\n'), fromSource.indexOf("// --- README retention forecast ends"));
    assertThat(fromReadme.replaceAll("\\s+", "")).isEqualTo(fromSource.replaceAll("\\s+", ""));
  }
}
