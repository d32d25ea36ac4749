package org.salespipeline.examples.cli;

import java.nio.file.Path;
import java.util.Currency;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options that say which imported H2 file and workspace a forecasting command reads, and in
 * which currency it reports: shared by {@code forecast} and {@code backtest}.
 */
final class ImportedSource {
  @Option(
      names = "--db",
      required = true,
      paramLabel = "FILE",
      description = "The H2 database file (without .mv.db), written by 'import ... --db FILE'.")
  Path db;

  @Option(
      names = "--workspace",
      paramLabel = "ID",
      description = "The workspace to read (default: crm, default or demo, the first found).")
  String workspace;

  @Option(
      names = "--currency",
      defaultValue = "USD",
      description = "The reporting currency (default: ${DEFAULT-VALUE}).")
  String currency;

  /** The reporting currency, checked. */
  Currency reporting() {
    return Arguments.currency(currency);
  }

  /** Opens the file at the chosen (or first found) workspace; the caller closes it. */
  ImportedStore open() {
    return ImportedStore.open(db, Optional.ofNullable(workspace));
  }
}
