package org.salespipeline.forecast.bookings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Set;
import org.salespipeline.core.CurrencyConversionException;
import org.salespipeline.core.CurrencyConverter;
import org.salespipeline.core.DealId;
import org.salespipeline.core.DealKind;
import org.salespipeline.core.FieldProblem;
import org.salespipeline.core.Money;
import org.salespipeline.core.PipelineId;
import org.salespipeline.core.ProgressListener;
import org.salespipeline.core.ValidationException;
import org.salespipeline.core.event.Change;
import org.salespipeline.core.event.DealEvent;
import org.salespipeline.core.stage.PipelineDefinition;

/**
 * Reads deal events, grouped by deal in sequence order, into {@link DealColumns} in one pass. Deals
 * of other pipelines are skipped. Amounts are converted to the reporting currency at the rate of
 * the day they were recorded. Not thread-safe; one instance per read.
 */
final class HistoryReader implements Change.Visitor<Void> {
  private static final int PROGRESS_EVERY = 1 << 16;

  private final PipelineDefinition pipeline;
  private final Currency currency;
  private final CurrencyConverter converter;
  private final ZoneId zone;
  private final int fixedOffsetSeconds;
  private final boolean fixed;

  private final GrowableInts created = new GrowableInts(1024);
  private final GrowableInts statusOffset = new GrowableInts(1024);
  private final GrowableInts statusDay = new GrowableInts(1024);
  private final GrowableInts statusKind = new GrowableInts(1024);
  private final GrowableInts amountOffset = new GrowableInts(1024);
  private final GrowableInts amountDay = new GrowableInts(1024);
  private final GrowableLongs amountMinor = new GrowableLongs(1024);
  private final GrowableInts stageOffset = new GrowableInts(1024);
  private final GrowableInts stageDay = new GrowableInts(1024);
  private final GrowableInts stageIndex = new GrowableInts(1024);
  private final GrowableInts closeOffset = new GrowableInts(1024);
  private final GrowableInts closeDay = new GrowableInts(1024);
  private final GrowableInts closeValue = new GrowableInts(1024);

  private final java.util.Map<String, Integer> stageIndexes = new java.util.HashMap<>();
  private final String[] stageKeys;
  private final PipelineId pipelineId;
  private final EnumSet<DealKind> kinds;
  private final boolean allKinds;

  private DealId current;
  private boolean keep;
  private int day;
  private DealEvent event;

  HistoryReader(
      PipelineDefinition pipeline, Currency currency, CurrencyConverter converter, ZoneId zone) {
    this(pipeline, currency, converter, zone, EnumSet.allOf(DealKind.class));
  }

  /** A reader that keeps only the deals of {@code kinds} (of the pipeline). */
  HistoryReader(
      PipelineDefinition pipeline,
      Currency currency,
      CurrencyConverter converter,
      ZoneId zone,
      Set<DealKind> kinds) {
    this.kinds = EnumSet.copyOf(kinds);
    this.allKinds = this.kinds.size() == DealKind.values().length;
    this.pipeline = pipeline;
    this.currency = currency;
    this.converter = converter;
    this.zone = zone;
    this.fixed = zone.getRules().isFixedOffset();
    this.pipelineId = pipeline.id();
    this.stageKeys = new String[pipeline.stages().size()];
    for (int i = 0; i < stageKeys.length; i++) {
      stageKeys[i] = pipeline.stages().get(i).key();
      stageIndexes.put(stageKeys[i], i);
    }
    this.fixedOffsetSeconds =
        fixed ? zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds() : 0;
  }

  DealColumns read(Iterable<DealEvent> events, ProgressListener progress) {
    long count = 0;
    for (DealEvent e : events) {
      accept(e);
      if (++count % PROGRESS_EVERY == 0) {
        progress.progress(count, -1);
      }
    }
    progress.progress(count, count);
    return finish();
  }

  void accept(DealEvent e) {
    DealId id = e.dealId();
    if (id != current && !id.equals(current)) {
      current = id;
      keep = false;
      if (e.sequence() != 1 || !Change.Created.TYPE.equals(e.change().typeName())) {
        // why: a deal's history must start at its creation, otherwise facts before are unknown
        throw new ValidationException(
            FieldProblem.of(
                "events",
                e.dealId() + "#" + e.sequence(),
                "must be grouped by deal in sequence order, each deal starting with Created"));
      }
    } else if (!keep) {
      return;
    }
    // why: the day is read only by the kinds that record a fact the forecast uses, so an activity
    // (often half of a history) does not load its event's timestamp
    event = e;
    e.change().accept(this);
  }

  int dayOf(Instant at) {
    if (fixed) {
      return (int) Math.floorDiv(at.getEpochSecond() + fixedOffsetSeconds, 86_400L);
    }
    return (int) LocalDate.ofInstant(at, zone).toEpochDay();
  }

  private long minor(Money m) {
    if (m.isNegative()) {
      throw new ValidationException(
          FieldProblem.of("amount", m + " of deal " + current, "must not be negative"));
    }
    if (m.currency().equals(currency)) {
      return m.minorUnitsWithinLimit();
    }
    try {
      return converter.convert(m, currency, LocalDate.ofEpochDay(day)).minorUnitsWithinLimit();
    } catch (CurrencyConversionException ex) {
      throw new ValidationException(
          FieldProblem.of(
              "amount",
              m + " of deal " + current,
              "cannot be converted to the reporting currency "
                  + currency.getCurrencyCode()
                  + " on "
                  + LocalDate.ofEpochDay(day)
                  + ": set a converter that knows the rate ("
                  + ex.getMessage()
                  + ")"));
    }
  }

  DealColumns finish() {
    statusOffset.add(statusDay.size());
    amountOffset.add(amountDay.size());
    stageOffset.add(stageDay.size());
    closeOffset.add(closeDay.size());
    // why: the rows are gathered straight from the growable columns' backing arrays (no copy of
    // each column before the creation-order copy), halving the read's copying and garbage
    int[] createdDays = created.toArray();
    int[] perm = CreationSort.permutation(createdDays);
    int[] so = statusOffset.raw();
    int[] ao = amountOffset.raw();
    int[] go = stageOffset.raw();
    int[] co = closeOffset.raw();
    int[] so2 = CreationSort.offsets(so, perm);
    int[] ao2 = CreationSort.offsets(ao, perm);
    int[] go2 = CreationSort.offsets(go, perm);
    int[] co2 = CreationSort.offsets(co, perm);
    return new DealColumns(
        pipeline.stages().size(),
        CreationSort.gather(createdDays, perm),
        so2,
        CreationSort.rows(statusDay.raw(), so, so2, perm),
        CreationSort.byteRows(statusKind.raw(), so, so2, perm),
        ao2,
        CreationSort.rows(amountDay.raw(), ao, ao2, perm),
        CreationSort.rows(amountMinor.raw(), ao, ao2, perm),
        go2,
        CreationSort.rows(stageDay.raw(), go, go2, perm),
        CreationSort.rows(stageIndex.raw(), go, go2, perm),
        co2,
        CreationSort.rows(closeDay.raw(), co, co2, perm),
        CreationSort.rows(closeValue.raw(), co, co2, perm));
  }

  /** Records a close or reopening on the event's day; returns the visitor's null. */
  private Void status(byte kind) {
    day = dayOf(event.at());
    statusDay.add(day);
    statusKind.add(kind);
    return null;
  }

  private void stage(String key) {
    stageDay.add(day);
    stageIndex.add(stageIndex(key));
  }

  /** The pipeline's index of a stage key, or -1; keys are usually the pipeline's own strings. */
  private int stageIndex(String key) {
    // why: a reference check over the few stage keys avoids hashing and a map lookup per event
    // (searched from the end: with a repeated key the map, too, holds the last index)
    for (int i = stageKeys.length - 1; i >= 0; i--) {
      if (stageKeys[i] == key) {
        return i;
      }
    }
    Integer index = stageIndexes.get(key);
    return index == null ? -1 : index;
  }

  @Override
  public Void visit(Change.Created change) {
    day = dayOf(event.at());
    PipelineId p = change.deal().pipeline();
    if (p != pipelineId && !p.equals(pipelineId)) {
      return null;
    }
    if (!allKinds && !kinds.contains(change.deal().kind())) {
      return null;
    }
    keep = true;
    created.add(day);
    statusOffset.add(statusDay.size());
    amountOffset.add(amountDay.size());
    stageOffset.add(stageDay.size());
    closeOffset.add(closeDay.size());
    amountDay.add(day);
    amountMinor.add(minor(change.deal().amount()));
    stage(change.deal().stage());
    closeDay.add(day);
    closeValue.add((int) change.deal().expectedCloseDate().toEpochDay());
    return null;
  }

  @Override
  public Void visit(Change.StageChanged change) {
    day = dayOf(event.at());
    stage(change.to());
    return null;
  }

  @Override
  public Void visit(Change.AmountChanged change) {
    day = dayOf(event.at());
    amountDay.add(day);
    amountMinor.add(minor(change.to()));
    return null;
  }

  @Override
  public Void visit(Change.CloseDateChanged change) {
    day = dayOf(event.at());
    closeDay.add(day);
    closeValue.add((int) change.to().toEpochDay());
    return null;
  }

  @Override
  public Void visit(Change.OwnerChanged change) {
    return null;
  }

  @Override
  public Void visit(Change.CategoryChanged change) {
    return null;
  }

  @Override
  public Void visit(Change.ProbabilityOverrideChanged change) {
    return null;
  }

  @Override
  public Void visit(Change.DetailsChanged change) {
    return null;
  }

  @Override
  public Void visit(Change.QualificationRecorded change) {
    return null;
  }

  @Override
  public Void visit(Change.ActivityLogged change) {
    return null;
  }

  @Override
  public Void visit(Change.Won change) {
    return status(DealColumns.WON);
  }

  @Override
  public Void visit(Change.Lost change) {
    return status(DealColumns.LOST);
  }

  @Override
  public Void visit(Change.Disqualified change) {
    return status(DealColumns.LOST);
  }

  @Override
  public Void visit(Change.Reopened change) {
    return status(DealColumns.OPEN);
  }

  @Override
  public Void visit(Change.RuleOverridden change) {
    return null;
  }

  @Override
  public Void visit(Change.RetentionChanged change) {
    return null;
  }

  @Override
  public Void visit(Change.RecurringRevenueChanged change) {
    return null;
  }

  @Override
  public Void visit(Change.HealthChecked change) {
    return null;
  }

  @Override
  public Void visit(Change.RenewalTermsSet change) {
    return null;
  }
}
