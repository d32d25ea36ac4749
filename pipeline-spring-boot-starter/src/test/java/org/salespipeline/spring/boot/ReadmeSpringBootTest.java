package org.salespipeline.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's "Spring Boot" section shows the example application's code that {@link
 * TransactionalApplicationTest} runs, layout aside.
 */
class ReadmeSpringBootTest {

  @Test
  void theReadmeShowsTheServiceControllersAndListenerAsCompiled() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int section = readme.indexOf("## Spring Boot");
    assertThat(section).as("README section 'Spring Boot'").isNotNegative();
    int service = readme.indexOf("```java", section) + 7;
    int controller = readme.indexOf("```java", service) + 7;
    int jsonController = readme.indexOf("```java", controller) + 7;
    int listener = readme.indexOf("```java", jsonController) + 7;
    assertThat(code(readme, service)).isEqualTo(source("OrderService", "spring service"));
    assertThat(code(readme, controller)).isEqualTo(source("OrderController", "spring controller"));
    assertThat(code(readme, jsonController))
        .isEqualTo(source("DealController", "spring json controller"));
    assertThat(code(readme, listener)).isEqualTo(source("NewDealsFeed", "spring listener"));
  }

  private static String code(String text, int from) {
    return withoutWhitespace(text.substring(from, text.indexOf("```", from)));
  }

  private static String source(String type, String marker) throws IOException {
    String source =
        Files.readString(
            Path.of("src/test/java/org/salespipeline/spring/boot/example/" + type + ".java"));
    String begin = "// --- README " + marker + " begins";
    String from = source.substring(source.indexOf(begin) + begin.length());
    return withoutWhitespace(from.substring(0, from.indexOf("// --- README " + marker + " ends")));
  }

  private static String withoutWhitespace(String code) {
    return code.replaceAll("\\s+", "");
  }
}
