package org.salespipeline.jdbc;

class H2StoreSuiteTest extends StoreSuite {
  @Override
  Databases db() {
    return Databases.H2;
  }
}
