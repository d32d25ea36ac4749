package org.salespipeline.jdbc;

/** What {@link JdbcPipelineStore.Builder#build()} does with the database schema. */
public enum SchemaMode {
  /**
   * Creates or upgrades the schema under a database-wide lock, then checks it as {@link #VALIDATE}
   * does. Several processes may start at once: one migrates, the others wait and then validate.
   */
  MIGRATE,
  /**
   * Only checks: the schema history must list exactly the migrations this library ships, each
   * applied completely and with an unchanged checksum; otherwise the build fails with a {@link
   * SchemaException} saying what to do.
   */
  VALIDATE,
  /** Trusts the schema without looking: for hosts that manage it with their own tools. */
  NONE
}
