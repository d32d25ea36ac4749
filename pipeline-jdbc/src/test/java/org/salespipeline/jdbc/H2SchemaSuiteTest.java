package org.salespipeline.jdbc;

class H2SchemaSuiteTest extends SchemaSuite {
  @Override
  Databases db() {
    return Databases.H2;
  }
}
