package org.salespipeline.jdbc;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Skips a test class's jqwik properties when its database is not configured, the way {@link
 * Databases#url()} skips its JUnit tests: jqwik counts an aborted try as a rejected sample, so
 * without this hook a property over an unconfigured database fails as "exhausted" instead of being
 * skipped. When {@code pipeline.test.databases.required=true} nothing is skipped, so the missing
 * database fails the build as it should.
 */
abstract class SkipWithoutDatabase implements SkipExecutionHook {
  private final Databases db;

  SkipWithoutDatabase(Databases db) {
    this.db = db;
  }

  @Override
  public SkipResult shouldBeSkipped(LifecycleContext context) {
    return db.configuredOrRequired()
        ? SkipResult.doNotSkip()
        : SkipResult.skip(db + " is not configured: " + db.howToConfigure());
  }

  /** For classes on PostgreSQL. */
  static final class Postgres extends SkipWithoutDatabase {
    Postgres() {
      super(Databases.POSTGRES);
    }
  }

  /** For classes on MariaDB. */
  static final class MariaDb extends SkipWithoutDatabase {
    MariaDb() {
      super(Databases.MARIADB);
    }
  }
}
