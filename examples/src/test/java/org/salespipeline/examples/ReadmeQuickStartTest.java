package org.salespipeline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's quick start is the code {@link QuickStart} compiles and runs, layout aside. */
class ReadmeQuickStartTest {
  @Test
  void readmeQuickStartMatchesTheCompiledExample() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String fromReadme = readme.substring(readme.indexOf("```java") + 7);
    fromReadme = fromReadme.substring(0, fromReadme.indexOf("```"));

    String source =
        Files.readString(Path.of("src/main/java/org/salespipeline/examples/QuickStart.java"));
    String fromSource = source.substring(source.indexOf("// --- README quick start begins"));
    fromSource =
        fromSource.substring(
            fromSource.indexOf('\n'), fromSource.indexOf("// --- README quick start ends"));

    assertThat(withoutWhitespace(fromReadme)).isEqualTo(withoutWhitespace(fromSource));
  }

  private static String withoutWhitespace(String code) {
    return code.replaceAll("\\s+", "");
  }
}
