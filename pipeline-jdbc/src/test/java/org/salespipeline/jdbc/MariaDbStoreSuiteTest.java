package org.salespipeline.jdbc;

class MariaDbStoreSuiteTest extends StoreSuite {
  @Override
  Databases db() {
    return Databases.MARIADB;
  }
}
