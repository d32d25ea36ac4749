package org.salespipeline.core;

/**
 * The storage schema is missing, newer, older, tampered with or half-applied; the message says what
 * to do.
 */
public class SchemaException extends PipelineException {
  private static final long serialVersionUID = 1L;

  public SchemaException(String message) {
    super(message);
  }

  public SchemaException(String message, Throwable cause) {
    super(message, cause);
  }
}
