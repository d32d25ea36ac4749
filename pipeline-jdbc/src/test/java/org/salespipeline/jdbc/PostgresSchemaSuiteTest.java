package org.salespipeline.jdbc;

class PostgresSchemaSuiteTest extends SchemaSuite {
  @Override
  Databases db() {
    return Databases.POSTGRES;
  }
}
