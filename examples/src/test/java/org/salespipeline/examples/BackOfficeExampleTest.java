package org.salespipeline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.UserId;

/** Runs {@link BackOfficeExample} and keeps the README's copy of it in step. */
class BackOfficeExampleTest {
  @Test
  void findsPagesOfAccountsDealsByNameDateAndAmountAndErasesJane() {
    BackOfficeExample.Result result = BackOfficeExample.run();

    assertThat(result.accountNames()).containsExactly("Globex", "Global Freight", "GLOBO Foods");
    assertThat(result.dealNames()).containsExactly("Globex platform");
    assertThat(result.nextStepAfterErasure()).isEqualTo("Call [erased] on Monday");
    assertThat(result.historyReplays()).isTrue();
    assertThat(result.erasure().erasedBy()).isEqualTo(UserId.of("privacy-officer"));
  }

  @Test
  void readmeBackOfficeSectionMatchesTheCompiledExample() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String section = readme.substring(readme.indexOf("## Finding records"));
    String fromReadme = section.substring(section.indexOf("```java") + 7);
    fromReadme = fromReadme.substring(0, fromReadme.indexOf("```"));

    String source =
        Files.readString(
            Path.of("src/main/java/org/salespipeline/examples/BackOfficeExample.java"));
    String fromSource = source.substring(source.indexOf("// --- README back office begins"));
    fromSource =
        fromSource.substring(
            fromSource.indexOf('\n'), fromSource.indexOf("// --- README back office ends"));

    assertThat(fromReadme.replaceAll("\\s+", "")).isEqualTo(fromSource.replaceAll("\\s+", ""));
  }
}
