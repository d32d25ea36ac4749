package org.salespipeline.jdbc;

class MariaDbBackOfficeSuiteTest extends BackOfficeSuite {
  @Override
  Databases db() {
    return Databases.MARIADB;
  }
}
