package org.salespipeline.jdbc;

import org.salespipeline.core.ErrorCode;
import org.salespipeline.core.PipelineException;

/**
 * The JDBC store's schema is missing, newer, older, tampered with or half-applied; the message says
 * what to do. Thrown by {@link JdbcPipelineStore.Builder#build()} (and the {@code h2File} / {@code
 * h2InMemory} factories) when the {@link SchemaMode} finds a schema this library cannot use.
 * Unchecked, under the library's root {@link PipelineException}.
 */
public class SchemaException extends PipelineException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with the message that says what to do.
   *
   * @param message what is wrong with the schema and what to do
   */
  public SchemaException(String message) {
    super(ErrorCode.SCHEMA, message);
  }

  /**
   * An exception with the message that says what to do and the database failure behind it.
   *
   * @param message what is wrong with the schema and what to do
   * @param cause the underlying failure
   */
  public SchemaException(String message, Throwable cause) {
    super(ErrorCode.SCHEMA, message, cause);
  }
}
