package org.salespipeline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.salespipeline.examples.generator.DemoCompany;
import org.salespipeline.examples.generator.GeneratorOptions;

/**
 * Issue 14, item 16: what the README files claim and a test can run stays true. Code blocks marked
 * {@code <!-- compiled: FILE "REGION" -->} are the region of a compiled example (between {@code //
 * --- REGION begins} and {@code ends}); blocks marked {@code <!-- output of: CLASS -->} are what
 * that class's {@code main} prints; every file a README names or links exists; every example class
 * it names exists; the demo's stated defaults are the generator's.
 */
class ReadmeClaimsTest {
  static final Path ROOT = Path.of("..");
  static final Pattern COMPILED =
      Pattern.compile(
          "<!-- compiled: (\\S+) \"([^\"]+)\" -->\\s*\\n```java\\n(.*?)```", Pattern.DOTALL);
  static final Pattern OUTPUT =
      Pattern.compile("<!-- output of: (\\S+) -->\\s*\\n```\\n(.*?)```", Pattern.DOTALL);

  /** The README files and docs of the repository. */
  static List<Path> markdownFiles() {
    List<Path> files = new ArrayList<>();
    files.add(ROOT.resolve("README.md"));
    for (String module :
        List.of("pipeline-core", "pipeline-forecast", "pipeline-jdbc", "pipeline-testkit")) {
      Path readme = ROOT.resolve(module).resolve("README.md");
      if (Files.exists(readme)) {
        files.add(readme);
      }
    }
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyCompiledBlockIsTheCodeOfItsExample() {
    int blocks = 0;
    for (Path md : markdownFiles()) {
      Matcher m = COMPILED.matcher(read(md));
      while (m.find()) {
        blocks++;
        String source = read(ROOT.resolve(m.group(1)));
        String begin = "// --- " + m.group(2) + " begins";
        String end = "// --- " + m.group(2) + " ends";
        assertThat(source).as("%s names region %s", md, m.group(2)).contains(begin, end);
        String region = source.substring(source.indexOf(begin), source.indexOf(end));
        region = region.substring(region.indexOf('\n'));
        assertThat(withoutWhitespace(m.group(3)))
            .as("the block of %s marked compiled from %s", md, m.group(1))
            .isEqualTo(withoutWhitespace(region));
      }
    }
    assertThat(blocks).as("compiled blocks found").isPositive();
  }

  @Test
  void everyOutputBlockIsWhatItsExamplePrints() throws Exception {
    int blocks = 0;
    for (Path md : markdownFiles()) {
      Matcher m = OUTPUT.matcher(read(md));
      while (m.find()) {
        blocks++;
        assertThat(lines(printedBy(m.group(1))))
            .as("output of %s stated in %s", m.group(1), md)
            .isEqualTo(lines(m.group(2)));
      }
    }
    assertThat(blocks).as("output blocks found").isPositive();
  }

  /** The quick start's sentence about the refused move counts the violations it prints. */
  @Test
  void theQuickStartStatesHowManyRulesTheRefusedMoveViolates() throws Exception {
    String readme = read(ROOT.resolve("README.md"));
    long refused =
        lines(printedBy(QuickStart.class.getName())).stream()
            .filter(l -> l.startsWith("refused: "))
            .count();

    assertThat(refused).isEqualTo(1);
    assertThat(readme)
        .contains("violated rule at once; here there is one, the skipped Needs Analysis");
  }

  @Test
  void everyFileTheDocsNameExists() {
    Pattern link = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
    Pattern mdName = Pattern.compile("([\\w./-]+\\.md)\\b");
    for (Path md : markdownFiles()) {
      String text = read(md);
      Set<String> named = new LinkedHashSet<>();
      Matcher m = link.matcher(text);
      while (m.find()) {
        if (!m.group(1).contains("://")) {
          named.add(m.group(1));
        }
      }
      m = mdName.matcher(text);
      while (m.find()) {
        named.add(m.group(1));
      }
      for (String name : named) {
        if (name.startsWith("../shared/") || name.contains("target/")) {
          continue; // the data set outside the repository, and files the tests write
        }
        Path dir = md.getParent();
        assertThat(
                Stream.of(dir.resolve(name), ROOT.resolve(name), ROOT.resolve("docs").resolve(name))
                    .anyMatch(Files::exists))
            .as("%s names %s", md, name)
            .isTrue();
      }
    }
  }

  @Test
  void everyExampleClassTheReadmeNamesExists() {
    Matcher m =
        Pattern.compile("\\b([A-Z]\\w*Example)\\b").matcher(read(ROOT.resolve("README.md")));
    int found = 0;
    while (m.find()) {
      found++;
      assertThat(Path.of("src/main/java/org/salespipeline/examples", m.group(1) + ".java"))
          .as("example %s", m.group(1))
          .exists();
    }
    assertThat(found).isPositive();
  }

  @Test
  void theDemoDefaultsAreTheGenerators() {
    Matcher m =
        Pattern.compile(
                "\\(([\\d,]+) deals,\\s+seed\\s+(\\d+),\\s+(\\w+)\\s+currencies,\\s+(\\w+)\\s+regional\\s+teams")
            .matcher(read(ROOT.resolve("README.md")));
    assertThat(m.find()).isTrue();
    Map<String, Integer> words = Map.of("two", 2, "three", 3, "four", 4, "five", 5, "six", 6);
    long currencies =
        DemoCompany.REGIONS.stream().flatMap(r -> r.currencies().stream()).distinct().count();

    assertThat(Integer.parseInt(m.group(1).replace(",", "")))
        .isEqualTo(GeneratorOptions.DEFAULT_DEALS);
    assertThat(Long.parseLong(m.group(2))).isEqualTo(GeneratorOptions.DEFAULT_SEED);
    assertThat((long) words.get(m.group(3))).isEqualTo(currencies);
    assertThat((int) words.get(m.group(4))).isEqualTo(DemoCompany.REGIONS.size());
  }

  /** The modules table states each library module's compile-scope dependencies. */
  @Test
  void theModulesTableStatesEachModulesDependencies() {
    String readme = read(ROOT.resolve("README.md"));
    Map<String, String> names =
        Map.of(
            "core", "pipeline-core",
            "slf4j-api", "slf4j-api",
            "JUnit 5", "junit-jupiter",
            "AssertJ", "assertj-core",
            "jqwik", "jqwik");
    for (String module :
        List.of("pipeline-core", "pipeline-forecast", "pipeline-jdbc", "pipeline-testkit")) {
      Matcher row = Pattern.compile("\\| `" + module + "` \\|[^|]*\\| ([^|]*) \\|").matcher(readme);
      assertThat(row.find()).as("row of %s", module).isTrue();
      Set<String> stated = new java.util.TreeSet<>();
      for (String name : row.group(1).split(",\\s*")) {
        stated.add(names.getOrDefault(name.trim(), name.trim()));
      }
      assertThat(stated).as("dependencies of %s", module).isEqualTo(compileDependencies(module));
    }
  }

  /** The forecast README states the snapshot's amount limits as the code has them. */
  @Test
  void theForecastReadmeStatesTheSnapshotLimits() {
    String readme = read(ROOT.resolve("pipeline-forecast/README.md"));
    Matcher m =
        Pattern.compile(
                "Snapshot totals are limited to 2\\^(\\d+) minor units, one deal's amount to\\s+2\\^(\\d+)")
            .matcher(readme);
    assertThat(m.find()).isTrue();
    assertThat(1L << Integer.parseInt(m.group(1)))
        .isEqualTo(org.salespipeline.forecast.PipelineSnapshot.MAX_TOTAL_AMOUNT);
    assertThat(1L << Integer.parseInt(m.group(2)))
        .isEqualTo(org.salespipeline.forecast.PipelineSnapshot.MAX_DEAL_AMOUNT);
  }

  private static Set<String> compileDependencies(String module) {
    String pom = read(ROOT.resolve(module).resolve("pom.xml"));
    Set<String> out = new java.util.TreeSet<>();
    Matcher d = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(pom);
    while (d.find()) {
      String dep = d.group(1);
      Matcher scope = Pattern.compile("<scope>(.*?)</scope>").matcher(dep);
      String s = scope.find() ? scope.group(1) : "compile";
      // why: an optional dependency (H2 for pipeline-jdbc's h2File) is not one a host inherits
      if (s.equals("compile") && !dep.contains("<optional>true</optional>")) {
        Matcher a = Pattern.compile("<artifactId>(.*?)</artifactId>").matcher(dep);
        a.find();
        out.add(a.group(1));
      }
    }
    return out;
  }

  private static String printedBy(String className) throws Exception {
    Method main = Class.forName(className).getMethod("main", String[].class);
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static List<String> lines(String text) {
    return text.lines().map(String::stripTrailing).filter(l -> !l.isEmpty()).toList();
  }

  private static String withoutWhitespace(String code) {
    return code.replaceAll("\\s+", "");
  }
}
