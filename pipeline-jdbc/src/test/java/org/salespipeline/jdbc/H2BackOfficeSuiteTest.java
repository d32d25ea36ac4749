package org.salespipeline.jdbc;

class H2BackOfficeSuiteTest extends BackOfficeSuite {
  @Override
  Databases db() {
    return Databases.H2;
  }
}
