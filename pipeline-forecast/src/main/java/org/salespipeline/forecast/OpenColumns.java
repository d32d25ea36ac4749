package org.salespipeline.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.ValidationException;

/**
 * Collects open rows straight into primitive columns, without a row object per deal, for snapshots
 * of very large pipelines. Rows have no override, push count 0 and 0 days in stage. Stages are
 * fixed up front; owners are indexed in order of first appearance. Not thread-safe; build once.
 */
final class OpenColumns {
  private static final int INITIAL = 1024;
  final Currency currency;
  final LocalDate asOf;
  final List<String> stageNames;
  final List<String> ownerNames = new ArrayList<>();
  private final Map<String, Integer> ownerIndex = new HashMap<>();
  int size;
  // why: ids are kept as two longs while every id is a lowercase UUID text (as JDBC stores give
  // them): 16 bytes a row instead of about 80 for a String, which let a million open deals
  // overflow a 128 MB heap (issue 14, item 12); the first other id turns them into Strings
  long[] uuidHigh = new long[INITIAL];
  long[] uuidLow = new long[INITIAL];
  String[] ids;
  long[] amount = new long[INITIAL];
  double[] probability = new double[INITIAL];
  int[] closeDay = new int[INITIAL];
  int[] stage = new int[INITIAL];
  int[] owner = new int[INITIAL];
  byte[] category = new byte[INITIAL];
  int[] ageDays = new int[INITIAL];
  private long total;

  OpenColumns(Currency currency, LocalDate asOf, List<String> stageNames) {
    this.currency = Objects.requireNonNull(currency, "currency");
    this.asOf = Objects.requireNonNull(asOf, "asOf");
    this.stageNames = List.copyOf(stageNames);
  }

  /**
   * Adds one open row.
   *
   * @param id the deal id; must differ from the previous row's (rows arrive in id order)
   * @param amountMinor in minor units of the reporting currency, in [0, {@link
   *     PipelineSnapshot#MAX_DEAL_AMOUNT}]
   * @param stageIndex an index into the stage names
   * @throws ValidationException if the amount or the total is out of range or the id repeats
   */
  void add(
      String id,
      long amountMinor,
      double probabilityValue,
      int closeEpochDay,
      int stageIndex,
      String ownerName,
      ForecastCategory categoryValue,
      int age) {
    if (id == null) {
      throw new ValidationException(FieldProblem.of("id", null, "must not be null"));
    }
    long high = 0;
    long low = 0;
    boolean uuid = ids == null && isLowercaseUuid(id);
    if (uuid) {
      high = hex(id, 0, 8) << 32 | hex(id, 9, 13) << 16 | hex(id, 14, 18);
      low = hex(id, 19, 23) << 48 | hex(id, 24, 36);
      if (size > 0 && uuidHigh[size - 1] == high && uuidLow[size - 1] == low) {
        throw new ValidationException(FieldProblem.of("id", id, "appears twice"));
      }
    } else {
      if (ids == null) {
        toStrings();
      }
      if (size > 0 && id.equals(ids[size - 1])) {
        throw new ValidationException(FieldProblem.of("id", id, "appears twice"));
      }
    }
    if (amountMinor < 0 || amountMinor > PipelineSnapshot.MAX_DEAL_AMOUNT) {
      throw new ValidationException(
          FieldProblem.of("amount", amountMinor, "must be in [0, 2^44] minor units"));
    }
    long t = total + amountMinor;
    if (t > PipelineSnapshot.MAX_TOTAL_AMOUNT) {
      throw new ValidationException(
          FieldProblem.of(
              "amount",
              amountMinor,
              "makes the snapshot total exceed " + PipelineSnapshot.MAX_TOTAL_AMOUNT));
    }
    if (size == amount.length) {
      grow();
    }
    Integer o = ownerIndex.get(ownerName);
    if (o == null) {
      o = ownerNames.size();
      ownerNames.add(ownerName);
      ownerIndex.put(ownerName, o);
    }
    total = t;
    if (uuid) {
      uuidHigh[size] = high;
      uuidLow[size] = low;
    } else {
      ids[size] = id;
    }
    amount[size] = amountMinor;
    probability[size] = probabilityValue;
    closeDay[size] = closeEpochDay;
    stage[size] = stageIndex;
    owner[size] = o;
    category[size] = (byte) categoryValue.ordinal();
    ageDays[size] = Math.max(0, age);
    size++;
  }

  /** Whether the id is a UUID in its canonical lowercase text (8-4-4-4-12 hex digits). */
  static boolean isLowercaseUuid(String id) {
    if (id.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char ch = id.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? ch != '-' : !((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  private static long hex(String s, int from, int to) {
    long v = 0;
    for (int i = from; i < to; i++) {
      char ch = s.charAt(i);
      v = v << 4 | (ch <= '9' ? ch - '0' : ch - 'a' + 10);
    }
    return v;
  }

  /** Turns the ids kept so far into Strings, for a pipeline with an id that is not a UUID. */
  private void toStrings() {
    ids = new String[amount.length];
    for (int i = 0; i < size; i++) {
      ids[i] = new java.util.UUID(uuidHigh[i], uuidLow[i]).toString();
    }
    uuidHigh = null;
    uuidLow = null;
  }

  private void grow() {
    int n = amount.length * 2;
    if (ids != null) {
      ids = Arrays.copyOf(ids, n);
    } else {
      uuidHigh = Arrays.copyOf(uuidHigh, n);
      uuidLow = Arrays.copyOf(uuidLow, n);
    }
    amount = Arrays.copyOf(amount, n);
    probability = Arrays.copyOf(probability, n);
    closeDay = Arrays.copyOf(closeDay, n);
    stage = Arrays.copyOf(stage, n);
    owner = Arrays.copyOf(owner, n);
    category = Arrays.copyOf(category, n);
    ageDays = Arrays.copyOf(ageDays, n);
  }

  /** The snapshot; the columns are trimmed one at a time and handed over. */
  PipelineSnapshot build() {
    int n = size;
    Columns c = new Columns(currency, asOf, n, n, stageNames, ownerNames);
    // why: trim one column at a time so that at most one column exists twice (bounded heap)
    if (ids != null) {
      c.ids = ids.length == n ? ids : Arrays.copyOf(ids, n);
      ids = null;
    } else {
      c.uuidHigh = uuidHigh.length == n ? uuidHigh : Arrays.copyOf(uuidHigh, n);
      uuidHigh = null;
      c.uuidLow = uuidLow.length == n ? uuidLow : Arrays.copyOf(uuidLow, n);
      uuidLow = null;
    }
    c.amount = amount.length == n ? amount : Arrays.copyOf(amount, n);
    amount = null;
    c.probability = probability.length == n ? probability : Arrays.copyOf(probability, n);
    probability = null;
    c.closeDay = closeDay.length == n ? closeDay : Arrays.copyOf(closeDay, n);
    closeDay = null;
    c.stage = stage.length == n ? stage : Arrays.copyOf(stage, n);
    stage = null;
    c.owner = owner.length == n ? owner : Arrays.copyOf(owner, n);
    owner = null;
    c.category = category.length == n ? category : Arrays.copyOf(category, n);
    category = null;
    c.ageDays = ageDays.length == n ? ageDays : Arrays.copyOf(ageDays, n);
    ageDays = null;
    c.override = new double[n];
    Arrays.fill(c.override, Double.NaN);
    c.status = new byte[n];
    Arrays.fill(c.status, (byte) DealStatus.OPEN.ordinal());
    c.pushCount = new int[n];
    c.daysInStage = new int[n];
    return new PipelineSnapshot(c);
  }
}
