package org.salespipeline.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The switch: skip with instructions, or fail when databases are required. */
class DatabasesTest {
  @Test
  void skipsWithInstructionsOrFailsWhenRequired() {
    String url = System.getProperty("pipeline.test.postgres.url");
    String required = System.getProperty("pipeline.test.databases.required");
    try {
      System.setProperty("pipeline.test.postgres.url", "");
      System.setProperty("pipeline.test.databases.required", "false");
      assertThatThrownBy(Databases.POSTGRES::url)
          .isInstanceOf(TestAbortedException.class)
          .hasMessageContaining("-Dpipeline.test.postgres.url=");
      System.setProperty("pipeline.test.databases.required", "true");
      assertThatThrownBy(Databases.POSTGRES::url)
          .isInstanceOf(AssertionFailedError.class)
          .hasMessageContaining("pipeline.test.databases.required=true");
    } finally {
      restore("pipeline.test.postgres.url", url);
      restore("pipeline.test.databases.required", required);
    }
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
