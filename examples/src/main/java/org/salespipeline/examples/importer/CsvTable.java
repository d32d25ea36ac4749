package org.salespipeline.examples.importer;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A CSV file read whole (RFC 4180: commas, double quotes, doubled quotes inside quotes, CRLF or
 * LF), each record with the line it starts on. A UTF-8 byte-order mark is skipped. Immutable.
 */
public final class CsvTable {
  /** A record: the line it starts on and its values. */
  public record Row(int line, List<String> values) {
    /** The value of the 0-based column, or empty text when the record is shorter. */
    public String get(int column) {
      return column < values.size() ? values.get(column) : "";
    }
  }

  private final String name;
  private final List<String> header;
  private final List<Row> rows;

  private CsvTable(String name, List<String> header, List<Row> rows) {
    this.name = name;
    this.header = header;
    this.rows = rows;
  }

  /**
   * Reads a file with a header line.
   *
   * @throws CsvImportException naming the file, line and column of an unterminated quote, a missing
   *     or unreadable file, bad UTF-8, or an empty file
   */
  public static CsvTable read(Path file) {
    String name = file.getFileName().toString();
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (NoSuchFileException e) {
      throw new CsvImportException(List.of(new CsvProblem(file.toString(), 0, 0, "no such file")));
    } catch (CharacterCodingException e) {
      throw new CsvImportException(List.of(new CsvProblem(name, 0, 0, "is not UTF-8 text")));
    } catch (IOException e) {
      throw new CsvImportException(
          List.of(new CsvProblem(file.toString(), 0, 0, "cannot be read: " + e.getMessage())));
    }
    return parse(name, text);
  }

  /** Parses CSV text; {@code name} is used in problems. */
  public static CsvTable parse(String name, String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<Row> records = new ArrayList<>();
    List<String> values = new ArrayList<>();
    StringBuilder value = new StringBuilder();
    int line = 1;
    int recordLine = 1;
    int column = 1;
    int quoteLine = 0;
    int quoteColumn = 0;
    boolean quoted = false;
    boolean afterQuote = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            value.append('"');
            i += 2;
            continue;
          }
          quoted = false;
          afterQuote = true;
        } else {
          if (c == '\n') {
            line++;
          }
          value.append(c);
        }
        i++;
        continue;
      }
      if (c == ',') {
        values.add(value.toString());
        value.setLength(0);
        column = values.size() + 1;
        afterQuote = false;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        values.add(value.toString());
        value.setLength(0);
        if (!(values.size() == 1 && values.get(0).isEmpty())) {
          records.add(new Row(recordLine, List.copyOf(values)));
        }
        values.clear();
        line++;
        recordLine = line;
        column = 1;
        afterQuote = false;
      } else if (c == '"' && value.length() == 0 && !afterQuote) {
        quoted = true;
        quoteLine = line;
        quoteColumn = column;
      } else if (afterQuote) {
        throw new CsvImportException(
            List.of(
                new CsvProblem(
                    name, line, column, "unexpected character '" + c + "' after a closing quote")));
      } else {
        value.append(c);
      }
      i++;
    }
    if (quoted) {
      throw new CsvImportException(
          List.of(
              new CsvProblem(name, quoteLine, quoteColumn, "quote opened here is never closed")));
    }
    if (value.length() > 0 || !values.isEmpty()) {
      values.add(value.toString());
      records.add(new Row(recordLine, List.copyOf(values)));
    }
    if (records.isEmpty()) {
      throw new CsvImportException(
          List.of(new CsvProblem(name, 0, 0, "is empty; a header line is expected")));
    }
    List<String> header = records.get(0).values().stream().map(String::trim).toList();
    return new CsvTable(name, header, List.copyOf(records.subList(1, records.size())));
  }

  /** The file name used in problems. */
  public String name() {
    return name;
  }

  /** The header's column names, trimmed. */
  public List<String> header() {
    return header;
  }

  /** The records after the header, in file order. */
  public List<Row> rows() {
    return rows;
  }

  /** The 0-based index of a header column, if present (case-insensitive). */
  public Optional<Integer> column(String columnName) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).equalsIgnoreCase(columnName)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /**
   * Problems for required columns missing from the header, and for records whose number of values
   * differs from the header's.
   */
  public List<CsvProblem> shapeProblems(List<String> required) {
    List<CsvProblem> problems = new ArrayList<>();
    for (String column : required) {
      if (column(column).isEmpty()) {
        problems.add(
            new CsvProblem(name, 1, 0, "missing column '" + column + "'; header is " + header));
      }
    }
    for (Row row : rows) {
      if (row.values().size() != header.size()) {
        problems.add(
            new CsvProblem(
                name,
                row.line(),
                Math.min(row.values().size(), header.size()) + 1,
                "has "
                    + row.values().size()
                    + " values, the header has "
                    + header.size()
                    + " columns"));
      }
    }
    return problems;
  }
}
