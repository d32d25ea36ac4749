package org.salespipeline.jdbc;

class PostgresBackOfficeSuiteTest extends BackOfficeSuite {
  @Override
  Databases db() {
    return Databases.POSTGRES;
  }
}
