package org.salespipeline.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.salespipeline.core.ConfigurationException;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.ValidationException;

/**
 * The columnar input of every forecast: one row per deal, held in primitive arrays so that hot
 * loops never walk object graphs.
 *
 * <p>Columns: amount in minor units of the {@link #currency() reporting currency} ({@code long},
 * never negative), probability ({@code double} in [0, 1], the value the host or a stage default
 * gave), the rep's probability override (absent as NaN, reported beside the model, never mixed in),
 * expected close date as epoch day (the actual close date for closed rows), stage index, owner
 * index, forecast category, status, close-date push count, age in days and days in the current
 * stage, both counted at {@link #asOf()}.
 *
 * <p>Rows are ordered by status: open rows first ({@code [0, openCount())}), then won, lost and
 * disqualified rows; within one status the insertion order is kept.
 *
 * <p>Immutable and thread-safe. Accessors that return arrays return copies; the forecasting code of
 * this module reads the columns in place.
 */
public final class PipelineSnapshot {

  /** The largest total of all amounts, in minor units: keeps every fixed-point sum in a long. */
  public static final long MAX_TOTAL_AMOUNT = 1L << 54;

  /**
   * The largest amount of one deal, 2^44 minor units (about 17.6 trillion), which keeps each
   * weighted term exact in the fast fixed-point rounding. The engine accepts no larger amount on a
   * deal ({@link org.salespipeline.core.Money#MAX_DEAL_MINOR_UNITS}, the same value), so only a
   * conversion into a reporting currency of much smaller unit can exceed it.
   */
  public static final long MAX_DEAL_AMOUNT = org.salespipeline.core.Money.MAX_DEAL_MINOR_UNITS;

  private static final ForecastCategory[] CATEGORIES = ForecastCategory.values();
  private static final DealStatus[] STATUSES = DealStatus.values();

  final Currency currency;
  final LocalDate asOf;
  final int size;
  final int openCount;

  /** The total amount of the open rows (at most {@link #MAX_TOTAL_AMOUNT}). */
  final long openAmount;

  /** The ids as text, or null when {@link #uuidHigh} and {@link #uuidLow} hold them. */
  final String[] ids;

  // why: a million ids as Strings take about 80 MB; as two longs 16 MB (issue 14, item 12)
  final long[] uuidHigh;
  final long[] uuidLow;
  final long[] amount;
  final double[] probability;
  final double[] override;
  final int[] closeDay;
  final int[] stage;
  final int[] owner;
  final byte[] category;
  final byte[] status;
  final int[] pushCount;
  final int[] ageDays;
  final int[] daysInStage;
  final List<String> stageNames;
  final List<String> ownerNames;

  /** Takes over the columns: they must not be changed afterwards. */
  PipelineSnapshot(Columns c) {
    this.currency = c.currency;
    this.asOf = c.asOf;
    this.size = c.size;
    this.openCount = c.openCount;
    this.stageNames = List.copyOf(c.stageNames);
    this.ownerNames = List.copyOf(c.ownerNames);
    this.ids = c.ids;
    this.uuidHigh = c.uuidHigh;
    this.uuidLow = c.uuidLow;
    this.amount = c.amount;
    this.probability = c.probability;
    this.override = c.override;
    this.closeDay = c.closeDay;
    this.stage = c.stage;
    this.owner = c.owner;
    this.category = c.category;
    this.status = c.status;
    this.pushCount = c.pushCount;
    this.ageDays = c.ageDays;
    this.daysInStage = c.daysInStage;
    long t = 0;
    for (int i = 0; i < openCount; i++) {
      t += amount[i];
    }
    this.openAmount = t;
  }

  /**
   * A builder for a snapshot in the given reporting currency as it stood on {@code asOf}.
   *
   * @param reportingCurrency the currency of every amount column, not null
   * @param asOf the snapshot date: ages are counted to it and conversions use its rates, not null
   * @throws ValidationException if an argument is null
   */
  public static Builder builder(Currency reportingCurrency, LocalDate asOf) {
    return new Builder(reportingCurrency, asOf);
  }

  /** The reporting currency of every amount. */
  public Currency currency() {
    return currency;
  }

  /** The date the snapshot describes. */
  public LocalDate asOf() {
    return asOf;
  }

  /** The number of rows (deals of every status). */
  public int size() {
    return size;
  }

  /** The number of open rows; they are rows {@code 0 .. openCount() - 1}. */
  public int openCount() {
    return openCount;
  }

  /** Stage names in index order: {@link #stage(int)} indexes this list. */
  public List<String> stageNames() {
    return stageNames;
  }

  /** Owner names in index order: {@link #owner(int)} indexes this list. */
  public List<String> ownerNames() {
    return ownerNames;
  }

  /** The deal id of a row. */
  public String id(int row) {
    if (ids != null) {
      return ids[row];
    }
    java.util.Objects.checkIndex(row, size);
    return new java.util.UUID(uuidHigh[row], uuidLow[row]).toString();
  }

  /** The amount of a row in minor units of the reporting currency. */
  public long amount(int row) {
    return amount[row];
  }

  /** The probability of a row as given to the builder (stage default or host value). */
  public double probability(int row) {
    return probability[row];
  }

  /** The rep's probability override of a row, if any; never used by the models. */
  public OptionalDouble probabilityOverride(int row) {
    double o = override[row];
    return Double.isNaN(o) ? OptionalDouble.empty() : OptionalDouble.of(o);
  }

  /** The expected close date of an open row, the close date of a closed one, as epoch day. */
  public int closeDay(int row) {
    return closeDay[row];
  }

  /** The stage index of a row. */
  public int stage(int row) {
    return stage[row];
  }

  /** The owner index of a row. */
  public int owner(int row) {
    return owner[row];
  }

  /** The forecast category of a row. */
  public ForecastCategory category(int row) {
    return CATEGORIES[category[row]];
  }

  /** The status of a row. */
  public DealStatus status(int row) {
    return STATUSES[status[row]];
  }

  /** How many times the row's expected close date was pushed later. */
  public int pushCount(int row) {
    return pushCount[row];
  }

  /** The age of the deal in days at {@link #asOf()}. */
  public int ageDays(int row) {
    return ageDays[row];
  }

  /** Days spent in the current stage at {@link #asOf()}. */
  public int daysInStage(int row) {
    return daysInStage[row];
  }

  /** A copy of the amount column. */
  public long[] amounts() {
    return amount.clone();
  }

  /** A copy of the probability column. */
  public double[] probabilities() {
    return probability.clone();
  }

  /** The index of a stage name, or -1. */
  public int stageIndex(String name) {
    return stageNames.indexOf(name);
  }

  /** The index of an owner name, or -1. */
  public int ownerIndex(String name) {
    return ownerNames.indexOf(name);
  }

  /**
   * A copy of this snapshot with some rows changed, for what-if analysis. The edit receives a
   * builder preloaded with every row and may add rows; rows are kept unless {@link
   * Builder#remove(String)} names them.
   *
   * @param edit applies the changes, not null
   * @return a new snapshot; this one is unchanged
   */
  public PipelineSnapshot with(java.util.function.Consumer<Builder> edit) {
    Builder b = new Builder(currency, asOf);
    b.stages(stageNames);
    for (int i = 0; i < size; i++) {
      Row r = new Row(b, id(i));
      r.amount = amount[i];
      r.amountSet = true;
      r.probability = probability[i];
      r.override = override[i];
      r.closeDay = closeDay[i];
      r.closeSet = true;
      r.stage = b.stageIndexFor(stageNames.get(stage[i]));
      r.owner = b.ownerIndexFor(ownerNames.get(owner[i]));
      r.category = CATEGORIES[category[i]];
      r.status = STATUSES[status[i]];
      r.pushCount = pushCount[i];
      r.ageDays = ageDays[i];
      r.daysInStage = daysInStage[i];
      b.accept(r);
    }
    edit.accept(b);
    return b.build();
  }

  /**
   * Collects rows. Not thread-safe; build once. Defaults: stages and owners are indexed in order of
   * first appearance unless {@link #stages(List)} declares the stage order first; a converter is
   * needed only for amounts in another currency. Each setting ({@code stages}, {@code converter})
   * can be set once: a second set is a {@link ConfigurationException}. Rows are added repeatedly.
   */
  public static final class Builder {
    private final Currency currency;
    private final LocalDate asOf;
    private CurrencyConverter converter = CurrencyConverter.sameCurrencyOnly();
    private boolean converterSet;
    private boolean stagesDeclared;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Integer> byId = new HashMap<>();
    private final List<String> stageNames = new ArrayList<>();
    private final Map<String, Integer> stageIndex = new HashMap<>();
    private final List<String> ownerNames = new ArrayList<>();
    private final Map<String, Integer> ownerIndex = new HashMap<>();
    private long total;

    private Builder(Currency currency, LocalDate asOf) {
      if (currency == null) {
        throw new ValidationException(FieldProblem.of("currency", null, "must not be null"));
      }
      if (asOf == null) {
        throw new ValidationException(FieldProblem.of("asOf", null, "must not be null"));
      }
      this.currency = currency;
      this.asOf = asOf;
    }

    /**
     * Declares the stage order (index = position); stages met later are appended. Call before any
     * row names a stage.
     *
     * @throws ValidationException if a name is null or repeated
     * @throws ConfigurationException if the stage order was already declared, or a row already
     *     named a stage
     */
    public Builder stages(List<String> names) {
      if (stagesDeclared || !stageNames.isEmpty()) {
        throw new ConfigurationException(
            "stages were already set to " + stageNames + "; declare the stage order once, first");
      }
      stagesDeclared = true;
      for (String s : names) {
        if (s == null || stageIndex.containsKey(s)) {
          throw new ValidationException(
              FieldProblem.of("stages", s, "must be distinct and not null"));
        }
        stageIndexFor(s);
      }
      return this;
    }

    /**
     * The converter for amounts in other currencies, at the snapshot date's rates (default: same
     * currency only). Set it before the rows it converts.
     *
     * @throws ConfigurationException if a converter was already set
     */
    public Builder converter(CurrencyConverter converter) {
      if (converterSet) {
        throw new ConfigurationException("converter was already set to " + this.converter);
      }
      this.converter = Objects.requireNonNull(converter, "converter");
      this.converterSet = true;
      return this;
    }

    /**
     * Starts a row for a deal; finish it with {@link Row#add()}.
     *
     * @param id the deal id, unique within the snapshot, not null
     */
    public Row deal(String id) {
      if (id == null) {
        throw new ValidationException(FieldProblem.of("id", null, "must not be null"));
      }
      return new Row(this, id);
    }

    /** Removes the row of a deal id, if present (for what-if edits). */
    public Builder remove(String id) {
      Integer at = byId.remove(id);
      if (at != null) {
        Row r = rows.remove(at.intValue());
        total -= r.amount;
        byId.clear();
        for (int i = 0; i < rows.size(); i++) {
          byId.put(rows.get(i).id, i);
        }
      }
      return this;
    }

    /** The row of a deal id already added, to change it (for what-if edits), or null. */
    public Row row(String id) {
      Integer at = byId.get(id);
      return at == null ? null : rows.get(at);
    }

    /**
     * The snapshot.
     *
     * @throws ValidationException if edited rows made the total exceed {@link #MAX_TOTAL_AMOUNT}
     */
    public PipelineSnapshot build() {
      long t = 0;
      for (Row r : rows) {
        t += r.amount;
        if (t > MAX_TOTAL_AMOUNT) {
          throw new ValidationException(
              FieldProblem.of("amount", r.amount, "makes the snapshot total exceed 2^54"));
        }
      }
      return new PipelineSnapshot(Columns.of(currency, asOf, rows, stageNames, ownerNames));
    }

    int stageIndexFor(String name) {
      return stageIndex.computeIfAbsent(
          name,
          n -> {
            stageNames.add(n);
            return stageNames.size() - 1;
          });
    }

    int ownerIndexFor(String name) {
      return ownerIndex.computeIfAbsent(
          name,
          n -> {
            ownerNames.add(n);
            return ownerNames.size() - 1;
          });
    }

    void accept(Row r) {
      if (byId.containsKey(r.id)) {
        throw new ValidationException(FieldProblem.of("id", r.id, "appears twice"));
      }
      long t = total + r.amount;
      if (t > MAX_TOTAL_AMOUNT || t < 0) {
        throw new ValidationException(
            FieldProblem.of(
                "amount", r.amount, "makes the snapshot total exceed " + MAX_TOTAL_AMOUNT));
      }
      total = t;
      byId.put(r.id, rows.size());
      rows.add(r);
    }
  }

  /**
   * One row under construction. Required: amount, close date (for open and won rows), stage and
   * owner. Defaults: probability 0, no override, status open, category {@code PIPELINE} for open
   * rows, {@code CLOSED} for won and {@code OMITTED} for lost or disqualified rows, push count 0,
   * age 0, days in stage 0. Until the row is added each field can be set once ({@code amount} and
   * {@code amountMinor} set the amount, {@code createdOn} and {@code ageDays} the age): a second
   * set is a {@link ConfigurationException}. A row obtained through {@link Builder#row} is being
   * edited and takes new values.
   */
  public static final class Row {
    private final Builder builder;
    final String id;
    long amount;
    boolean amountSet;
    double probability;
    double override = Double.NaN;
    int closeDay;
    boolean closeSet;
    int stage = -1;
    int owner = -1;
    ForecastCategory category;
    DealStatus status = DealStatus.OPEN;
    int pushCount;
    int ageDays;
    int daysInStage;
    // why: a new row refuses a second set of a field; an added row is edited (what-if) and may
    private int set;
    private boolean added;

    private Row(Builder builder, String id) {
      this.builder = builder;
      this.id = id;
    }

    /**
     * The amount in minor units of the reporting currency.
     *
     * @throws ValidationException if negative or above {@link #MAX_DEAL_AMOUNT}
     */
    public Row amountMinor(long minorUnits) {
      if (minorUnits < 0 || minorUnits > MAX_DEAL_AMOUNT) {
        throw new ValidationException(
            FieldProblem.of("amount", minorUnits, "must be in [0, 2^44] minor units"));
      }
      once(0, "amount");
      this.amount = minorUnits;
      this.amountSet = true;
      return this;
    }

    /**
     * The amount, converted to the reporting currency at the snapshot date's rate when needed.
     *
     * @throws ValidationException if null or negative
     * @throws org.salespipeline.core.CurrencyConversionException if no rate is known
     */
    public Row amount(Money money) {
      if (money == null) {
        throw new ValidationException(FieldProblem.of("amount", null, "must not be null"));
      }
      Money m =
          money.currency().equals(builder.currency)
              ? money
              : builder.converter.convert(money, builder.currency, builder.asOf);
      return amountMinor(m.minorUnitsWithinLimit());
    }

    /**
     * The win probability the host or the stage default gives.
     *
     * @throws ValidationException if NaN or outside [0, 1]
     */
    public Row probability(double p) {
      checkProbability("probability", p);
      once(1, "probability");
      this.probability = p;
      return this;
    }

    /**
     * The rep's override, kept beside the model's value and never mixed in.
     *
     * @throws ValidationException if NaN or outside [0, 1]
     */
    public Row probabilityOverride(double p) {
      checkProbability("probabilityOverride", p);
      once(2, "probabilityOverride");
      this.override = p;
      return this;
    }

    /** The expected close date (open rows) or the close date (closed rows), not null. */
    public Row closeDate(LocalDate date) {
      if (date == null) {
        throw new ValidationException(FieldProblem.of("closeDate", null, "must not be null"));
      }
      once(3, "closeDate");
      this.closeDay = Math.toIntExact(date.toEpochDay());
      this.closeSet = true;
      return this;
    }

    /** The stage name, not null. */
    public Row stage(String name) {
      if (name == null) {
        throw new ValidationException(FieldProblem.of("stage", null, "must not be null"));
      }
      once(4, "stage");
      this.stage = builder.stageIndexFor(name);
      return this;
    }

    /** The owner name (user id), not null. */
    public Row owner(String name) {
      if (name == null) {
        throw new ValidationException(FieldProblem.of("owner", null, "must not be null"));
      }
      once(5, "owner");
      this.owner = builder.ownerIndexFor(name);
      return this;
    }

    /** The rep's forecast category, not null. */
    public Row category(ForecastCategory c) {
      Objects.requireNonNull(c, "category");
      once(6, "category");
      this.category = c;
      return this;
    }

    /** The deal status, not null. */
    public Row status(DealStatus s) {
      Objects.requireNonNull(s, "status");
      once(7, "status");
      this.status = s;
      return this;
    }

    /** How many times the expected close date was pushed later; not negative. */
    public Row pushCount(int n) {
      nonNegative("pushCount", n);
      once(8, "pushCount");
      this.pushCount = n;
      return this;
    }

    /** The deal's creation date; sets the age in days at the snapshot date. */
    public Row createdOn(LocalDate date) {
      if (date == null) {
        throw new ValidationException(FieldProblem.of("createdOn", null, "must not be null"));
      }
      long days = ChronoUnit.DAYS.between(date, builder.asOf);
      int age = nonNegative("createdOn", (int) Math.max(Integer.MIN_VALUE, days));
      once(9, "ageDays");
      this.ageDays = age;
      return this;
    }

    /** The age in days at the snapshot date; not negative. */
    public Row ageDays(int days) {
      nonNegative("ageDays", days);
      once(9, "ageDays");
      this.ageDays = days;
      return this;
    }

    /** Days in the current stage at the snapshot date; not negative. */
    public Row daysInStage(int days) {
      nonNegative("daysInStage", days);
      once(10, "daysInStage");
      this.daysInStage = days;
      return this;
    }

    /**
     * Validates the row and adds it (or, for a row obtained through {@link Builder#row}, keeps the
     * changes).
     *
     * @return the snapshot builder
     * @throws ValidationException naming every missing field
     */
    public Builder add() {
      List<FieldProblem> problems = new ArrayList<>();
      if (!amountSet) {
        problems.add(FieldProblem.of("amount", null, "is required"));
      }
      if (!closeSet && (status == DealStatus.OPEN || status == DealStatus.WON)) {
        problems.add(FieldProblem.of("closeDate", null, "is required for open and won deals"));
      }
      if (stage < 0) {
        problems.add(FieldProblem.of("stage", null, "is required"));
      }
      if (owner < 0) {
        problems.add(FieldProblem.of("owner", null, "is required"));
      }
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      if (category == null) {
        category =
            switch (status) {
              case OPEN -> ForecastCategory.PIPELINE;
              case WON -> ForecastCategory.CLOSED;
              default -> ForecastCategory.OMITTED;
            };
      }
      if (builder.row(id) != this) {
        builder.accept(this);
      }
      added = true;
      return builder;
    }

    /** Refuses a second set of the field while the row is new. */
    private void once(int bit, String field) {
      if (!added && (set & (1 << bit)) != 0) {
        throw new ConfigurationException(
            "row " + id + ": " + field + " was already set to " + current(field));
      }
      set |= 1 << bit;
    }

    private Object current(String field) {
      return switch (field) {
        case "amount" -> amount;
        case "probability" -> probability;
        case "probabilityOverride" -> override;
        case "closeDate" -> LocalDate.ofEpochDay(closeDay);
        case "stage" -> builder.stageNames.get(stage);
        case "owner" -> builder.ownerNames.get(owner);
        case "category" -> category;
        case "status" -> status;
        case "pushCount" -> pushCount;
        case "ageDays" -> ageDays;
        default -> daysInStage;
      };
    }

    private static double checkProbability(String field, double p) {
      if (!(p >= 0.0 && p <= 1.0)) {
        throw new ValidationException(FieldProblem.of(field, p, "must be in [0, 1]"));
      }
      return p;
    }

    private static int nonNegative(String field, int n) {
      if (n < 0) {
        throw new ValidationException(FieldProblem.of(field, n, "must not be negative"));
      }
      return n;
    }
  }

  @Override
  public String toString() {
    return "PipelineSnapshot[asOf="
        + asOf
        + ", currency="
        + currency
        + ", rows="
        + size
        + ", open="
        + openCount
        + ", stages="
        + stageNames
        + ", owners="
        + ownerNames.size()
        + ", amountTotal="
        + Arrays.stream(amount).sum()
        + "]";
  }
}
