package org.salespipeline.examples.importer;

import java.util.Objects;

/**
 * One problem in a CSV file, located like a compiler error: {@code deals.csv:12:4: amount 'abc' is
 * not a decimal number}.
 *
 * @param file the file name
 * @param line the 1-based line where the record starts; 0 for the file as a whole
 * @param column the 1-based column; 0 for the record as a whole
 * @param message what is wrong
 */
public record CsvProblem(String file, int line, int column, String message) {
  public CsvProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + (column > 0 ? ":" + column : "") + ": " + message;
  }
}
