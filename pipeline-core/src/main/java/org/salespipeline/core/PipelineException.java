package org.salespipeline.core;

import java.util.Objects;

/**
 * The root of every exception the library throws on purpose. All are unchecked; each subclass
 * carries the ids involved as fields and in its message, and a stable {@link #errorCode() error
 * code} naming its kind.
 */
public abstract class PipelineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode errorCode;

  /**
   * An exception of the kind the code names.
   *
   * @throws NullPointerException if the code is null
   */
  protected PipelineException(ErrorCode errorCode, String message) {
    super(message);
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
  }

  /**
   * An exception of the kind the code names, caused by another.
   *
   * @throws NullPointerException if the code is null
   */
  protected PipelineException(ErrorCode errorCode, String message, Throwable cause) {
    super(message, cause);
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
  }

  /** An exception whose kind has no code of its own: {@link ErrorCode#UNCLASSIFIED}. */
  protected PipelineException(String message) {
    this(ErrorCode.UNCLASSIFIED, message);
  }

  /** An exception whose kind has no code of its own, caused by another. */
  protected PipelineException(String message, Throwable cause) {
    this(ErrorCode.UNCLASSIFIED, message, cause);
  }

  /** The stable code of this kind of error; never null. */
  public ErrorCode errorCode() {
    return errorCode;
  }
}
