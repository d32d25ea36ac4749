package org.salespipeline.examples.importer;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an import did: rows read and deals written, and every quirk of the data that was handled
 * rather than refused, with a count and a few examples, so that nothing is dropped silently. Built
 * by the importers; immutable once returned.
 */
public final class ImportReport {
  /**
   * One quirk of the data and how it was handled.
   *
   * @param file the file it was found in
   * @param description what was found and what the importer did about it
   * @param count how many rows it concerns
   * @param examples a few of them (ids or line numbers)
   */
  public record Quirk(String file, String description, int count, List<String> examples) {}

  private final List<Quirk> quirks = new ArrayList<>();
  private int rowsRead;
  private int dealsWritten;

  ImportReport() {}

  void quirk(String file, String description, List<String> rows) {
    if (!rows.isEmpty()) {
      quirks.add(
          new Quirk(
              file,
              description,
              rows.size(),
              List.copyOf(rows.subList(0, Math.min(3, rows.size())))));
    }
  }

  void rowsRead(int rows) {
    this.rowsRead = rows;
  }

  void dealsWritten(int deals) {
    this.dealsWritten = deals;
  }

  /** Deal rows read. */
  public int rowsRead() {
    return rowsRead;
  }

  /** Deals written; equals {@link #rowsRead()} for a complete import. */
  public int dealsWritten() {
    return dealsWritten;
  }

  /** The quirks, in the order found. */
  public List<Quirk> quirks() {
    return List.copyOf(quirks);
  }

  /** Prints the counts and the quirks. */
  public void print(PrintStream out) {
    out.printf(Locale.ROOT, "Imported %,d of %,d deal rows.%n", dealsWritten, rowsRead);
    if (quirks.isEmpty()) {
      out.println("No quirks found.");
      return;
    }
    out.println("Quirks handled (nothing dropped):");
    for (Quirk quirk : quirks) {
      out.printf(
          Locale.ROOT,
          "  %s: %,d row(s) - %s (e.g. %s)%n",
          quirk.file(),
          quirk.count(),
          quirk.description(),
          String.join(", ", quirk.examples()));
    }
  }
}
