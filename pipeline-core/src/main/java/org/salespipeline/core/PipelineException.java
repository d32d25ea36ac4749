package org.salespipeline.core;

/**
 * The root of every exception the library throws on purpose. All are unchecked; each subclass
 * carries the ids involved as fields and in its message.
 */
public abstract class PipelineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected PipelineException(String message) {
    super(message);
  }

  protected PipelineException(String message, Throwable cause) {
    super(message, cause);
  }
}
