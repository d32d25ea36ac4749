package org.salespipeline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.salespipeline.jdbc.dialect.H2Dialect;
import org.salespipeline.jdbc.dialect.MariaDbDialect;
import org.salespipeline.jdbc.dialect.PostgresDialect;
import org.salespipeline.jdbc.dialect.SqlDialect;
import org.salespipeline.jdbc.internal.Migrator;
import org.salespipeline.jdbc.internal.Sql;

/**
 * At the source: every shipped statement and script uses named bind parameters and the validated
 * prefix only, and no command takes row locks. Also keeps the published full scripts in step with
 * the migrations.
 */
class SqlLintTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
  private static final SqlDialect[] DIALECTS = {
    new H2Dialect(), new PostgresDialect(), new MariaDbDialect()
  };

  static List<String> statements() throws IllegalAccessException {
    List<String> out = new ArrayList<>();
    for (Field f : Sql.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers())) {
        f.setAccessible(true);
        Object value = f.get(null);
        if (value instanceof String s) {
          out.add(s);
        } else if (value instanceof String[] fragments) {
          out.addAll(List.of(fragments));
        }
      }
    }
    return out;
  }

  @Test
  void statementsBindValuesAndTakeNoRowLocks() throws Exception {
    List<String> statements = statements();
    assertThat(statements).hasSizeGreaterThan(30);
    for (String sql : statements) {
      assertThat(sql).as(sql).doesNotContain("'").doesNotContain("\"").doesNotContain("--");
      assertThat(sql).as(sql).doesNotContainIgnoringCase("FOR UPDATE");
      assertThat(sql).as(sql).doesNotContainIgnoringCase("SKIP LOCKED");
      assertThat(sql).as(sql).doesNotContain("%s").doesNotContain("{0}");
      assertThat(sql).as("binds by name, not by position: " + sql).doesNotContain("?");
      Matcher m = PLACEHOLDER.matcher(sql);
      while (m.find()) {
        assertThat(m.group(1)).as(sql).isEqualTo("prefix");
      }
    }
  }

  @Test
  void scriptsHaveOnlyThePrefixPlaceholderAndOneStatementPerTerminator() {
    for (SqlDialect dialect : DIALECTS) {
      Migrator migrator = new Migrator(dialect, "sp_");
      for (Migrator.Migration m : Migrator.MIGRATIONS) {
        String script = migrator.script(m);
        Matcher placeholders = PLACEHOLDER.matcher(script);
        while (placeholders.find()) {
          assertThat(placeholders.group(1)).isEqualTo("prefix");
        }
        for (String statement : Migrator.statements(script)) {
          assertThat(statement).doesNotContain(";");
          // why: DDL, plus the backfills of V008 (feed positions for events stored before it),
          // which bind nothing and touch only our own tables
          assertThat(statement)
              .as("DDL or a backfill of our own tables")
              .matches(
                  "(?s)^(CREATE TABLE|CREATE INDEX|CREATE UNIQUE INDEX|ALTER TABLE|UPDATE|MERGE INTO)"
                      + " \\$\\{prefix}.*");
          // no string literals in DDL except MariaDB charset names, which are keywords
          assertThat(statement).doesNotContain("'");
        }
      }
    }
  }

  @Test
  void publishedFullScriptsMatchTheMigrations() throws IOException {
    if (Boolean.getBoolean("pipeline.write.scripts")) {
      for (SqlDialect dialect : DIALECTS) {
        Path file =
            Path.of("src/main/resources/org/salespipeline/jdbc/schema", dialect.name() + ".sql");
        Files.writeString(
            file, JdbcPipelineStore.schemaScript(dialect, "sp_"), StandardCharsets.UTF_8);
      }
      return;
    }
    for (SqlDialect dialect : DIALECTS) {
      String expected = JdbcPipelineStore.schemaScript(dialect, "sp_");
      String resource = "org/salespipeline/jdbc/schema/" + dialect.name() + ".sql";
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
        assertThat(in).as(resource).isNotNull();
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
            .as(resource + " is regenerated with -Dpipeline.write.scripts=true")
            .isEqualTo(expected);
      }
    }
  }
}
