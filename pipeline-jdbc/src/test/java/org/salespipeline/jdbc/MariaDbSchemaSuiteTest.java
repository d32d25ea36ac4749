package org.salespipeline.jdbc;

class MariaDbSchemaSuiteTest extends SchemaSuite {
  @Override
  Databases db() {
    return Databases.MARIADB;
  }
}
