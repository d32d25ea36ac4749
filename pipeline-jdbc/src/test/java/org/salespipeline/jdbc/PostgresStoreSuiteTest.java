package org.salespipeline.jdbc;

class PostgresStoreSuiteTest extends StoreSuite {
  @Override
  Databases db() {
    return Databases.POSTGRES;
  }
}
