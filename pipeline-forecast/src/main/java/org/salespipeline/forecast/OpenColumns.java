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
  String[] ids = new String[INITIAL];
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
    if (size > 0 && id.equals(ids[size - 1])) {
      throw new ValidationException(FieldProblem.of("id", id, "appears twice"));
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
    if (size == ids.length) {
      grow();
    }
    Integer o = ownerIndex.get(ownerName);
    if (o == null) {
      o = ownerNames.size();
      ownerNames.add(ownerName);
      ownerIndex.put(ownerName, o);
    }
    total = t;
    ids[size] = id;
    amount[size] = amountMinor;
    probability[size] = probabilityValue;
    closeDay[size] = closeEpochDay;
    stage[size] = stageIndex;
    owner[size] = o;
    category[size] = (byte) categoryValue.ordinal();
    ageDays[size] = Math.max(0, age);
    size++;
  }

  private void grow() {
    int n = ids.length * 2;
    ids = Arrays.copyOf(ids, n);
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
    c.ids = ids.length == n ? ids : Arrays.copyOf(ids, n);
    ids = null;
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
