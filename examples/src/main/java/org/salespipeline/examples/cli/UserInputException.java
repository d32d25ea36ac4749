package org.salespipeline.examples.cli;

/** Bad input from the person at the terminal: a bad file or argument. Exit code 2. */
public final class UserInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception whose message is shown as it is. */
  public UserInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
