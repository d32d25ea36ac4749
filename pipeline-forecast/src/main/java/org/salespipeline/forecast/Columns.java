package org.salespipeline.forecast;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.salespipeline.core.DealStatus;

/** The columns a {@link PipelineSnapshot} takes over, filled by its builders. Not thread-safe. */
final class Columns {
  private static final DealStatus[] STATUSES = DealStatus.values();

  final Currency currency;
  final LocalDate asOf;
  final int size;
  final int openCount;
  final List<String> stageNames;
  final List<String> ownerNames;

  /** The ids as text; null when {@link #uuidHigh} and {@link #uuidLow} hold them. */
  String[] ids;

  /** The ids as UUIDs (high and low 64 bits) when every id is a lowercase UUID text, else null. */
  long[] uuidHigh;

  long[] uuidLow;
  long[] amount;
  double[] probability;
  double[] override;
  int[] closeDay;
  int[] stage;
  int[] owner;
  byte[] category;
  byte[] status;
  int[] pushCount;
  int[] ageDays;
  int[] daysInStage;

  Columns(
      Currency currency,
      LocalDate asOf,
      int size,
      int openCount,
      List<String> stageNames,
      List<String> ownerNames) {
    this.currency = currency;
    this.asOf = asOf;
    this.size = size;
    this.openCount = openCount;
    this.stageNames = stageNames;
    this.ownerNames = ownerNames;
  }

  /** The rows' columns, ordered by status (open first), insertion order within a status. */
  static Columns of(
      Currency currency,
      LocalDate asOf,
      List<PipelineSnapshot.Row> rows,
      List<String> stageNames,
      List<String> ownerNames) {
    int size = rows.size();
    int open = 0;
    for (PipelineSnapshot.Row r : rows) {
      open += r.status == DealStatus.OPEN ? 1 : 0;
    }
    Columns c = new Columns(currency, asOf, size, open, stageNames, ownerNames);
    c.ids = new String[size];
    c.amount = new long[size];
    c.probability = new double[size];
    c.override = new double[size];
    c.closeDay = new int[size];
    c.stage = new int[size];
    c.owner = new int[size];
    c.category = new byte[size];
    c.status = new byte[size];
    c.pushCount = new int[size];
    c.ageDays = new int[size];
    c.daysInStage = new int[size];
    int at = 0;
    for (DealStatus st : STATUSES) {
      for (PipelineSnapshot.Row r : rows) {
        if (r.status != st) {
          continue;
        }
        c.ids[at] = r.id;
        c.amount[at] = r.amount;
        c.probability[at] = r.probability;
        c.override[at] = r.override;
        c.closeDay[at] = r.closeDay;
        c.stage[at] = r.stage;
        c.owner[at] = r.owner;
        c.category[at] = (byte) r.category.ordinal();
        c.status[at] = (byte) st.ordinal();
        c.pushCount[at] = r.pushCount;
        c.ageDays[at] = r.ageDays;
        c.daysInStage[at] = r.daysInStage;
        at++;
      }
    }
    return c;
  }
}
