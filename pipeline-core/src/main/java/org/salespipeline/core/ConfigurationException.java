package org.salespipeline.core;

/** The library was wired wrongly: a builder got a bad or conflicting setting. */
public class ConfigurationException extends PipelineException {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(ErrorCode.CONFIGURATION, message);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(ErrorCode.CONFIGURATION, message, cause);
  }
}
