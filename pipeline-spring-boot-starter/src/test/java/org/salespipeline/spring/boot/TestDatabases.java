package org.salespipeline.spring.boot;

import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the starter's tests run on: H2 always; PostgreSQL and MariaDB when {@code
 * pipeline.test.postgres.url} / {@code pipeline.test.mariadb.url} are set, skipped otherwise, and
 * failing instead when {@code pipeline.test.databases.required=true} (as pipeline-jdbc's tests).
 */
public enum TestDatabases {
  H2(""),
  POSTGRES("pipeline.test.postgres.url"),
  MARIADB("pipeline.test.mariadb.url");

  private final String property;

  TestDatabases(String property) {
    this.property = property;
  }

  /** The JDBC URL (a fresh in-memory H2 database each call), or skips the calling test. */
  public String url() {
    if (this == H2) {
      return "jdbc:h2:mem:spring_"
          + UUID.randomUUID().toString().replace("-", "")
          + ";DB_CLOSE_DELAY=-1";
    }
    String url = System.getProperty(property, "");
    if (url.isBlank()) {
      String message = name() + " tests need -D" + property + "=<jdbc url>";
      if (Boolean.getBoolean("pipeline.test.databases.required")) {
        Assertions.fail(message + " (pipeline.test.databases.required=true)");
      }
      Assumptions.abort(message);
    }
    return url;
  }

  /** A fresh workspace name, so runs on a shared database do not see each other's deals. */
  public static String freshWorkspace() {
    return "spring-" + UUID.randomUUID();
  }
}
